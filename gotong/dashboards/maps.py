"""The dashboard map: slum locations inside the area and the user's scope, as GeoJSON for Leaflet.

The slums module's own scoped queryset decides what is visible; each feature links to its location page.
"""

import json

from django.urls import reverse
from django.utils.translation import gettext as _

from gotong.core.scoping import area_code_filter
from gotong.slums.models import SlumLocation
from gotong.slums.services import pick_baseline_and_latest


def feature_collection(user, area) -> dict:
    locations = (
        SlumLocation.objects.visible_to(user)
        .filter(area_code_filter([area.code]))
        .select_related("village")
        .prefetch_related("assessments")
    )
    features = []
    for location in locations:
        baseline, latest = pick_baseline_and_latest(location.assessments.all())
        current = latest or baseline
        properties = {
            "name": location.name,
            "village": location.village.name,
            "area_ha": str(location.area_ha),
            "remaining_ha": str(current.affected_area_ha) if current else None,
            "slum_class": current.slum_class if current else None,
            "slum_class_label": str(current.get_slum_class_display()) if current else _("Belum dinilai"),
            "url": reverse("slums:detail", args=[location.pk]),
        }
        if location.latitude is not None and location.longitude is not None:
            point = {"type": "Point", "coordinates": [float(location.longitude), float(location.latitude)]}
            features.append({"type": "Feature", "geometry": point, "properties": properties})
        if location.boundary_geojson:
            features.append(
                {"type": "Feature", "geometry": json.loads(location.boundary_geojson), "properties": properties}
            )
    return {"type": "FeatureCollection", "features": features}
