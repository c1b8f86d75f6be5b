"""The monthly report (page, PDF and XLSX of the same figures) and the cash book of the till."""

import datetime

from django.shortcuts import render
from django.utils import timezone

from gotong.core.policy.routes import route
from gotong.wastebank import exports, reports
from gotong.wastebank.access import can_record
from gotong.wastebank.cashbook import cash_book_months
from gotong.wastebank.lists import cash_book_for, month_from
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


@route("wastebank.view", target=BANK)
def cash_book(request, bank_id):
    """Every movement of the till with opening, in, out and running balance; its CSV/XLSX holds the same rows."""
    bank = visible_bank(request, bank_id)
    context = {
        "bank": bank,
        "book": cash_book_for(request.user, request.GET, bank=bank),
        "months": cash_book_months(bank),
        "month": month_from(request.GET.get("bulan")),
        "can_record": can_record(request.user, bank),
    }
    return render(request, "wastebank/cash_book.html", context)
