"""Area pages: browse and search the hierarchy, an area's children with scoped counts, work assignments."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from gotong.areas import services
from gotong.areas.access import reach_codes
from gotong.areas.browsing import attach_paths, scoped_figures
from gotong.areas.forms import AssignmentForm, NeighbourhoodUnitForm
from gotong.areas.models import Area, Level, WorkAssignment
from gotong.core.area_codes import city_code
from gotong.core.policy import can
from gotong.core.policy.routes import RecordLoader, route

MAX_QUERY = 100


class AreaLoader(RecordLoader):
    """The area a URL names by its dotted code (`level`: only areas of that level, else 404)."""

    def __init__(self, level: int | None = None):
        super().__init__(Area, "code")
        self.level = level

    def __call__(self, **kwargs):
        wanted = {"level": self.level} if self.level is not None else {}
        return get_object_or_404(Area, code=kwargs["code"], **wanted)

    def samples(self, limit_per_city: int = 1):
        areas = Area.objects.filter(level__gte=Level.REGENCY).order_by("code")
        if self.level is not None:
            areas = areas.filter(level=self.level)
        yield from _one_per_city(areas, lambda area: area.code, lambda area: {"code": area.code}, limit_per_city)


class AssignmentLoader(RecordLoader):
    """A work assignment by its id, with samples from every city."""

    def __init__(self):
        super().__init__(WorkAssignment, "pk")

    def samples(self, limit_per_city: int = 1):
        rows = WorkAssignment.objects.select_related("area").order_by("pk")
        yield from _one_per_city(rows, lambda a: a.area.code, lambda a: {"pk": a.pk}, limit_per_city)


def _one_per_city(rows, code_of, kwargs_of, limit: int):
    seen: dict[str, int] = {}
    for row in rows.iterator():
        city = city_code(code_of(row))
        if seen.get(city, 0) < limit:
            seen[city] = seen.get(city, 0) + 1
            yield kwargs_of(row)


def _query(request) -> str:
    # The assignment form's area field asks for suggestions under its own name.
    return (request.GET.get("q") or request.GET.get("area") or "").strip()[:MAX_QUERY]


def _results(text: str) -> list[Area]:
    return attach_paths(services.search_areas(text)) if text else []


def _browse_page(request, text: str):
    codes = reach_codes(request.user, "registry.view")
    if codes:
        start, start_title = Area.objects.filter(code__in=codes), _("Wilayah kerja Anda")
    else:
        start, start_title = Area.objects.filter(level=Level.PROVINCE), _("Provinsi")
    context = {"q": text, "results": _results(text), "start_areas": attach_paths(start), "start_title": start_title}
    return render(request, "areas/browse.html", context)


@route("areas.view")
def browse(request):
    return _browse_page(request, _query(request))


@route("areas.view")
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
        "can_add_units": area.level == Level.VILLAGE and can(user, "areas.manage", area),
        "unit_form": unit_form or NeighbourhoodUnitForm(),
        "Level": Level,
    }
    context.update(scoped_figures(area, user))
    return context


@route("areas.view", target=AreaLoader())
def detail(request, code):
    area = get_object_or_404(Area, code=code)
    return render(request, "areas/detail.html", _detail_context(request.user, area))


# Adding RW/RT is a city officer's job, in their own city (`areas.manage`).
@route(None, post="areas.manage", target=AreaLoader(level=Level.VILLAGE))
def add_unit(request, code):
    village = get_object_or_404(Area, code=code, level=Level.VILLAGE)
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


@route("areas.assign", post="areas.assign")
def assignments(request):
    form = AssignmentForm(request.POST or None, acting_user=request.user)
    if request.method == "POST" and form.is_valid():
        user, area = form.cleaned_data["user"], form.cleaned_data["area"]
        try:
            services.assign_work_area(user, area, acting_user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%(user)s ditugaskan di %(area)s.") % {"user": user.get_full_name() or user, "area": area.name},
            )
            return redirect("areas:assignments")
    return render(request, "areas/assignments.html", _assignment_context(request, form))


def _assignment_context(request, form) -> dict:
    rows: dict[int, dict] = {}
    listed = services.assignments_in_reach(request.user).order_by("user__first_name", "user__username", "area__code")
    for assignment in listed:
        rows.setdefault(assignment.user_id, {"user": assignment.user, "assignments": []})["assignments"].append(
            assignment
        )
    any_area = WorkAssignment.objects.filter(user=OuterRef("pk"))
    unassigned = services.assignable_users(request.user).filter(~Exists(any_area))
    page = Paginator(list(rows.values()), 25).get_page(request.GET.get("page"))
    return {"form": form, "page": page, "unassigned": unassigned}


# Another city's assignment is seen (work areas are no secret) but not removed: 403.
@route(None, post="areas.assign", target=AssignmentLoader())
def assignment_remove(request, pk):
    assignment = get_object_or_404(services.assignments_in_reach(request.user), pk=pk)
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
