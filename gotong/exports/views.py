"""Download a list as XLSX/CSV; large lists become a background job with a progress page.

Every URL asks `exports.use` (every account may export what it may see). The rows are the list page's own function
for the user, so a list holds only what its page shows them (a list the user may not open at all is refused by that
function: 403/404). A job is its owner's alone: anyone else's job answers 404, as if it did not exist.
"""

from io import BytesIO

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from gotong.core.policy.decide import Needs
from gotong.core.policy.routes import route
from gotong.exports import services
from gotong.exports.models import ExportJob
from gotong.exports.specs import all_specs, get_spec, params_from
from gotong.exports.writers import FORMATS, WRITERS

USE = "exports.use"


class ExportList:
    """`target=` of the download URL: the list named by `key` in a known format (404 otherwise). No record: the
    policy is asked about `exports.use` and the list's own capability (`ListExport.needs`), anywhere; the rows are
    the page's own scoped function. `samples()`: every list that needs no page argument."""

    def __call__(self, key=None, fmt=None, **kwargs):
        spec = get_spec(key)
        if fmt not in FORMATS:
            raise Http404
        return Needs(spec.needs)

    def samples(self):
        for spec in all_specs():
            if not spec.path_params:
                yield {"key": spec.key}


class OwnJob:
    """`target=` of a job's URLs: the job must exist (404); whose it is, the view checks (others' jobs: 404).

    The policy names no owner of a record but a person or household, so "own job" stays the view's filter on
    `owner=request.user`. `samples()`: the newest job of each owner, so each persona meets its own and others'."""

    def __call__(self, pk=None, **kwargs):
        get_object_or_404(ExportJob.objects.only("pk"), pk=pk)
        return None

    def samples(self):
        seen = set()
        for pk, owner in ExportJob.objects.order_by("-pk").values_list("pk", "owner_id"):
            if owner not in seen:
                seen.add(owner)
                yield {"pk": pk}


@route(USE, target=ExportList())
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
    WRITERS[fmt](buffer, spec, services.iterate(rows, spec))
    response = HttpResponse(buffer.getvalue(), content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{services.export_filename(spec, fmt)}"'
    return response


def _own_job(request, pk) -> ExportJob:
    # Someone else's job is as good as missing: 404, never 403.
    return get_object_or_404(ExportJob, pk=pk, owner=request.user)


@route(USE, target=OwnJob())
def job_detail(request, pk):
    job = _own_job(request, pk)
    spec = _spec_or_none(job.list_key)
    template = "exports/_job_progress.html" if request.htmx else "exports/job_detail.html"
    return render(request, template, {"job": job, "spec": spec})


@route(USE)
def job_list(request):
    jobs = ExportJob.objects.filter(owner=request.user)[:50]
    return render(request, "exports/job_list.html", {"jobs": [(j, _spec_or_none(j.list_key)) for j in jobs]})


@route(USE, target=OwnJob())
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
