"""Collaboration health pages: the list of collaborations the user may see, one page per forum and per village,
and their PDF/XLSX report for the Pokja PKP and the kelurahan. Every page asks the policy (`collaboration.view`)
and reads records through `visible_to` (`health.scope`)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.areas.models import Area, Level
from gotong.collaboration.health import definitions
from gotong.collaboration.health.exports import health_pdf, health_xlsx
from gotong.collaboration.health.period import LENGTHS, period_from
from gotong.collaboration.health.report import health
from gotong.collaboration.health.scope import Collaboration
from gotong.collaboration.health.warnings import DEFAULT_QUIET_MONTHS, all_warnings
from gotong.collaboration.models import Forum
from gotong.collaboration.services.network import network_context
from gotong.collaboration.views.common import VIEW
from gotong.core.area_codes import village_code
from gotong.core.policy.routes import by, route


class VillageByCode:
    """`target=` of a village's health page: the village (kelurahan/desa) by its code; 404 for anything else."""

    def __call__(self, *, code, **_ignored):
        village = Area.objects.filter(code=code, level=Level.VILLAGE).first()
        if village is None:
            raise Http404
        return village

    def samples(self):
        """One village with a forum per city, so personas meet villages inside and outside their scope."""
        seen = set()
        for code in Forum.objects.order_by("area_code").values_list("area_code", flat=True):
            village = village_code(code) if code.count(".") >= 3 else None
            city = ".".join(code.split(".")[:2])
            if village and city not in seen:
                seen.add(city)
                yield {"code": village}


def _quiet_months(request) -> int:
    raw = (request.GET.get("tanpa_rapat") or "").strip()
    if raw.isdigit() and 1 <= int(raw) <= 24:
        return int(raw)
    if raw:
        messages.warning(request, _("Batas bulan tanpa pertemuan harus 1 sampai 24; dipakai 3 bulan."))
    return DEFAULT_QUIET_MONTHS


def _period(request, today):
    period, error = period_from(request.GET, today)
    if error:
        messages.warning(request, error)
    return period


def _villages_of(user):
    """Villages where the user sees a forum, an agreement, a target or a project."""
    from gotong.collaboration.models import Agreement, Project, Target

    codes = set()
    for model in (Forum, Agreement, Target, Project):
        for code in model.objects.visible_to(user).values_list("area_code", flat=True).distinct():
            if code.count(".") >= 3:
                codes.add(village_code(code))
    return Area.objects.filter(code__in=codes, level=Level.VILLAGE).select_related("parent").order_by("code")


def _chooser_context(period, quiet_months):
    return {"period": period, "lengths": LENGTHS, "quiet_months": quiet_months}


@route(VIEW)
def health_list(request):
    today = timezone.localdate()
    period = _period(request, today)
    forums = Forum.objects.visible_to(request.user).select_related("area").order_by("area_code", "name")
    rows = [{"forum": forum, **health(Collaboration.of_forum(forum, request.user), period, today)} for forum in forums]
    villages = [
        {"village": village, **health(Collaboration.of_village(village, request.user), period, today)}
        for village in _villages_of(request.user)
    ]
    context = {
        "forum_rows": rows,
        "village_rows": villages,
        "stages": definitions.STAGES,
        **_chooser_context(period, DEFAULT_QUIET_MONTHS),
    }
    return render(request, "collaboration/health_list.html", context)


def _page_context(request, collab, today, *, with_network: bool = True):
    period = _period(request, today)
    quiet_months = _quiet_months(request)
    return {
        "collab": collab,
        "warnings": all_warnings(collab, today, quiet_months),
        "definitions": definitions.by_stage(),
        "warning_definitions": definitions.WARNINGS,
        "stages": definitions.STAGES,
        "today": today,
        **health(collab, period, today),
        **_chooser_context(period, quiet_months),
        **(_network(request.user, collab) if with_network else {}),
    }


def _network(user, collab) -> dict:
    """The actors of this collaboration and who bridges whom: a forum's, or a village's whole set (page only; the
    reports carry the five stages)."""
    if collab.forum:
        return network_context(user, forum=collab.forum)
    return network_context(user, area=collab.area)


def _export_links(request, name: str, arg) -> dict:
    query = request.GET.urlencode()
    suffix = f"?{query}" if query else ""
    return {
        "pdf_url": reverse(f"collaboration:{name}-pdf", args=[arg]) + suffix,
        "xlsx_url": reverse(f"collaboration:{name}-xlsx", args=[arg]) + suffix,
    }


@route(VIEW, target=by(Forum))
def forum_health(request, pk):
    forum = get_object_or_404(Forum.objects.visible_to(request.user).select_related("area"), pk=pk)
    context = _page_context(request, Collaboration.of_forum(forum, request.user), timezone.localdate())
    context.update(_export_links(request, "health-forum", forum.pk))
    return render(request, "collaboration/health_detail.html", context)


@route(VIEW, target=VillageByCode())
def village_health(request, code):
    village = VillageByCode()(code=code)
    context = _page_context(request, Collaboration.of_village(village, request.user), timezone.localdate())
    context.update(_export_links(request, "health-village", village.code))
    return render(request, "collaboration/health_detail.html", context)


def _export(request, collab, fmt):
    context = _page_context(request, collab, timezone.localdate(), with_network=False)
    if fmt == "xlsx":
        return health_xlsx(context)
    return health_pdf(context)


@route(VIEW, target=by(Forum))
def forum_health_export(request, pk, fmt):
    forum = get_object_or_404(Forum.objects.visible_to(request.user).select_related("area"), pk=pk)
    return _export(request, Collaboration.of_forum(forum, request.user), fmt)


@route(VIEW, target=VillageByCode())
def village_health_export(request, code, fmt):
    return _export(request, Collaboration.of_village(VillageByCode()(code=code), request.user), fmt)
