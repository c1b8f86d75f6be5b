"""The puskesmas monthly report (laporan bulanan posyandu): page, PDF and XLSX from the same sections.

`posyandu.report`: a posyandu's ketua, pengelola and kader get their own posyandu; village and city officers and
facilitators every posyandu of their work areas, one row each and a total. `?wilayah=` narrows, never widens.
"""

from django.shortcuts import render
from django.utils import timezone

from gotong.core.listing import filter_wilayah
from gotong.core.months import add_months
from gotong.core.policy.routes import route
from gotong.posyandu.access import reportable_posyandus
from gotong.posyandu.dates import parse_month
from gotong.posyandu.monthly import output
from gotong.posyandu.monthly.sections import build_sections
from gotong.posyandu.views.reports import report_areas


def _report(request):
    posyandus = filter_wilayah(reportable_posyandus(request.user), request.GET)
    month = parse_month(request.GET.get("bulan"), timezone.localdate())
    names = list(posyandus.order_by("area_code", "name").values_list("name", flat=True))
    return month, names, build_sections(posyandus, month)


@route("posyandu.report")
def monthly_report(request):
    month, names, sections = _report(request)
    context = {
        "month": month,
        "previous": add_months(month, -1),
        "next": add_months(month, 1),
        "names": names,
        "scope": output.scope_line(names) if names else "",
        "sections": sections,
        "wilayah": request.GET.get("wilayah", ""),
        "areas": report_areas(request.user),
    }
    return render(request, "posyandu/monthly_report.html", context)


@route("posyandu.report")
def monthly_report_pdf(request):
    return output.report_pdf(*_report(request))


@route("posyandu.report")
def monthly_report_xlsx(request):
    return output.report_xlsx(*_report(request))
