"""A facilitator downloads a large household list: it becomes a background export with progress, then a link."""

import pytest

from gotong.exports.models import ExportJob
from gotong.exports.tests.test_background import run_worker
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from tests.browser.conftest import log_in


@pytest.fixture
def many_households(areas, settings, tmp_path):
    settings.GOTONG_EXPORT_MAX_DIRECT_ROWS = 3
    settings.GOTONG_EXPORT_PROGRESS_EVERY = 2
    settings.MEDIA_ROOT = tmp_path
    for n in range(6):
        PersonFactory(household=HouseholdFactory(area=rt_in("21.72.03.1005", 1, n + 1)), name=f"Kepala {n}")


def test_large_export_shows_progress_then_the_download_link(desktop, live_server, facilitator, many_households):
    page = desktop
    log_in(page, live_server, "budi")
    page.goto(f"{live_server.url}/registrasi/")
    page.get_by_role("link", name="Unduh CSV").click()
    page.wait_for_url("**/ekspor/*/")
    assert "Menunggu giliran" in page.locator("#job-progress").inner_text()
    run_worker()  # what `gotong db_worker` does; the page polls and picks up the result
    link = page.get_by_role("link", name="Unduh berkas")
    link.wait_for()
    assert "Selesai: 6 baris" in page.locator("#job-progress").inner_text()
    with page.expect_download() as info:
        link.click()
    assert info.value.suggested_filename.startswith("rumah-tangga-")
    assert ExportJob.objects.get().status == "selesai"
