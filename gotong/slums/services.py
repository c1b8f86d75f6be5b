"""Every write to slum locations and assessments goes through these functions: views, demo and API alike.

Each takes the acting user (recorded in the audit log), validates, and raises ValidationError with
Indonesian messages; nothing is written on error. Scores are never typed in: `record_assessment` computes
them with `scoring.assess`, the same function the `gotong slums assess` command uses.
"""

from decimal import ROUND_HALF_UP, Decimal

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gotong.areas.models import Level
from gotong.slums.criteria import CRITERION_CODES
from gotong.slums.models import Assessment, CriterionMeasurement, SlumLocation
from gotong.slums.scoring import assess, to_percent

NON_PHYSICAL_FIELDS = ("land_legality", "strategic_value", "population_density", "potential")
CENT = Decimal("0.01")


@transaction.atomic
def register_location(
    *,
    name,
    decree_number,
    decree_authority,
    area_ha,
    village,
    decree_date=None,
    neighbourhood_units="",
    acting_user,
) -> SlumLocation:
    if village.level != Level.VILLAGE:
        raise ValidationError({"village": _("Lokasi kumuh harus dikaitkan dengan kelurahan/desa.")})
    location = SlumLocation(
        name=name.strip(),
        decree_number=decree_number.strip(),
        decree_date=decree_date,
        decree_authority=decree_authority.strip(),
        area_ha=Decimal(str(area_ha)),
        village=village,
        area_code=village.code,
        neighbourhood_units=neighbourhood_units.strip(),
    )
    if location.area_ha <= 0:
        raise ValidationError({"area_ha": _("Luas lokasi harus lebih dari 0 ha.")})
    location.full_clean()
    with set_actor(acting_user):
        location.save()
    return location


def _rounded(percentages: dict) -> dict:
    """Percentages are stored with two decimals; score the stored value so percent and score always agree."""
    rounded = {}
    for code, value in percentages.items():
        try:
            number = to_percent(value)
        except ValueError:
            rounded[code] = value  # assess() reports it with the criterion's name
            continue
        # Only values with more than two decimals change, so error messages show what was typed.
        rounded[code] = number.quantize(CENT, rounding=ROUND_HALF_UP) if number.as_tuple().exponent < -2 else number
    return rounded


@transaction.atomic
def record_assessment(
    location: SlumLocation,
    *,
    assessed_on,
    percentages: dict,
    affected_area_ha,
    is_baseline: bool = False,
    non_physical: dict | None = None,
    acting_user,
) -> Assessment:
    non_physical = dict(non_physical or {})
    unknown = set(non_physical) - set(NON_PHYSICAL_FIELDS)
    if unknown:
        raise TypeError(f"unknown non-physical fields: {sorted(unknown)}")
    result = assess(_rounded(percentages))
    affected = Decimal(str(affected_area_ha))
    errors = {}
    if affected < 0 or affected > location.area_ha:
        errors["affected_area_ha"] = _("Luas kumuh tersisa harus antara 0 dan %(max)s ha (luas menurut SK).") % {
            "max": location.area_ha
        }
    if location.assessments.filter(assessed_on=assessed_on).exists():
        errors["assessed_on"] = _("Lokasi ini sudah punya penilaian pada tanggal itu.")
    if is_baseline and location.assessments.filter(is_baseline=True).exists():
        errors["is_baseline"] = _("Lokasi ini sudah punya data awal (baseline).")
    if errors:
        raise ValidationError(errors)
    assessment = Assessment(
        location=location,
        area_code=location.area_code,
        assessed_on=assessed_on,
        is_baseline=is_baseline,
        affected_area_ha=affected,
        total=result.total,
        slum_class=result.slum_class,
        created_by=acting_user,
        **{key: value or "" for key, value in non_physical.items()},
    )
    assessment.full_clean()
    with set_actor(acting_user):
        assessment.save()
        for code in CRITERION_CODES:
            measurement = CriterionMeasurement(
                assessment=assessment, code=code, percent=result.percentages[code], score=result.scores[code]
            )
            measurement.full_clean()
            measurement.save()
    return assessment


def pick_baseline_and_latest(assessments) -> tuple[Assessment | None, Assessment | None]:
    """From one location's assessments: the baseline (flagged, else the earliest) and the latest other one."""
    ordered = sorted(assessments, key=lambda a: (a.assessed_on, a.pk))
    if not ordered:
        return None, None
    baseline = next((a for a in ordered if a.is_baseline), ordered[0])
    others = [a for a in ordered if a.pk != baseline.pk]
    return baseline, (others[-1] if others else None)


def baseline_and_latest(location: SlumLocation) -> tuple[Assessment | None, Assessment | None]:
    """The baseline assessment and the most recent later one (None when there is only the baseline)."""
    return pick_baseline_and_latest(location.assessments.prefetch_related("measurements"))
