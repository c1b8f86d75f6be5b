"""Re-score every stored assessment with the official KOTAKU bands on the unrounded percentage (see
`gotong/slums/criteria.py`): 0 below 25 %, 1 for 25 ≤ p < 51, 3 for 51 ≤ p < 76, 5 from 76 %. Before, 50 < p < 51
and 75 < p < 76 scored one band higher.

A criterion recorded as a count is re-scored from count ÷ basis (unrounded); one recorded as a percent only, from
its stored percent. Totals and classes follow. An assessment that falls below 16 becomes "Bukan kumuh" and, as
migration 0005 and constraint 0006 require, keeps no remaining slum area. The bands are copied here, not imported,
so this migration keeps meaning what it meant when written. Reversing re-scores with the old bands (the
remaining area of a row that became "Bukan kumuh" is not brought back).
"""

from decimal import Decimal

from django.db import migrations

# (upper bound, upper bound included, score)
OFFICIAL_BANDS = ((25, False, 0), (51, False, 1), (76, False, 3), (100, True, 5))
OLD_BANDS = ((25, False, 0), (50, True, 1), (75, True, 3), (100, True, 5))
CLASSES = ((60, "heavy"), (38, "medium"), (16, "light"), (0, "none"))
BASIS_FIELD = {
    "1a": "building_count", "1b": "verified_area_ha", "1c": "building_count",
    "2a": "road_length_m", "2b": "road_length_m",
    "3a": "household_count", "3b": "household_count",
    "4a": "verified_area_ha", "4b": "drain_length_m", "4c": "drain_length_m",
    "5a": "household_count", "5b": "household_count",
    "6a": "household_count", "6b": "household_count",
    "7a": "building_count", "7b": "building_count",
}  # fmt: skip


def _score(percent: Decimal, bands) -> int:
    for bound, included, score in bands:
        if percent < bound or (included and percent == bound):
            return score
    raise ValueError(f"percent out of range: {percent}")


def _unrounded_percent(assessment, measurement) -> Decimal:
    whole = getattr(assessment, BASIS_FIELD[measurement.code])
    if measurement.amount is None or whole is None:
        return measurement.percent
    return Decimal(0) if whole == 0 else measurement.amount * 100 / Decimal(whole)


def _rescore(apps, bands):
    Assessment = apps.get_model("slums", "Assessment")
    Measurement = apps.get_model("slums", "CriterionMeasurement")
    for assessment in Assessment.objects.iterator(chunk_size=500):
        measurements = list(Measurement.objects.filter(assessment=assessment))
        if not measurements:
            continue
        for measurement in measurements:
            score = _score(_unrounded_percent(assessment, measurement), bands)
            if score != measurement.score:
                measurement.score = score
                measurement.save(update_fields=["score"])
        total = sum(m.score for m in measurements)
        slum_class = next(name for lowest, name in CLASSES if total >= lowest)
        if (total, slum_class) != (assessment.total, assessment.slum_class):
            assessment.total, assessment.slum_class = total, slum_class
            if slum_class == "none":
                assessment.affected_area_ha = 0
            assessment.save(update_fields=["total", "slum_class", "affected_area_ha"])


def official_bands(apps, schema_editor):
    _rescore(apps, OFFICIAL_BANDS)


def old_bands(apps, schema_editor):
    _rescore(apps, OLD_BANDS)


class Migration(migrations.Migration):
    dependencies = [("slums", "0007_location_units")]

    operations = [migrations.RunPython(official_bands, old_bands)]
