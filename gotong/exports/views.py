"""Download a list as XLSX/CSV; large lists become a background job with a progress page."""

from io import BytesIO

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from gotong.exports import services
from gotong.exports.models import ExportJob
from gotong.exports.specs import get_spec, params_from
from gotong.exports.writers import FORMATS, WRITERS


@login_required
@require_GET
def download(request, key, fmt):
    return export_response(request, key, fmt)


def export_response(request, key, fmt, **path_params):
    """The file for a small list, or a queued job (redirect to its progress page) for a large one.

    Modules may call this for an older download link of a list page, passing the page's URL arguments.
    """
    if fmt not in FORMATS:
        raise Http404
    spec = get_spec(key)
    params = params_from({**request.GET.dict(), **{k: str(v) for k, v in path_params.items()}}, spec)
    rows = spec.rows(request.user, params)  # the page's own function: same scope, filters, order
    if not services.is_small(rows):
        job = services.queue_export(owner=request.user, spec=spec, params=params, fmt=fmt)
        return redirect("exports:job", pk=job.pk)
    buffer = BytesIO()
    WRITERS[fmt](buffer, spec, services.iterate(rows))
    response = HttpResponse(buffer.getvalue(), content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{services.export_filename(spec, fmt)}"'
    return response


def _own_job(request, pk) -> ExportJob:
    # Someone else's job is as good as missing: 404, never 403.
    return get_object_or_404(ExportJob, pk=pk, owner=request.user)


@login_required
def job_detail(request, pk):
    job = _own_job(request, pk)
    spec = _spec_or_none(job.list_key)
    template = "exports/_job_progress.html" if request.htmx else "exports/job_detail.html"
    return render(request, template, {"job": job, "spec": spec})


@login_required
def job_list(request):
    jobs = ExportJob.objects.filter(owner=request.user)[:50]
    return render(request, "exports/job_list.html", {"jobs": [(j, _spec_or_none(j.list_key)) for j in jobs]})


@login_required
def job_file(request, pk):
    job = _own_job(request, pk)
    if job.status != ExportJob.Status.DONE or not job.file:
        raise Http404
    spec = _spec_or_none(job.list_key)
    # The day in the user's time zone (Jakarta), not UTC's: a job made after midnight WIB is dated that day.
    created_on = timezone.localdate(job.created_at)
    name = services.export_filename(spec, job.format, created_on) if spec else job.file.name
    try:
        handle = job.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=name, content_type=FORMATS[job.format])


def _spec_or_none(key):
    try:
        return get_spec(key)
    except Http404:
        return None
