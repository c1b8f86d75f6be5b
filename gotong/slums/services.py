"""Every write to slum locations and assessments goes through these functions: views, demo and API alike.

Each takes the acting user (recorded in the audit log), asks the access policy whether that user may record there
(`slums.record`; PermissionDenied if not — `None` is the system itself: commands and the demo), validates, and raises
ValidationError with Indonesian messages; nothing is written on error. Scores are never typed in:
`record_assessment` computes them with `scoring.assess`, the same function the `gotong slums assess` command uses.
"""

import datetime
import json
from decimal import ROUND_HALF_UP, Decimal

from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from gotong.areas.models import Area, Level
from gotong.core.numbers import decimal_text
from gotong.core.policy import can
from gotong.core.policy.decide import Place
from gotong.slums.counts import percentages_from_counts
from gotong.slums.criteria import CRITERION_CODES
from gotong.slums.models import Assessment, CriterionMeasurement, SlumClass, SlumLocation
from gotong.slums.scoring import assess
from gotong.slums.units import parse_units, unit_code

NON_PHYSICAL_FIELDS = ("land_legality", "strategic_value", "population_density", "potential")
CENT = Decimal("0.01")


LOCATION_FIELDS = (
    "name",
    "decree_number",
    "decree_date",
    "decree_authority",
    "area_ha",
    "village",
    "neighbourhood_units",
    "latitude",
    "longitude",
    "boundary_geojson",
)


def _require_record(acting_user, target) -> None:
    """Services do not trust their caller: the acting user must be allowed to record at `target`."""
    if acting_user is not None and not can(acting_user, "slums.record", target):
        raise PermissionDenied


def validate_boundary(text: str) -> str:
    """The boundary must be a GeoJSON Polygon or MultiPolygon (a Feature wrapping one is unwrapped).

    Returns the normalised JSON text, or "" for an empty input. Rings must be closed, with at least four
    [longitude, latitude] positions inside the valid ranges.
    """
    text = (text or "").strip()
    if not text:
        return ""
    try:
        data = json.loads(text)
    except ValueError:
        raise ValidationError({"boundary_geojson": _("Batas bukan JSON yang sah.")}) from None
    if isinstance(data, dict) and data.get("type") == "Feature":
        data = data.get("geometry")
    if not isinstance(data, dict) or data.get("type") not in ("Polygon", "MultiPolygon"):
        raise ValidationError({"boundary_geojson": _("Batas harus GeoJSON bertipe Polygon atau MultiPolygon.")})
    polygons = [data.get("coordinates")] if data["type"] == "Polygon" else data.get("coordinates")
    message = _("Koordinat batas tidak sah: tiap cincin butuh ≥ 4 titik [bujur, lintang] dan harus tertutup.")
    if not isinstance(polygons, list) or not polygons:
        raise ValidationError({"boundary_geojson": message})
    for rings in polygons:
        if not isinstance(rings, list) or not rings:
            raise ValidationError({"boundary_geojson": message})
        for ring in rings:
            if not _valid_ring(ring):
                raise ValidationError({"boundary_geojson": message})
    return json.dumps({"type": data["type"], "coordinates": data["coordinates"]})


def _valid_ring(ring) -> bool:
    if not isinstance(ring, list) or len(ring) < 4 or ring[0] != ring[-1]:
        return False
    for position in ring:
        if not isinstance(position, list) or len(position) < 2:
            return False
        lon, lat = position[0], position[1]
        if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (lon, lat)):
            return False
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            return False
    return True


def _check_location(location: SlumLocation) -> None:
    errors = {}
    if location.village_id and location.village.level != Level.VILLAGE:
        errors["village"] = _("Lokasi kumuh harus dikaitkan dengan kelurahan/desa.")
    if location.area_ha is not None and location.area_ha <= 0:
        errors["area_ha"] = _("Luas lokasi harus lebih dari 0 ha.")
    if (location.latitude is None) != (location.longitude is None):
        errors["longitude" if location.longitude is None else "latitude"] = _(
            "Isi lintang dan bujur bersama-sama, atau kosongkan keduanya."
        )
    if location.latitude is not None and not -90 <= location.latitude <= 90:
        errors["latitude"] = _("Lintang harus antara −90 dan 90.")
    if location.longitude is not None and not -180 <= location.longitude <= 180:
        errors["longitude"] = _("Bujur harus antara −180 dan 180.")
    try:
        location.boundary_geojson = validate_boundary(location.boundary_geojson)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    location.full_clean()


def units_in_note(village: Area, text: str) -> list[Area]:
    """The RW/RT areas under `village` that the free text names (`units.parse_units`) and that exist."""
    codes = [unit_code(village.code, unit) for unit in parse_units(text)]
    return list(Area.objects.filter(code__in=codes, level__in=[Level.RW, Level.RT]).order_by("code"))


def check_units(village: Area, units) -> list[Area]:
    """Every unit must be an RW or RT inside the location's village."""
    units = list(units)
    wrong = [u for u in units if u.level not in (Level.RW, Level.RT) or not u.code.startswith(f"{village.code}.")]
    if wrong:
        raise ValidationError(
            {
                "units": _("%(units)s bukan RW/RT di %(village)s.")
                % {"units": ", ".join(u.name for u in wrong), "village": village.name}
            }
        )
    return units


def _clean_location_values(values: dict) -> dict:
    cleaned = dict(values)
    for key in ("name", "decree_number", "decree_authority", "neighbourhood_units"):
        if key in cleaned:
            cleaned[key] = (cleaned[key] or "").strip()
    for key in ("area_ha", "latitude", "longitude"):
        if cleaned.get(key) is not None and cleaned.get(key) != "":
            cleaned[key] = Decimal(str(cleaned[key]))
        elif key in cleaned:
            cleaned[key] = None
    return cleaned


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
    latitude=None,
    longitude=None,
    boundary_geojson="",
    units=None,
    acting_user,
) -> SlumLocation:
    """`units`: the RW/RT areas; None links those the `neighbourhood_units` note names (commands, API, demo)."""
    _require_record(acting_user, Place(area_code=village.code))
    values = _clean_location_values(
        {
            "name": name,
            "decree_number": decree_number,
            "decree_date": decree_date,
            "decree_authority": decree_authority,
            "area_ha": area_ha,
            "village": village,
            "neighbourhood_units": neighbourhood_units,
            "latitude": latitude,
            "longitude": longitude,
            "boundary_geojson": boundary_geojson,
        }
    )
    location = SlumLocation(**values, area_code=village.code)
    _check_location(location)
    units = units_in_note(village, values["neighbourhood_units"]) if units is None else check_units(village, units)
    with set_actor(acting_user):
        location.save()
        location.units.set(units)
    return location


@transaction.atomic
def update_location(location: SlumLocation, *, acting_user, units=None, **changes) -> SlumLocation:
    """`units`: the new RW/RT areas, or None to keep the linked ones (they must still lie in the village)."""
    unknown = set(changes) - set(LOCATION_FIELDS)
    if unknown:
        raise TypeError(f"unknown location fields: {sorted(unknown)}")
    _require_record(acting_user, location)
    if changes.get("village") is not None:
        _require_record(acting_user, Place(area_code=changes["village"].code))
    location = SlumLocation.objects.select_for_update().get(pk=location.pk)
    for key, value in _clean_location_values(changes).items():
        setattr(location, key, value)
    min_area = location.assessments.aggregate(top=models.Max("affected_area_ha"))["top"]
    if min_area is not None and location.area_ha is not None and location.area_ha < min_area:
        raise ValidationError(
            {
                "area_ha": _("Luas tidak boleh lebih kecil dari luas kumuh yang sudah dinilai (%(ha)s ha).")
                % {"ha": decimal_text(min_area)}
            }
        )
    _check_location(location)
    units = check_units(location.village, location.units.all() if units is None else units)
    with set_actor(acting_user):
        location.save()
        location.units.set(units)
    return location


def stored_percent(percent: Decimal) -> Decimal:
    """Percentages are stored and shown with two decimals; the score is taken from the unrounded value first
    (official KOTAKU practice, see `criteria.py`), so 50,996 % is stored as 51,00 % with score 1."""
    return percent.quantize(CENT, rounding=ROUND_HALF_UP)


def _remaining_area(location: SlumLocation, affected_area_ha, slum_class: str, total: int) -> tuple[Decimal, dict]:
    """The remaining slum area, consistent with the class: a location classed "Bukan kumuh" has left the slum
    list as a whole, so what remains slum there is 0 ha (left empty, it is set to 0); a slum class needs the
    hectares still slum, more than 0 and at most the decree's area."""
    label = dict(SlumClass.choices)[slum_class]
    if affected_area_ha in (None, ""):
        if slum_class == SlumClass.NONE:
            return Decimal(0), {}
        return Decimal(0), {
            "affected_area_ha": _("Hasil penilaian %(class)s (total %(total)s): isi luas yang masih kumuh.")
            % {"class": label, "total": total}
        }
    affected = Decimal(str(affected_area_ha))
    if affected < 0 or affected > location.area_ha:
        return affected, {
            "affected_area_ha": _("Luas kumuh tersisa harus antara 0 dan %(max)s ha (luas menurut SK).")
            % {"max": decimal_text(location.area_ha)}
        }
    if slum_class == SlumClass.NONE and affected > 0:
        return affected, {
            "affected_area_ha": _(
                "Hasil penilaian Bukan kumuh (total %(total)s): luas kumuh tersisa 0 ha. Bagian yang masih kumuh "
                "dinilai sebagai lokasi tersendiri; kosongkan atau isi 0."
            )
            % {"total": total}
        }
    if slum_class != SlumClass.NONE and affected == 0:
        return affected, {
            "affected_area_ha": _(
                "Hasil penilaian %(class)s (total %(total)s): luas kumuh tersisa harus lebih dari 0 ha."
            )
            % {"class": label, "total": total}
        }
    return affected, {}


@transaction.atomic
def record_assessment(
    location: SlumLocation,
    *,
    assessed_on,
    percentages: dict | None = None,
    counts: dict | None = None,
    bases: dict | None = None,
    affected_area_ha=None,
    is_baseline: bool = False,
    non_physical: dict | None = None,
    acting_user,
) -> Assessment:
    """Record an assessment from counts (KOTAKU's baseline: `counts` per criterion code in its unit, `bases` by
    Assessment field, see `criteria.BASES`) and/or percentages for criteria without counts. The percentages are
    computed from the counts here, never trusted from a caller, and scored by `scoring.assess`."""
    _require_record(acting_user, location)
    non_physical = dict(non_physical or {})
    unknown = set(non_physical) - set(NON_PHYSICAL_FIELDS)
    if unknown:
        raise TypeError(f"unknown non-physical fields: {sorted(unknown)}")
    counted = percentages_from_counts(counts=counts, bases=bases, percentages=percentages)
    result = assess(counted.percentages)
    affected, errors = _remaining_area(location, affected_area_ha, result.slum_class, result.total)
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
        **counted.bases,
        **{key: value or "" for key, value in non_physical.items()},
    )
    assessment.full_clean()
    with set_actor(acting_user):
        assessment.save()
        for code in CRITERION_CODES:
            measurement = CriterionMeasurement(
                assessment=assessment,
                code=code,
                amount=counted.amounts.get(code),
                percent=stored_percent(result.percentages[code]),
                score=result.scores[code],
            )
            measurement.full_clean()
            measurement.save()
    return assessment


def latest_assessment(location: SlumLocation, on: datetime.date | None = None) -> Assessment | None:
    """A location's latest assessment (on or before `on` when given), in the order assessments are read everywhere
    (date, then id). Reads `location.assessments.all()`: prefetch them for a list."""
    return max(
        (a for a in location.assessments.all() if on is None or a.assessed_on <= on),
        key=lambda a: (a.assessed_on, a.pk),
        default=None,
    )


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
