"""Slum pages: locations in the user's scope, baseline vs latest per location, and the assessment form."""

from collections import defaultdict
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from gotong.areas.models import Area
from gotong.slums import services
from gotong.slums.access import can_assess, may_assess_at_all
from gotong.slums.criteria import ASPECTS, criteria_of
from gotong.slums.forms import AssessmentForm, add_service_errors
from gotong.slums.models import SlumLocation


def _visible(user):
    return SlumLocation.objects.visible_to(user)


def _city_code(area_code: str) -> str:
    return ".".join(area_code.split(".")[:2])


@login_required
def location_list(request):
    locations = list(_visible(request.user).select_related("village__parent").prefetch_related("assessments"))
    rows = []
    cities = defaultdict(
        lambda: {"locations": 0, "decree_ha": Decimal(0), "baseline_ha": Decimal(0), "latest_ha": Decimal(0)}
    )
    for location in locations:
        baseline, latest = services.pick_baseline_and_latest(location.assessments.all())
        current = latest or baseline
        rows.append({"location": location, "baseline": baseline, "current": current})
        city = cities[_city_code(location.area_code)]
        city["locations"] += 1
        city["decree_ha"] += location.area_ha
        # Without an assessment the decree's area is the best figure we have for both.
        city["baseline_ha"] += baseline.affected_area_ha if baseline else location.area_ha
        city["latest_ha"] += current.affected_area_ha if current else location.area_ha
    names = dict(Area.objects.filter(code__in=list(cities)).values_list("code", "name"))
    summary = [{"code": code, "name": names.get(code, code), **totals} for code, totals in sorted(cities.items())]
    return render(request, "slums/list.html", {"rows": rows, "summary": summary})


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


@login_required
def location_detail(request, pk):
    location = get_object_or_404(_visible(request.user).select_related("village__parent"), pk=pk)
    baseline, latest = services.baseline_and_latest(location)
    context = {
        "location": location,
        "baseline": baseline,
        "latest": latest,
        "groups": _criterion_rows(baseline, latest),
        "trend": location.assessments.order_by("assessed_on", "pk"),
        "can_assess": can_assess(request.user, location),
    }
    return render(request, "slums/detail.html", context)


@login_required
def assessment_create(request, pk):
    # 403 for roles that never assess, before looking the location up; 404 outside one's scope.
    if not may_assess_at_all(request.user):
        raise PermissionDenied
    location = get_object_or_404(_visible(request.user).select_related("village"), pk=pk)
    if not can_assess(request.user, location):
        raise PermissionDenied
    form = AssessmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            assessment = services.record_assessment(location, **form.service_kwargs(), acting_user=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Penilaian disimpan: total %(total)s, %(class)s.")
                % {"total": assessment.total, "class": assessment.get_slum_class_display()},
            )
            return redirect("slums:detail", location.pk)
    return render(request, "slums/assessment_form.html", {"form": form, "location": location})
