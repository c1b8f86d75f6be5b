"""Exports: small ones answered at once, large ones queued as a job that builds the file in the background."""

import logging
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.exports.models import ExportJob
from gotong.exports.specs import BatchedRows, ListExport, get_spec
from gotong.exports.writers import WRITERS

logger = logging.getLogger(__name__)


def threshold() -> int:
    return getattr(settings, "GOTONG_EXPORT_MAX_DIRECT_ROWS", 5000)


def progress_every() -> int:
    return getattr(settings, "GOTONG_EXPORT_PROGRESS_EVERY", 1000)


def export_filename(spec: ListExport, fmt: str, today=None) -> str:
    """`rumah-tangga-2026-11-23.xlsx`: the list's name and the day it was made."""
    return f"{spec.filename}-{(today or timezone.localdate()).isoformat()}.{fmt}"


def _sized_by(rows):
    """What to count for the rows: the queryset itself, or the queryset batched rows are made from."""
    return rows.queryset if isinstance(rows, BatchedRows) else rows


def is_small(rows) -> bool:
    """True when the rows fit the direct-download limit; counts at most limit+1 rows, never the whole table."""
    limit = threshold()
    rows = _sized_by(rows)
    if isinstance(rows, QuerySet):
        # Ids only: the list's annotations (a head's name, a member count) are subqueries not worth running here.
        return rows.order_by().values("pk")[: limit + 1].count() <= limit
    return len(rows) <= limit


def iterate(rows, spec: ListExport | None = None):
    """The rows to write, streamed: a server-side cursor keeps memory flat for a million rows (prefetches need a
    chunk size); a list whose spec names its `values` reads plain dicts instead of model instances."""
    if not isinstance(rows, QuerySet):
        return iter(rows)
    if spec is not None and spec.values:
        rows = rows.values(*spec.values)
    return rows.iterator(chunk_size=2000)


def count(rows) -> int:
    rows = _sized_by(rows)
    return rows.count() if isinstance(rows, QuerySet) else len(rows)


def queue_export(*, owner, spec: ListExport, params: dict, fmt: str) -> ExportJob:
    from gotong.exports.tasks import build_export

    job = ExportJob.objects.create(owner=owner, list_key=spec.key, filters=params, format=fmt)
    build_export.enqueue(job.pk)
    return job


def run_export_job(job_id: int) -> ExportJob:
    """Build the job's file with the owner's scope as it is now, reporting progress as rows are written."""
    job = ExportJob.objects.select_related("owner").get(pk=job_id)
    if job.status != ExportJob.Status.QUEUED:
        return job
    ExportJob.objects.filter(pk=job.pk).update(status=ExportJob.Status.RUNNING)
    relative = f"exports/{job.pk}-{job.owner_id}-{timezone.now():%Y%m%d%H%M%S}.{job.format}"
    target = Path(settings.MEDIA_ROOT) / relative
    try:
        spec = get_spec(job.list_key)
        if not job.owner.is_active:
            raise Http404
        rows = spec.rows(job.owner, job.filters)
        total = count(rows)
        ExportJob.objects.filter(pk=job.pk).update(rows_total=total)
        target.parent.mkdir(parents=True, exist_ok=True)

        def progress(done: int) -> None:
            ExportJob.objects.filter(pk=job.pk).update(rows_done=done)

        with target.open("wb") as out:
            done = WRITERS[job.format](out, spec, iterate(rows, spec), progress=progress, every=progress_every())
    except Http404:
        return _fail(job, target, _("Daftar ini tidak (lagi) termasuk wilayah atau organisasi Anda."))
    except Exception as error:  # noqa: BLE001 — any failure must reach the user as a message, not a stuck job
        # Only the type: messages of database errors can carry personal data.
        logger.error("export job %s failed: %s", job.pk, type(error).__name__)
        return _fail(job, target, _("Ekspor gagal karena kesalahan sistem. Coba lagi, atau hubungi admin."))
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportJob.Status.DONE, rows_done=done, rows_total=done, file=relative, finished_at=timezone.now()
    )
    job.refresh_from_db()
    return job


def _fail(job: ExportJob, target: Path, message: str) -> ExportJob:
    target.unlink(missing_ok=True)
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportJob.Status.FAILED, error=message, finished_at=timezone.now()
    )
    job.refresh_from_db()
    return job


def prune_exports(*, older_than: timedelta | None = None) -> int:
    """Delete jobs (and their files) older than the retention period; returns how many were removed."""
    hours = getattr(settings, "GOTONG_EXPORT_KEEP_HOURS", 24)
    cutoff = timezone.now() - (older_than if older_than is not None else timedelta(hours=hours))
    removed = 0
    for job in ExportJob.objects.filter(created_at__lt=cutoff).iterator():
        if job.file and default_storage.exists(job.file.name):
            default_storage.delete(job.file.name)
        job.delete()
        removed += 1
    return removed
