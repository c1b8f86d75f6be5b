"""The real villages of the seed papers, with their RW and RT.

Where a seed names an RW/RT it is kept exactly: Kampung Sayur Cempako is in RT 017 / RW 005 of 26 Ilir
(Palembang); the slum RWs of Kampung Bugis (Tanjungpinang) are RW 001 (RT 001–003) and RW 006 (RT 001–004).
Elsewhere 2–6 RWs of 2–5 RTs are drawn from a fixed seed, so every run builds the same units.
"""

import random
from dataclasses import dataclass, field

from gotong.areas.models import Area
from gotong.areas.services import ensure_neighbourhood_unit

SEED = 2026
CITY_CODES = ("12.71", "16.71", "14.71", "21.72")
CITY_NAMES = {"12.71": "medan", "16.71": "palembang", "14.71": "pekanbaru", "21.72": "tanjungpinang"}

CEMPAKO = ("16.71.11.1005", 5, 17)  # Kampung Sayur Cempako: 26 Ilir, RW 005, RT 017
CEMPAKO_RT = "16.71.11.1005.005.017"
KAMPUNG_BUGIS = "21.72.03.1005"
ILIR_26 = "16.71.11.1005"


@dataclass(frozen=True)
class Village:
    code: str
    name: str
    weight: int  # share of the demo households (out of 3000)
    fishing: bool = False  # coastal fishing community: nelayan, buruh pelabuhan
    stilts: bool = False  # houses on the water or riverbank: wooden walls and floors
    streets: tuple[str, ...] = ("Gg. Mawar", "Gg. Melati", "Gg. Damai", "Gg. Rukun", "Gg. Mesjid", "Gg. Sepakat")
    # RW number → RT numbers; empty means "draw them from the seed".
    units: dict[int, tuple[int, ...]] = field(default_factory=dict)

    @property
    def city(self) -> str:
        return CITY_NAMES[self.code[:5]]

    @property
    def district_code(self) -> str:
        return self.code.rsplit(".", 1)[0]


VILLAGES = (
    Village(
        "12.71.08.1004",
        "Belawan Bahari",
        300,
        fishing=True,
        stilts=True,
        streets=("Jl. Pelabuhan", "Gg. Nelayan", "Lorong Bahari", "Gg. Tongkol", "Gg. Kakap"),
    ),
    Village(
        "12.71.08.1006",
        "Bagan Deli",
        260,
        fishing=True,
        stilts=True,
        streets=("Jl. Bagan Deli", "Gg. Nelayan", "Lorong Tambak", "Gg. Pukat"),
    ),
    Village(
        "12.71.06.1002",
        "Tanjung Mulia Hilir",
        240,
        streets=("Jl. Deli", "Gg. Sepakat", "Gg. Keluarga", "Lorong Pelita", "Gg. Musholla"),
    ),
    Village("12.71.06.1006", "Mabar Hilir", 200, streets=("Jl. Mabar", "Gg. Rukun", "Gg. Bersama", "Gg. Pelita")),
    Village(
        ILIR_26,
        "26 Ilir",
        600,
        streets=("Jl. Cempako Dalam", "Jl. Batu Nilam", "Lorong Cempako", "Gg. Berdikari", "Lorong Kebon"),
        units={1: (1, 2, 3), 2: (4, 5, 6, 7), 3: (8, 9, 10), 4: (11, 12, 13, 14), 5: (15, 16, 17, 18), 6: (19, 20, 21)},
    ),
    Village(
        "14.71.04.1003",
        "Pesisir",
        250,
        stilts=True,
        streets=("Jl. Perdagangan", "Gg. Siak", "Gg. Tepian", "Gg. Nelayan"),
    ),
    Village("14.71.04.1002", "Tanjung Rhu", 200, stilts=True, streets=("Jl. Tanjung Rhu", "Gg. Sungai", "Gg. Damai")),
    Village("14.71.13.1003", "Tuahkarya", 150, streets=("Jl. Tuah Karya", "Gg. Sepakat", "Gg. Amal", "Gg. Ikhlas")),
    Village(
        KAMPUNG_BUGIS,
        "Kampung Bugis",
        550,
        fishing=True,
        stilts=True,
        streets=("Jl. Pelantar", "Pelantar Bugis", "Gg. Nelayan", "Jl. Kampung Bugis", "Gg. Sampan"),
        units={1: (1, 2, 3), 6: (1, 2, 3, 4)},
    ),
    Village(
        "21.72.03.1003",
        "Senggarang",
        250,
        fishing=True,
        stilts=True,
        streets=("Jl. Pelantar Senggarang", "Gg. Kelenteng", "Gg. Nelayan", "Jl. Senggarang"),
    ),
)


def village_units(village: Village) -> list[tuple[int, int]]:
    """(RW, RT) pairs of a village; the seed's own RT first so a small demo still has it."""
    units = village.units or _drawn_units(village.code)
    pairs = [(rw, rt) for rw, rts in sorted(units.items()) for rt in rts]
    if village.code == CEMPAKO[0]:
        pairs.remove(CEMPAKO[1:])
        pairs.insert(0, CEMPAKO[1:])
    return pairs


def _drawn_units(code: str) -> dict[int, tuple[int, ...]]:
    rng = random.Random(f"{SEED}-{code}")
    return {rw: tuple(range(1, rng.randint(2, 5) + 1)) for rw in range(1, rng.randint(2, 6) + 1)}


def household_quotas(total: int) -> list[int]:
    """Split `total` households over the villages by weight (largest remainder), at least one each."""
    weights = [v.weight for v in VILLAGES]
    exact = [total * w / sum(weights) for w in weights]
    quotas = [max(1, int(x)) for x in exact]
    by_remainder = sorted(range(len(VILLAGES)), key=lambda i: (int(exact[i]) - exact[i], i))
    for i in by_remainder[: max(0, total - sum(quotas))]:
        quotas[i] += 1
    return quotas


def ensure_places() -> dict[tuple[str, int, int], Area]:
    """Create the RW/RT units of every demo village; returns (village code, RW, RT) → RT area."""
    units = {}
    for village in VILLAGES:
        village_area = Area.objects.get(code=village.code)
        for rw, rt in village_units(village):
            units[(village.code, rw, rt)] = ensure_neighbourhood_unit(village_area, rw, rt)
    return units


def missing_villages() -> list[str]:
    wanted = {v.code for v in VILLAGES}
    return sorted(wanted - set(Area.objects.filter(code__in=wanted).values_list("code", flat=True)))
