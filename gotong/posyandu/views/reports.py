"""The monthly SKDN report: page, PDF and XLSX from the same numbers, for the posyandu the user may see."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone

from gotong.posyandu import reports, skdn
from gotong.posyandu.access import posyandus_for
from gotong.posyandu.dates import add_months, parse_month


def _report(request):
    posyandus = posyandus_for(request.user)
    if not posyandus.exists():
        raise PermissionDenied  # residents and partners: no posyandu records to report on
    month = parse_month(request.GET.get("bulan"), timezone.localdate())
    return month, *skdn.report(posyandus, month)


@login_required
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
    }
    return render(request, "posyandu/skdn.html", context)


@login_required
def skdn_pdf(request):
    return reports.skdn_pdf(*_report(request))


@login_required
def skdn_xlsx(request):
    return reports.skdn_xlsx(*_report(request))
