"""The whole chain of planning together on a 360 px phone: a resident raises an aspiration from her home page → the
facilitator turns it into a proposal from the aspiration's page → two residents of the RW support it → the round
closes and it is chosen → it becomes a project → the public portal shows it, with its project status and no
names."""

import datetime

from django.utils import timezone

from gotong.collaboration.models import Project
from gotong.participation.models import Aspiration
from gotong.participation.services import planning as services
from gotong.participation.tests.planning.helpers import BUGIS, resident
from gotong.registry.tests.factories import rt_in
from tests.browser.conftest import _new_page, log_in

TITLE = "Normalisasi saluran Gg. Mawar RT 002"


def _fits(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # no sideways scrolling


def test_aspiration_to_portal_on_phone(browser, phone, live_server, areas, facilitator):
    rt = rt_in(BUGIS, 6, 2)
    today = timezone.localdate()
    planning_round = services.open_round(title="Prioritas RPLP RW 006", kind="rplp", area=rt.parent,
                                         opens_on=today - datetime.timedelta(days=3),
                                         closes_on=today + datetime.timedelta(days=10),
                                         acting_user=facilitator)  # fmt: skip
    residents = [resident("ani"), resident("bayu", rt=3)]

    context, ani = _new_page(browser, 360, 740)
    log_in(ani, live_server, "ani")
    ani.get_by_role("link", name="Sampaikan aspirasi atau pengaduan").click()
    ani.get_by_label("Kategori").select_option(label="Infrastruktur")
    ani.get_by_label("Isi aspirasi atau pengaduan").fill("Saluran air di Gg. Mawar tersumbat, banjir tiap hujan.")
    _fits(ani)
    ani.get_by_role("button", name="Kirim").click()
    assert "ASP-" in ani.locator(".alert-success").inner_text()
    context.close()
    aspiration = Aspiration.objects.get()
    assert aspiration.raised_for == residents[0].person and aspiration.area == rt

    page = phone
    log_in(page, live_server, "budi")
    page.goto(f"{live_server.url}/aspirasi/{aspiration.public_id}/")
    page.get_by_role("link", name="Jadikan usulan").click()
    page.get_by_label("Judul usulan").fill(TITLE)
    _fits(page)
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url("**/aspirasi/perencanaan/usulan/**")
    assert page.get_by_text("Aspirasi menjadi usulan.").is_visible()
    assert page.locator('[data-step="aspiration"][data-done="1"]').is_visible()
    round_url = f"{live_server.url}/aspirasi/perencanaan/{planning_round.public_id}/"

    for person in residents:
        context, resident_page = _new_page(browser, 360, 740)
        log_in(resident_page, live_server, person.username)
        resident_page.goto(round_url)
        resident_page.get_by_role("button", name="Dukung").click()
        resident_page.wait_for_url(round_url)
        assert resident_page.get_by_text("Anda mendukung").is_visible()
        _fits(resident_page)
        context.close()

    page.goto(round_url)
    assert page.locator("[data-support-count]").first.inner_text() == "2 dukungan"
    assert residents[0].person.name not in page.content()  # supports are counted, never named
    page.get_by_role("button", name="Tutup putaran").click()
    page.get_by_role("link", name="Pilih usulan").click()
    page.get_by_label(f"{TITLE} — 2 dukungan").check()
    _fits(page)
    page.get_by_role("button", name="Simpan hasil").click()
    page.wait_for_url(round_url)
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("link", name="Jadikan kegiatan fisik").click()
    page.get_by_label("Jenis").select_option("drainase")
    page.get_by_label("Volume").fill("120,5")
    page.get_by_label("Satuan").fill("m")
    _fits(page)
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url("**/aspirasi/perencanaan/usulan/**")
    assert page.locator('[data-step="project"][data-done="1"]').is_visible()
    project = Project.objects.get()
    assert project.name == TITLE and str(project.volume) == "120.50"
    _fits(page)
    page.screenshot(path="test-results/planning-chain-phone.png", full_page=True)

    page.goto(f"{live_server.url}/publik/{BUGIS}/")
    table = page.locator("#chosen-proposals + p + table")
    assert TITLE in table.inner_text() and "Direncanakan" in table.inner_text()
    assert "<5" in table.inner_text()  # two supporters: a small count, suppressed
    assert residents[0].person.name not in page.content()
    _fits(page)
