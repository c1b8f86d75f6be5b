"""Slum area at baseline and at the latest assessment, and locations per slum class (Permen PUPR 14/2018)."""

from decimal import ROUND_HALF_UP, Decimal

from gotong.core.scoping import area_code_filter
from gotong.dashboards.figures.links import list_url
from gotong.slums.models import SlumClass, SlumLocation
from gotong.slums.progress import location_progress
from gotong.slums.services import pick_baseline_and_latest

NOT_ASSESSED = "not_assessed"


def figures(user, area, today) -> dict | None:
    # Slum locations are few per city (tens), so a per-location pass over prefetched assessments is cheap.
    locations = list(
        SlumLocation.objects.visible_to(user).filter(area_code_filter([area.code])).prefetch_related("assessments")
    )
    if not locations:
        return None
    baseline = latest = decree = Decimal(0)
    classes = dict.fromkeys([*SlumClass.values, NOT_ASSESSED], 0)
    for location in locations:
        progress = location_progress(location)
        baseline += progress.baseline_ha
        latest += progress.latest_ha
        decree += progress.decree_ha
        first, last = pick_baseline_and_latest(location.assessments.all())
        current = last or first
        classes[current.slum_class if current else NOT_ASSESSED] += 1
    labels = dict(SlumClass.choices)
    return {
        "locations": len(locations),
        "decree_ha": decree,
        "baseline_ha": baseline,
        "latest_ha": latest,
        "reduced_ha": baseline - latest,
        "reduced_percent": percent_of(baseline - latest, baseline),
        "classes": [
            {"code": code, "label": labels.get(code, ""), "count": count} for code, count in classes.items() if count
        ],
        "url": list_url("slums:list", area),
        "progress_url": list_url("slums:progress", area),
        "map_url": list_url("slums:map", area),
    }


def percent_of(part: Decimal, whole: Decimal) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
