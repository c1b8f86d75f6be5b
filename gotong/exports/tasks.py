from django_tasks import task

from gotong.exports.services import run_export_job


@task()
def build_export(job_id: int) -> None:
    """Background half of a large export (run by `gotong db_worker`, or the worker `gotong serve` starts)."""
    run_export_job(job_id)
