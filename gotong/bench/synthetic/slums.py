"""Synthetic slum locations: the mayor's decree names a location in about 7 of every 18 villages, each assessed at
baseline and again in the window by the 16 criteria of Permen PUPR 14/PRT/M/2018.

Seed 004 (Tanjungpinang, Keputusan Wali Kota No. 337 tahun 2014): 7 locations in 18 kelurahan, of 6 to 52 ha
(150.41 ha in all); Kampung Bugis went from 18.92 ha in 2014 to 4.66 ha in 2018 (a quarter left after four years
of KOTAKU works). So a location's baseline is scored the decree's year, and its latest assessment in the window
finds each criterion's percentage cut by a share drawn around that pace. Totals and classes come from
`slums.scoring.assess`, as `slums.services` stores them; a location found "Bukan kumuh" keeps 0 ha.
"""

import random
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from gotong.bench.synthetic.modules import stamps
from gotong.slums.criteria import CRITERION_CODES
from gotong.slums.models import SlumClass, SlumLocation
from gotong.slums.scoring import assess

LOCATION_SHARE = 7 / 18  # seed 004: decreed locations per kelurahan of Tanjungpinang
AREA_HA = (6, 52)  # seed 004: the smallest and largest decreed location
DECREE = date(2014, 9, 1)  # seed 004: the decree's year; the day is a guess
STREETS = ("Pelantar", "Lorong", "Kampung", "Tepian", "Gang")
PLACES = ("Laut", "Pasar", "Sungai", "Bukit", "Baru", "Tengah", "Lama")
# Baseline percentages per criterion: most locations light to medium, as the decree's KOTAKU baseline found them.
BASELINE_PERCENT = (10, 85)
REDUCED_BY = (0.3, 0.9)  # share of each criterion's percentage fixed by the window (Kampung Bugis: about 0.75)
HUNDREDTH = Decimal("0.01")


def generate(sink, villages, units, *, seed: int, village_ids: dict[str, int], window) -> list[dict]:
    """Write the locations with their assessments; returns one dict per location for the collaboration generator."""
    rng = random.Random(f"{seed}-slums")
    taken = set(SlumLocation.objects.filter(village_id__in=village_ids.values()).values_list("village_id", flat=True))
    rts_by_village: dict[str, list[int]] = {}
    for (village_code, _rw, _rt), (area_id, _code) in sorted(units.items()):
        rts_by_village.setdefault(village_code, []).append(area_id)
    locations = []
    for village in sorted(villages, key=lambda v: v.code):
        if rng.random() >= LOCATION_SHARE or village_ids[village.code] in taken:
            continue  # an earlier run's location stays as it was
        locations.append(_location(sink, village, village_ids[village.code], rts_by_village.get(village.code), rng,
                                   window))  # fmt: skip
    return locations


def _location(sink, village, village_id: int, rts, rng, window) -> dict:
    area = Decimal(rng.uniform(*AREA_HA)).quantize(HUNDREDTH)
    name = f"{rng.choice(STREETS)} {rng.choice(PLACES)} {village.name}"[:150]
    pk = sink.record(
        "slums.SlumLocation", **stamps(DECREE), name=name, decree_number=f"337 Tahun {DECREE.year}",
        decree_date=DECREE, decree_authority="Wali Kota", area_ha=area, village_id=village_id,
        neighbourhood_units="", area_code=village.code, boundary_geojson="",
    )  # fmt: skip
    for area_id in rng.sample(rts, min(len(rts), rng.randint(1, 4))) if rts else ():
        sink.record("slums.SlumLocationUnit", slumlocation_id=pk, area_id=area_id)
    baseline = {code: Decimal(rng.randint(*BASELINE_PERCENT)) for code in CRITERION_CODES}
    first = _assessment(sink, pk, village.code, DECREE, baseline, area, True, rng)
    cut = rng.uniform(*REDUCED_BY)
    latest = {code: (value * Decimal(1 - cut * rng.uniform(0.7, 1.3))).quantize(HUNDREDTH) for code, value in
              baseline.items()}  # fmt: skip
    latest = {code: min(max(value, Decimal(0)), Decimal(100)) for code, value in latest.items()}
    assessed_on = window.start + timedelta(days=rng.randint(30, 300))
    last = _assessment(sink, pk, village.code, assessed_on, latest, area * Decimal(1 - cut), False, rng)
    return {"id": pk, "village": village, "village_id": village_id, "area_ha": area, "latest": last,
            "baseline": first}  # fmt: skip


def _assessment(sink, location_id, code, day, percentages, affected, is_baseline, rng) -> dict:
    result = assess(percentages)
    affected = Decimal(0) if result.slum_class == SlumClass.NONE else Decimal(affected).quantize(HUNDREDTH)
    pk = sink.record(
        "slums.Assessment", **stamps(day), location_id=location_id, area_code=code, assessed_on=day,
        is_baseline=is_baseline, affected_area_ha=affected, total=result.total, slum_class=result.slum_class,
        land_legality=rng.choice(("legal", "legal", "unclear")), strategic_value="strategic",
        population_density=rng.choice(("high", "very_high")), potential="",
    )  # fmt: skip
    for criterion in CRITERION_CODES:
        percent = result.percentages[criterion].quantize(HUNDREDTH, rounding=ROUND_HALF_UP)
        sink.record("slums.CriterionMeasurement", assessment_id=pk, code=criterion, percent=percent,
                    score=result.scores[criterion])  # fmt: skip
    return {"id": pk, "day": day, "affected_ha": affected, "slum_class": result.slum_class}
