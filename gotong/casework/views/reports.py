"""The monthly report (page, PDF, XLSX) and the supervisor's view of caseloads per worker."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from gotong.accounts.models import User
from gotong.casework import access, report
from gotong.casework.forms import MonthForm
from gotong.casework.lists import supervision_rows
from gotong.casework.models import Case
from gotong.core.pdf import pdf_response
from gotong.core.policy.routes import route
from gotong.core.tabular import xlsx_response


def _report_for(request):
    """The report of the chosen worker (default: me), over the cases I may see; 404 for anyone else's."""
    today = timezone.localdate()
    year, month = MonthForm(request.GET).year_month(today)
    visible = Case.objects.visible_to(request.user)
    worker = request.user
    worker_id = request.GET.get("worker")
    if worker_id and worker_id != str(request.user.pk):
        if not worker_id.isdigit() or not visible.filter(worker_id=int(worker_id)).exists():
            raise Http404
        worker = User.objects.get(pk=int(worker_id))
    return report.monthly_report(worker, year, month, cases=visible)


@route("casework.view")
def report_page(request):
    data = _report_for(request)
    context = {
        "report": data, "month_value": f"{data.year:04d}-{data.month:02d}", "worker_id": data.worker.pk,
        "supervises": access.supervises_anyone(request.user),
    }  # fmt: skip
    return render(request, "casework/report.html", context)


def _filename(data, ext):
    return f"laporan-pendampingan-{data.worker.username}-{data.year:04d}-{data.month:02d}.{ext}"


@route("casework.view")
def report_pdf_view(request):
    data = _report_for(request)
    return pdf_response(report.report_pdf(data), _filename(data, "pdf"))


@route("casework.view")
def report_xlsx_view(request):
    data = _report_for(request)
    return xlsx_response(_filename(data, "xlsx"), report.report_sheets(data))


@route("casework.supervise")
def supervision(request):
    """Caseload per worker for what I supervise: cases naming me as supervisor, or my city's cases."""
    today = timezone.localdate()
    workers = supervision_rows(request.user, request.GET, today)
    return render(request, "casework/supervision.html", {"workers": workers, "today": today})
