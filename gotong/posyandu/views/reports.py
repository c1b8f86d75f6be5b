"""The monthly SKDN report: page, PDF and XLSX from the same numbers, for the posyandu the user may report on.

`posyandu.report`: city officers and facilitators get the posyandu of their work areas aggregated (per posyandu,
per village and in total); a posyandu's ketua, pengelola and kader get their own posyandu. `?wilayah=` narrows
the report to one area (the dashboards link down with it); it never widens it.
"""

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.areas.models import Area
from gotong.core.area_codes import DISTRICT, district_code, village_code
from gotong.core.listing import filter_wilayah
from gotong.core.months import add_months
from gotong.core.policy.routes import route
from gotong.posyandu import reports, skdn
from gotong.posyandu.access import reportable_posyandus
from gotong.posyandu.dates import parse_month


def _report(request):
    posyandus = filter_wilayah(reportable_posyandus(request.user), request.GET)
    month = parse_month(request.GET.get("bulan"), timezone.localdate())
    return month, *skdn.report(posyandus, month)


def report_areas(user) -> list[tuple[str, str]]:
    """The districts and villages of the posyandu the user reports on, for the area filter: an officer or a
    facilitator narrows the aggregate to one of them (`?wilayah=`)."""
    codes = set(reportable_posyandus(user).values_list("area_code", flat=True).distinct())
    if len(codes) < 2:
        return []  # one posyandu (a cadre's): nothing to narrow
    wanted = {village_code(c) for c in codes} | {district_code(c) for c in codes}
    areas = Area.objects.filter(code__in=wanted).order_by("code").values_list("code", "name", "level")
    # Each district before its villages (codes sort so); a district reads "Kec. …".
    return [(code, name if level > DISTRICT else _("Kec. %(name)s") % {"name": name}) for code, name, level in areas]


@route("posyandu.report")
def skdn_page(request):
    month, per_posyandu, per_village, total = _report(request)
    context = {
        "month": month,
        "previous": add_months(month, -1),
        "next": add_months(month, 1),
        "per_posyandu": per_posyandu,
        "per_village": per_village,
        "total": total,
        "target": skdn.D_S_TARGET_PERCENT,
        "wilayah": request.GET.get("wilayah", ""),
        "areas": report_areas(request.user),
    }
    return render(request, "posyandu/skdn.html", context)


@route("posyandu.report")
def skdn_pdf(request):
    return reports.skdn_pdf(*_report(request))


@route("posyandu.report")
def skdn_xlsx(request):
    return reports.skdn_xlsx(*_report(request))
