"""A facilitator's day in the browser: log in, find a household, open it, correct a person, switch language."""

import pytest

from gotong.registry.models import Person
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from tests.browser.conftest import log_in


@pytest.fixture
def bugis_and_ilir(areas):
    bugis = HouseholdFactory(area=rt_in("21.72.03.1005", 6, 2), address="Jl. Bugis Pelantar 3")
    PersonFactory(household=bugis, name="Raja Hamzah")
    ilir = HouseholdFactory(
        area=rt_in("16.71.11.1005", 5, 17), address="Gg. Berdikari 12", family_card_number="1671110101000009"
    )
    PersonFactory(household=ilir, name="Sri Wahyuni", sex="P")
    return bugis, ilir


def test_facilitator_finds_opens_and_edits_a_person(phone, live_server, facilitator, bugis_and_ilir):
    bugis, _ = bugis_and_ilir
    page = phone
    log_in(page, live_server, "budi")
    page.goto(f"{live_server.url}/registrasi/")
    page.get_by_placeholder("Cari nama, NIK, nomor KK atau alamat").fill("hamzah")
    page.get_by_role("link", name="Raja Hamzah").click()
    page.wait_for_url(f"**/kk/{bugis.public_id}/")
    assert page.get_by_role("heading", name="Anggota keluarga").is_visible()

    page.get_by_role("link", name="Ubah Raja Hamzah").click()
    page.get_by_label("Pekerjaan").fill("Nelayan pelantar")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(f"**/kk/{bugis.public_id}/")
    assert page.get_by_text("Data Raja Hamzah tersimpan.").is_visible()
    assert page.locator("#history").get_by_text("Nelayan pelantar").is_visible()
    assert Person.objects.get(name="Raja Hamzah").occupation == "Nelayan pelantar"
    page.screenshot(path="test-results/household-phone.png", full_page=True)


def test_officer_cannot_reach_household_of_another_village(desktop, live_server, other_facilitator, bugis_and_ilir):
    bugis, ilir = bugis_and_ilir
    page = desktop
    log_in(page, live_server, "rina")
    response = page.goto(f"{live_server.url}/registrasi/kk/{bugis.public_id}/")
    assert response.status == 404
    page.goto(f"{live_server.url}/registrasi/?q=Hamzah")
    assert page.get_by_text("Raja Hamzah").count() == 0
    page.goto(f"{live_server.url}/registrasi/kk/{ilir.public_id}/")
    assert page.get_by_role("heading", name="Sri Wahyuni").is_visible()


def test_switch_language_to_english(desktop, live_server, facilitator):
    page = desktop
    log_in(page, live_server, "budi")
    assert page.get_by_role("link", name="Rumah tangga", exact=True).is_visible()
    page.get_by_label("Bahasa").select_option("en")
    with page.expect_navigation():
        page.get_by_role("button", name="Ganti bahasa").click()
    assert page.get_by_role("link", name="Households", exact=True).is_visible()
    page.screenshot(path="test-results/dashboard-en.png", full_page=True)
