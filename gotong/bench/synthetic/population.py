"""Deterministic synthetic households over every village of one real city, at any scale.

The households, names, NIKs, family cards and houses come from the demo's `HouseholdMaker` (one source of what a
plausible household looks like), re-seeded and spread over all villages of the city with RT/RW units of about 40
households each. Nothing here touches the database except reading the city's villages.
"""

import bisect
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import accumulate

from gotong.areas.models import Area, Level
from gotong.core.demo.names import CITY_STYLES
from gotong.core.demo.people import REFERENCE_DATE, HouseholdMaker, HouseholdSpec, NumberBook
from gotong.core.demo.places import CITY_NAMES, Village

PERSONS_PER_HOUSEHOLD = 3.7  # what HouseholdMaker produces on average, to size the RT/RW units
HOUSEHOLDS_PER_RT = 40
STREETS = ("Gg. Mawar", "Gg. Melati", "Gg. Damai", "Gg. Rukun", "Gg. Mesjid", "Gg. Sepakat", "Gg. Pelita")


@dataclass(frozen=True)
class CityVillage(Village):
    """A real village of the loaded city; the name style falls back to Medan's for cities without their own."""

    style: str = "medan"

    @property
    def city(self) -> str:
        return self.style


def city_villages(city_code: str, seed: int, expected_households: int) -> list[CityVillage]:
    """Every village of the city with a seeded size weight and RT/RW units to hold its share of households."""
    rows = list(Area.objects.filter(level=Level.VILLAGE, code__startswith=f"{city_code}.").values_list("code", "name"))
    if not rows:
        raise ValueError(f"no villages under {city_code}: run `gotong areas load` first")
    rng = random.Random(f"{seed}-villages-{city_code}")
    style = CITY_NAMES.get(city_code, "medan")
    assert style in CITY_STYLES
    weights = [rng.lognormvariate(0, 0.5) for _row in rows]
    total = sum(weights)
    villages = []
    for (code, name), weight in zip(rows, weights, strict=True):
        households = max(1, round(expected_households * weight / total))
        streets = (f"Jl. {name.title()}", *rng.sample(STREETS, 4))
        villages.append(
            CityVillage(code, name.title(), weight=int(weight * 1000), streets=streets, units=_units(rng, households))
        )
    return villages


def _units(rng: random.Random, households: int) -> dict[int, tuple[int, ...]]:
    """RWs of 4–12 RTs, enough RTs for about HOUSEHOLDS_PER_RT households each."""
    rts_needed = max(1, round(households / HOUSEHOLDS_PER_RT))
    units, rw = {}, 0
    while rts_needed > 0:
        rw += 1
        count = min(rts_needed, rng.randint(4, 12))
        units[rw] = tuple(range(1, count + 1))
        rts_needed -= count
    return units


def generate_population(
    persons: int, *, seed: int, city_code: str, taken_niks=(), taken_kks=(), today: date = REFERENCE_DATE
) -> Iterator[HouseholdSpec]:
    """Households until exactly `persons` persons: the last household is cut short (its head always stays)."""
    villages = city_villages(city_code, seed, round(persons / PERSONS_PER_HOUSEHOLD))
    maker = HouseholdMaker(NumberBook(taken_niks, taken_kks), today)
    maker.rng = maker.names.rng = random.Random(seed)
    maker.names.fake.seed_instance(seed)
    cumulative = list(accumulate(v.weight for v in villages))
    pairs = [[(rw, rt) for rw, rts in sorted(v.units.items()) for rt in rts] for v in villages]
    counters = [0] * len(villages)
    placer = random.Random(f"{seed}-placement")
    made = 0
    while made < persons:
        index = bisect.bisect_right(cumulative, placer.random() * cumulative[-1])
        village = villages[index]
        rw, rt = pairs[index][counters[index] % len(pairs[index])]
        counters[index] += 1
        household = maker.household(village, rw, rt)
        if made + len(household.members) > persons:
            household.members = household.members[: persons - made]
            if household.dwelling:
                household.dwelling["occupants"] = len(household.members)
        made += len(household.members)
        yield household
