"""Large exports: a queued job the worker builds with progress; only its owner downloads it; old files go."""

import datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker

from gotong.exports.models import ExportJob
from gotong.exports.tests.helpers import body, csv_rows, xlsx_rows
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in


@pytest.fixture
def small_limit(settings, tmp_path):
    settings.GOTONG_EXPORT_MAX_DIRECT_ROWS = 2
    settings.GOTONG_EXPORT_PROGRESS_EVERY = 1
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def five_households(areas):
    for n in range(5):
        PersonFactory(household=HouseholdFactory(area=rt_in("21.72.03.1005", 1, n + 1)), name=f"Kepala {n}")


def run_worker():
    """What `gotong db_worker` does, in-process, until the queue is empty."""
    worker = Worker(
        queue_names=["default"], interval=0, batch=True, backend_name="default", startup_delay=False,
        max_tasks=None, worker_id="test", excluded_queue_names=[],
    )  # fmt: skip
    # The worker drops stale connections between tasks; inside a test's transaction that would close ours.
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        worker.run()


def test_large_export_runs_in_background_for_its_owner_only(
    client, facilitator, other_facilitator, five_households, small_limit
):
    client.force_login(facilitator)
    url = reverse("exports:download", kwargs={"key": "registry.households", "fmt": "csv"})
    response = client.get(url, {"pkh": "", "q": ""})
    job = ExportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("exports:job", args=[job.pk])
    assert (job.owner, job.status, job.format, job.filters) == (facilitator, "antri", "csv", {})

    page = client.get(response["Location"]).content.decode()
    assert "Menunggu giliran" in page and 'hx-trigger="every 1s"' in page
    assert client.get(reverse("exports:job-file", args=[job.pk])).status_code == 404  # not ready yet

    run_worker()
    job.refresh_from_db()
    assert (job.status, job.rows_done, job.rows_total) == ("selesai", 5, 5)
    page = client.get(reverse("exports:job", args=[job.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert "Selesai: 5 baris" in page and "every 1s" not in page
    assert reverse("exports:job-file", args=[job.pk]) in client.get(reverse("exports:jobs")).content.decode()

    download = client.get(reverse("exports:job-file", args=[job.pk]))
    assert download.status_code == 200
    assert f"rumah-tangga-{timezone.localdate().isoformat()}.csv" in download["Content-Disposition"]
    _headers, rows = csv_rows(body(download))
    assert sorted(r[0] for r in rows) == [f"Kepala {n}" for n in range(5)]

    client.force_login(other_facilitator)
    for name in ("exports:job", "exports:job-file"):
        assert client.get(reverse(name, args=[job.pk])).status_code == 404
    assert reverse("exports:job", args=[job.pk]) not in client.get(reverse("exports:jobs")).content.decode()


def test_job_uses_the_owners_scope_at_run_time(client, facilitator, five_households, small_limit):
    from gotong.areas.models import WorkAssignment

    client.force_login(facilitator)
    client.get(reverse("exports:download", kwargs={"key": "registry.households", "fmt": "xlsx"}))
    WorkAssignment.objects.filter(user=facilitator).delete()  # moved away before the worker got to it
    run_worker()
    job = ExportJob.objects.get()
    assert job.status == "selesai"
    _headers, rows = xlsx_rows(job.file.read())
    assert rows == []


def test_failure_shows_a_clear_message(client, facilitator, five_households, small_limit, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk penuh")

    monkeypatch.setattr("gotong.exports.writers.WRITERS", {"xlsx": broken, "csv": broken})
    monkeypatch.setattr("gotong.exports.services.WRITERS", {"xlsx": broken, "csv": broken})
    client.force_login(facilitator)
    client.get(reverse("exports:download", kwargs={"key": "registry.households", "fmt": "xlsx"}))
    run_worker()
    job = ExportJob.objects.get()
    assert job.status == "gagal" and not job.file
    page = client.get(reverse("exports:job", args=[job.pk])).content.decode()
    assert "Ekspor gagal karena kesalahan sistem" in page


def test_prune_removes_files_older_than_a_day(facilitator, small_limit, tmp_path):
    old = ExportJob.objects.create(owner=facilitator, list_key="registry.households", format="csv", status="selesai")
    (tmp_path / "exports").mkdir()
    (tmp_path / "exports" / "old.csv").write_text("x")
    old.file = "exports/old.csv"
    old.save()
    ExportJob.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(hours=25))
    fresh = ExportJob.objects.create(owner=facilitator, list_key="registry.households", format="csv")
    call_command("exports", "prune")
    assert list(ExportJob.objects.all()) == [fresh]
    assert not (tmp_path / "exports" / "old.csv").exists()
