"""Aspirations on a 360 px phone: a resident raises one with a photo, the facilitator answers, the resident reads
the answer; and one written offline in the field app is sent once."""

import datetime
from io import BytesIO

import pytest
from PIL import Image
from playwright.sync_api import expect

from gotong.accounts.models import User
from gotong.areas.models import WorkAssignment
from gotong.participation.models import Aspiration
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from tests.browser.conftest import log_in
from tests.browser.test_field_offline import wait_until_offline_ready

BUGIS = "21.72.03.1005"


@pytest.fixture
def people(areas):
    rt = rt_in(BUGIS, 6, 2)
    person = PersonFactory(household=HouseholdFactory(area=rt), name="Aisyah Rahman")
    resident = User.objects.create_user(username="aisyah", password="rahasia-123", role="resident", person=person)
    faskel = User.objects.create_user(username="budi", password="rahasia-123", role="facilitator", first_name="Budi")
    WorkAssignment.objects.create(user=faskel, area=areas[BUGIS])
    return resident, faskel


def _photo(tmp_path):
    path = tmp_path / "drainase.jpg"
    buffer = BytesIO()
    Image.new("RGB", (64, 48), "brown").save(buffer, format="JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def _fits_the_phone(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_raise_with_a_photo_answer_and_read_the_answer(phone, live_server, people, tmp_path, browser):
    page = phone
    log_in(page, live_server, "aisyah")
    page.get_by_role("link", name="Sampaikan aspirasi atau pengaduan").click()
    page.get_by_label("Kategori").select_option(label="Infrastruktur")
    page.get_by_label("Isi aspirasi atau pengaduan").fill("Drainase Gg. Mawar tersumbat, air masuk rumah.")
    page.get_by_label("Foto (boleh kosong)").set_input_files(str(_photo(tmp_path)))
    _fits_the_phone(page)
    page.get_by_role("button", name="Kirim").click()
    expect(page.locator(".alert-success")).to_contain_text("ASP-")
    aspiration = Aspiration.objects.get()
    assert aspiration.photo and aspiration.raised_for.name == "Aisyah Rahman"
    # The photo is served through the scoped view.
    expect(page.get_by_role("img", name="Foto aspirasi")).to_be_visible()
    assert page.evaluate("document.querySelector('img[alt=\"Foto aspirasi\"]').naturalWidth") == 64
    _fits_the_phone(page)

    officer = browser.new_context(viewport={"width": 360, "height": 740}, locale="id-ID").new_page()
    log_in(officer, live_server, "budi")
    officer.goto(f"{live_server.url}/aspirasi/{aspiration.public_id}/")
    expect(officer.locator("[data-complainant]")).to_contain_text("Aisyah Rahman")
    officer.get_by_label("Status sesudah jawaban ini").select_option(label="Ditindaklanjuti")
    officer.get_by_label("Jawaban / tindak lanjut").fill("Dijadwalkan kerja bakti Sabtu ini bersama RW 006.")
    officer.get_by_role("button", name="Simpan jawaban").click()
    expect(officer.locator("[data-answers]")).to_contain_text("Dijadwalkan kerja bakti")
    officer.context.close()

    page.goto(f"{live_server.url}/")
    expect(page.locator("[data-own-aspirations]")).to_contain_text("Ditindaklanjuti")
    page.locator("[data-own-aspirations] a").first.click()
    expect(page.locator("[data-answers]")).to_contain_text("Dijadwalkan kerja bakti Sabtu ini")
    _fits_the_phone(page)


def test_an_aspiration_written_offline_is_sent_once(phone, live_server, people):
    page = phone
    log_in(page, live_server, "aisyah")
    page.goto(f"{live_server.url}/lapangan/")
    page.get_by_role("link", name="Aspirasi dan pengaduan").click()
    wait_until_offline_ready(page)

    page.context.set_offline(True)
    page.get_by_label("Kategori").select_option(label="Sampah")
    page.get_by_label("Isi aspirasi atau pengaduan").fill("Bak sampah RT 002 penuh sejak Senin.")
    page.get_by_role("button", name="Simpan aspirasi").click()
    expect(page.locator("#queue-count")).to_have_text("1 menunggu dikirim")
    page.reload()
    expect(page.locator("#queue-count")).to_have_text("1 menunggu dikirim")
    assert not Aspiration.objects.exists()

    page.context.set_offline(False)
    expect(page.locator("#queue-count")).to_have_text("Semua isian sudah terkirim")
    page.get_by_role("button", name="Kirim sekarang").click()
    page.reload()
    expect(page.locator("#queue-count")).to_have_text("Semua isian sudah terkirim")
    (aspiration,) = Aspiration.objects.all()
    assert aspiration.category == "waste" and aspiration.area.code == f"{BUGIS}.006.002"
    assert aspiration.received_on == datetime.date.today() or aspiration.received_on is not None
