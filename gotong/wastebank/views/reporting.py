"""The monthly report: page, PDF and XLSX of the same figures."""

import datetime

from django.shortcuts import render
from django.utils import timezone

from gotong.core.policy.routes import route
from gotong.wastebank import exports, reports
from gotong.wastebank.views.common import BANK, visible_bank


def _month(request) -> tuple[int, int]:
    text = request.GET.get("bulan", "")
    try:
        day = datetime.datetime.strptime(text, "%Y-%m").date()
    except ValueError:
        day = timezone.localdate()
    return day.year, day.month


@route("wastebank.view", target=BANK)
def monthly(request, bank_id, fmt="html"):
    bank = visible_bank(request, bank_id)
    year, month = _month(request)
    report = reports.monthly_report(bank, year, month)
    if fmt == "pdf":
        return exports.report_pdf(report)
    if fmt == "xlsx":
        return exports.report_xlsx(report)
    previous = report.start - datetime.timedelta(days=1)
    following = report.end + datetime.timedelta(days=1)
    context = {
        "bank": bank,
        "report": report,
        "month_value": f"{year:04d}-{month:02d}",
        "previous": f"{previous:%Y-%m}",
        "following": f"{following:%Y-%m}" if following <= timezone.localdate() else None,
    }
    return render(request, "wastebank/report.html", context)
