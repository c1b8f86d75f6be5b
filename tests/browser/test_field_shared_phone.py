"""A phone shared by field workers: logging out clears the worker's cases and pages from it, unsent entries are
asked about and never lost, and the next user on the phone neither sees nor sends them."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from gotong.casework import services
from gotong.casework.models import Program, Visit
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from tests.browser.conftest import log_in
from tests.browser.test_field_offline import wait_until_offline_ready

SUBMIT = "**/api/v1/lapangan/kiriman/"


@pytest.fixture
def raja_case(areas, facilitator, city_officer):
    household = HouseholdFactory(area=rt_in("21.72.03.1005", 2, 3), address="Jl. Bugis Pelantar 7")
    patient = PersonFactory(household=household, name="Raja Ali")
    return services.open_case(
        program=Program.PKH, household=household, person=patient, summary="Pendampingan PKH",
        opened_reason="Rujukan kelurahan", opened_on=timezone.localdate() - datetime.timedelta(days=30),
        supervisor=city_officer, acting_user=facilitator,
    )  # fmt: skip


def log_out_from_field_home(page, live_server):
    page.goto(f"{live_server.url}/lapangan/")
    page.get_by_role("button", name="Keluar").click()


def queue_a_visit_offline(page, live_server):
    page.goto(f"{live_server.url}/lapangan/kunjungan/")
    wait_until_offline_ready(page)
    page.context.set_offline(True)
    page.get_by_label("Kasus").select_option(index=1)  # Raja Ali, the only case
    page.get_by_label("Bertemu dengan").fill("Ibu Raja")
    page.get_by_label("Rencana berikutnya").fill("antar ke puskesmas")
    page.get_by_role("button", name="Simpan kunjungan").click()
    expect(page.locator("#queue-count")).to_have_text("1 menunggu dikirim")


def opens_offline(page, url) -> bool:
    try:
        page.goto(url)
    except PlaywrightError:
        return False  # the browser's own "no connection" page: nothing of the last user is left to show
    return page.get_by_text("Raja Ali").count() > 0


def test_after_logout_the_visit_form_no_longer_opens_offline_with_the_cases(phone, live_server, raja_case):
    page = phone
    log_in(page, live_server, "budi")
    page.goto(f"{live_server.url}/lapangan/kunjungan/")
    wait_until_offline_ready(page)
    expect(page.get_by_label("Kasus")).to_contain_text("Raja Ali")
    page.context.set_offline(True)
    page.reload()  # offline the form opens from the phone, with the cases: what a stranger must not see later
    expect(page.get_by_label("Kasus")).to_contain_text("Raja Ali")
    page.context.set_offline(False)

    log_out_from_field_home(page, live_server)
    page.wait_for_url("**/akun/masuk/**")  # nothing unsent: no question, straight out
    page.context.set_offline(True)
    assert not opens_offline(page, f"{live_server.url}/lapangan/kunjungan/")
    assert not opens_offline(page, f"{live_server.url}/lapangan/")


def test_unsent_entries_are_asked_about_kept_for_their_owner_and_never_sent_by_the_next_user(
    phone, live_server, raja_case
):
    from conftest import _user

    _user("andi", "facilitator", work_areas=["21.72.03.1005"], first_name="Andi")  # a colleague on the same phone
    page = phone
    log_in(page, live_server, "budi")
    queue_a_visit_offline(page, live_server)
    page.route(SUBMIT, lambda route: route.abort())  # back in signal, but the sending fails
    page.context.set_offline(False)

    log_out_from_field_home(page, live_server)
    dialog = page.get_by_role("dialog", name="Ada isian yang belum terkirim")
    expect(dialog).to_contain_text("1 isian di HP ini belum terkirim")
    dialog.get_by_role("button", name="Buang isian ini…").click()  # discarding asks once more
    expect(dialog).to_contain_text("Yakin membuang 1 isian?")
    dialog.get_by_role("button", name="Kembali").click()
    dialog.get_by_role("button", name="Simpan di HP ini untuk saya, lalu keluar").click()
    page.wait_for_url("**/akun/masuk/**")
    assert not Visit.objects.exists()

    # Andi logs in on the same phone: Budi's entry is neither shown to him nor sent under his session.
    page.unroute(SUBMIT)
    sent = []
    page.on("request", lambda request: sent.append(request.url) if "/lapangan/kiriman/" in request.url else None)
    log_in(page, live_server, "andi")
    page.goto(f"{live_server.url}/lapangan/")
    expect(page.locator("#queue-count")).to_have_text("Semua isian sudah terkirim")
    expect(page.locator("#queue-list li")).to_have_count(0)
    page.get_by_role("button", name="Kirim sekarang").click()
    page.wait_for_timeout(500)
    assert sent == [] and not Visit.objects.exists()
    log_out_from_field_home(page, live_server)
    page.wait_for_url("**/akun/masuk/**")

    # Budi comes back: his entry is still there and goes out under his own name.
    log_in(page, live_server, "budi")
    page.goto(f"{live_server.url}/lapangan/")
    expect(page.locator("#queue-count")).to_have_text("Semua isian sudah terkirim")
    (visit,) = Visit.objects.all()
    assert visit.worker.username == "budi" and visit.next_step == "antar ke puskesmas"
