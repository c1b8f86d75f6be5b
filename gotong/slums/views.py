"""Slum pages: locations in the user's scope, baseline vs latest, forms, the map and progress to zero slum."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from gotong.areas.models import Area
from gotong.core.charts import png_data_uri
from gotong.core.forms import add_service_errors
from gotong.core.policy.routes import by, route
from gotong.slums import progress, services
from gotong.slums.access import villages_to_record
from gotong.slums.criteria import ASPECTS, criteria_of
from gotong.slums.forms import AssessmentForm, LocationForm
from gotong.slums.joins import location_units
from gotong.slums.lists import location_rows
from gotong.slums.models import SlumLocation


def _visible(user):
    return SlumLocation.objects.visible_to(user)


@route("slums.view")
def location_list(request):
    rows = location_rows(request.user, request.GET)
    locations = [row["location"] for row in rows]
    cities = progress.city_progress(locations)
    names = dict(Area.objects.filter(code__in=list(cities)).values_list("code", "name"))
    summary = [
        {
            "code": code,
            "name": names.get(code, code),
            "locations": city.locations,
            "assessed": city.assessed,
            "decree_ha": city.decree_ha,
            "baseline_ha": city.baseline_ha,
            "latest_ha": city.latest_ha,
            "reduced_ha": city.reduced_ha,
            "reduced_percent": city.reduced_percent,
        }  # fmt: skip
        for code, city in sorted(cities.items())
    ]
    context = {"rows": rows, "summary": summary}
    return render(request, "slums/list.html", context)


def _criterion_rows(baseline, latest):
    def by_code(assessment):
        return {m.code: m for m in assessment.measurements.all()} if assessment else {}

    base, last = by_code(baseline), by_code(latest)
    groups = []
    for aspect in ASPECTS:
        rows = [(c, base.get(c.code), last.get(c.code)) for c in criteria_of(aspect.number)]
        subtotal_base = sum(m.score for _c, m, _l in rows if m) if baseline else None
        subtotal_last = sum(m.score for _c, _b, m in rows if m) if latest else None
        groups.append({"aspect": aspect, "rows": rows, "baseline": subtotal_base, "latest": subtotal_last})
    return groups


@route("slums.view", target=by(SlumLocation))
def location_detail(request, pk):
    location = get_object_or_404(_visible(request.user).select_related("village__parent"), pk=pk)
    baseline, latest = services.baseline_and_latest(location)
    context = {
        "location": location,
        "baseline": baseline,
        "latest": latest,
        "groups": _criterion_rows(baseline, latest),
        "trend": location.assessments.order_by("assessed_on", "pk"),
        "progress": progress.location_progress(location),
        **location_units(location, request.user),
    }
    return render(request, "slums/detail.html", context)


@route("slums.record", post="slums.record", target=by(SlumLocation))
def assessment_create(request, pk):
    # The route answered 404 outside the user's scope and 403 to whoever may see but not assess the location.
    location = get_object_or_404(_visible(request.user).select_related("village"), pk=pk)
    form = AssessmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            assessment = services.record_assessment(location, **form.service_kwargs(), acting_user=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc, field_for=form.service_field)
        else:
            messages.success(
                request,
                _("Penilaian disimpan: total %(total)s, %(class)s.")
                % {"total": assessment.total, "class": assessment.get_slum_class_display()},
            )
            return redirect("slums:detail", location.pk)
    return render(request, "slums/assessment_form.html", {"form": form, "location": location})


def _location_form_page(request, location=None):
    initial = {}
    if location is not None:
        initial = {name: getattr(location, name) for name in services.LOCATION_FIELDS}
        initial["units"] = list(location.units.all())
    form = LocationForm(
        request.POST or None,
        initial=initial,
        villages=villages_to_record(request.user),
        village_id=request.GET.get("village"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            if location is None:
                location = services.register_location(**form.service_kwargs(), acting_user=request.user)
            else:
                location = services.update_location(location, **form.service_kwargs(), acting_user=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Lokasi kumuh %(name)s tersimpan.") % {"name": location.name})
            return redirect("slums:detail", location.pk)
    return render(request, "slums/location_form.html", {"form": form, "location": location})


@route("slums.record", post="slums.record")
def location_create(request):
    return _location_form_page(request)


@route("slums.record", post="slums.record", target=by(SlumLocation))
def location_edit(request, pk):
    return _location_form_page(request, get_object_or_404(_visible(request.user), pk=pk))


@route("slums.view")
def location_map(request):
    return render(request, "slums/map.html", {"count": _visible(request.user).count()})


@route("slums.view")
def map_data(request):
    """GeoJSON FeatureCollection of the user's locations: a point each (and the boundary when recorded)."""
    features = []
    for location in _visible(request.user).select_related("village").prefetch_related("assessments"):
        baseline, latest = services.pick_baseline_and_latest(location.assessments.all())
        current = latest or baseline
        properties = {
            "id": location.pk,
            "name": location.name,
            "village": location.village.name,
            "area_ha": str(location.area_ha),
            "remaining_ha": str(current.affected_area_ha) if current else None,
            "slum_class": current.slum_class if current else None,
            "slum_class_label": current.get_slum_class_display() if current else _("Belum dinilai"),
            "assessed_on": current.assessed_on.isoformat() if current else None,
            "url": reverse("slums:detail", args=[location.pk]),
        }
        if location.latitude is not None:
            point = {"type": "Point", "coordinates": [float(location.longitude), float(location.latitude)]}
            features.append({"type": "Feature", "geometry": point, "properties": {**properties, "shape": "point"}})
        if location.boundary_geojson:
            geometry = json.loads(location.boundary_geojson)
            features.append(
                {"type": "Feature", "geometry": geometry, "properties": {**properties, "shape": "boundary"}}
            )
    return JsonResponse({"type": "FeatureCollection", "features": features})


@route("slums.view")
def progress_page(request):
    from gotong.collaboration.models import Target
    from gotong.collaboration.services.targets import target_status, with_current_values

    locations = list(_visible(request.user).select_related("village__parent").prefetch_related("assessments"))
    cities = progress.city_progress(locations)
    names = dict(Area.objects.filter(code__in=list(cities)).values_list("code", "name"))
    city_rows = [{"code": code, "name": names.get(code, code), "progress": p} for code, p in sorted(cities.items())]
    location_rows = [{"location": loc, "progress": progress.location_progress(loc)} for loc in locations]
    targets = with_current_values(Target.objects.visible_to(request.user).select_related("area"))
    target_rows = [{"target": t, "status": target_status(t)} for t in targets]
    png = progress.remaining_chart_png({row["name"]: row["progress"].series for row in city_rows})
    context = {
        "cities": city_rows,
        "locations": location_rows,
        "targets": target_rows,
        "chart": png_data_uri(png) if png else None,
    }
    return render(request, "slums/progress.html", context)
