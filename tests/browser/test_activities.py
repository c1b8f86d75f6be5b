"""A facilitator takes gotong royong attendance on a phone and sees the count and the value of the labour."""

import datetime

import pytest

from gotong.activities import services
from gotong.activities.models import WageRate
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from tests.browser.conftest import log_in


@pytest.fixture
def clean_up(areas, city_officer):
    rt = rt_in("21.72.03.1005", 6, 2)
    house = HouseholdFactory(area=rt)
    for name in ("Raja Hamzah", "Siti Aminah", "Wan Yusuf"):
        PersonFactory(household=house, name=name, relationship="famili")
    WageRate.objects.update_or_create(city_code="21.72", year=2025, defaults={"monthly_wage": 3_460_000})
    return services.create_event(
        title="Kerja bakti pelantar", kind="kerja_bakti", held_on=datetime.date(2025, 3, 9), default_hours=2,
        area=rt, acting_user=city_officer,
    )  # fmt: skip


def test_take_attendance_on_a_phone(phone, live_server, facilitator, clean_up):
    page = phone
    page.set_default_timeout(30_000)  # the shared test machine is slow on the first page of a session
    log_in(page, live_server, "budi")
    page.goto(f"{live_server.url}/gotong-royong/kegiatan/{clean_up.public_id}/")
    page.get_by_role("link", name="Catat kehadiran").click()
    page.get_by_placeholder("Cari nama warga").fill("siti")
    assert not page.get_by_label("Raja Hamzah", exact=True).is_visible()
    page.get_by_label("Siti Aminah", exact=True).check()
    page.get_by_placeholder("Cari nama warga").fill("")
    page.get_by_label("Raja Hamzah", exact=True).check()
    page.get_by_label("Jam kerja Raja Hamzah").fill("3")
    assert page.locator("#ticked").inner_text() == "2"
    page.get_by_role("button", name="Simpan kehadiran").click()
    page.wait_for_url(f"**/kegiatan/{clean_up.public_id}/")
    assert page.get_by_text("Kehadiran tersimpan: 2 warga hadir.").is_visible()
    assert page.locator("[data-present]").inner_text() == "2"
    # (2 + 3) hours × Rp3.460.000 ÷ 173 = Rp100.000
    assert page.locator("[data-labour-value]").inner_text() == "Rp100.000"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path="test-results/activities-event-phone.png", full_page=True)
