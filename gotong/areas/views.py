"""Area pages: browse and search the hierarchy, an area's children with scoped counts, work assignments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gotong.areas import services
from gotong.areas.access import can_edit_units, is_city_officer
from gotong.areas.browsing import attach_paths, scoped_figures
from gotong.areas.forms import AssignmentForm, NeighbourhoodUnitForm, assignable_users
from gotong.areas.models import Area, Level, WorkAssignment
from gotong.core.scoping import area_code_filter, visible_area_codes

MAX_QUERY = 100


def _query(request) -> str:
    # The assignment form's area field asks for suggestions under its own name.
    return (request.GET.get("q") or request.GET.get("area") or "").strip()[:MAX_QUERY]


def _results(text: str) -> list[Area]:
    return attach_paths(services.search_areas(text)) if text else []


def _browse_page(request, text: str):
    codes = visible_area_codes(request.user)
    if codes:
        start, start_title = Area.objects.filter(code__in=codes), _("Wilayah kerja Anda")
    else:
        start, start_title = Area.objects.filter(level=Level.PROVINCE), _("Provinsi")
    context = {"q": text, "results": _results(text), "start_areas": attach_paths(start), "start_title": start_title}
    return render(request, "areas/browse.html", context)


@login_required
def browse(request):
    return _browse_page(request, _query(request))


@login_required
def search(request):
    text = _query(request)
    if request.htmx and not request.htmx.history_restore_request:
        template = "areas/_options.html" if request.GET.get("as") == "options" else "areas/_results.html"
        response = render(request, template, {"q": text, "results": _results(text)})
    else:
        response = _browse_page(request, text)
    # The same URL answers with a fragment or a page: caches must keep them apart.
    patch_vary_headers(response, ("HX-Request",))
    return response


def _detail_context(user, area: Area, unit_form=None) -> dict:
    context = {
        "area": area,
        "ancestors": area.ancestors(),
        "can_add_units": area.level == Level.VILLAGE and can_edit_units(user, area),
        "unit_form": unit_form or NeighbourhoodUnitForm(),
        "Level": Level,
    }
    context.update(scoped_figures(area, user))
    return context


@login_required
def detail(request, code):
    area = get_object_or_404(Area, code=code)
    return render(request, "areas/detail.html", _detail_context(request.user, area))


@login_required
@require_POST
def add_unit(request, code):
    village = get_object_or_404(Area, code=code, level=Level.VILLAGE)
    if not can_edit_units(request.user, village):
        raise PermissionDenied
    form = NeighbourhoodUnitForm(request.POST)
    if form.is_valid():
        rw, rt = form.cleaned_data["rw"], form.cleaned_data["rt"]
        existed = Area.objects.filter(code=services.neighbourhood_code(village.code, rw, rt)).exists()
        try:
            unit = services.ensure_neighbourhood_unit(village, rw, rt)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if existed:
                messages.info(request, _("%(name)s sudah ada.") % {"name": unit.name})
            else:
                messages.success(request, _("%(name)s ditambahkan.") % {"name": unit.name})
            return redirect("areas:detail", unit.code)
    return render(request, "areas/detail.html", _detail_context(request.user, village, unit_form=form))


def _require_city_officer(user) -> None:
    if not is_city_officer(user):
        raise PermissionDenied


def _assignments_in_scope(user):
    codes = visible_area_codes(user)
    assignments = WorkAssignment.objects.select_related("area", "user", "assigned_by")
    return assignments if codes is None else assignments.filter(area_code_filter(codes, field="area__code"))


@login_required
def assignments(request):
    _require_city_officer(request.user)
    form = AssignmentForm(request.POST or None, acting_user=request.user)
    if request.method == "POST" and form.is_valid():
        user, area = form.cleaned_data["user"], form.cleaned_data["area"]
        services.assign_work_area(user, area, acting_user=request.user)
        messages.success(
            request, _("%(user)s ditugaskan di %(area)s.") % {"user": user.get_full_name() or user, "area": area.name}
        )
        return redirect("areas:assignments")
    return render(request, "areas/assignments.html", _assignment_context(request, form))


def _assignment_context(request, form) -> dict:
    rows: dict[int, dict] = {}
    for assignment in _assignments_in_scope(request.user).order_by("user__first_name", "user__username", "area__code"):
        rows.setdefault(assignment.user_id, {"user": assignment.user, "assignments": []})["assignments"].append(
            assignment
        )
    unassigned = assignable_users().filter(work_assignments__isnull=True)
    page = Paginator(list(rows.values()), 25).get_page(request.GET.get("page"))
    return {"form": form, "page": page, "unassigned": unassigned}


@login_required
@require_POST
def assignment_remove(request, pk):
    _require_city_officer(request.user)
    # Only assignments inside the officer's own scope can be found, let alone removed.
    assignment = get_object_or_404(_assignments_in_scope(request.user), pk=pk)
    if assignment.user_id == request.user.pk:
        # An officer removing their own area would lock themselves out of the page they are on.
        messages.error(request, _("Anda tidak bisa mencabut wilayah kerja Anda sendiri."))
        return redirect("areas:assignments")
    services.unassign_work_area(assignment.user, assignment.area, acting_user=request.user)
    messages.success(
        request,
        _("Wilayah kerja %(area)s dicabut dari %(user)s.")
        % {"area": assignment.area.name, "user": assignment.user.get_full_name() or assignment.user},
    )
    return redirect("areas:assignments")
