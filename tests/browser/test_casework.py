"""A PSM logs a TB home visit from the agenda on a 360 px phone in under ten interactions."""

from datetime import timedelta

import pytest
from django.utils import timezone

from gotong.casework import services
from gotong.casework.models import Frequency, Visit
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from tests.browser.conftest import log_in


@pytest.fixture
def overdue_tb_case(areas, facilitator):
    today = timezone.localdate()
    household = HouseholdFactory(area=rt_in("21.72.03.1005", 6, 2), address="Jl. Bugis Pelantar 3")
    patient = PersonFactory(household=household, name="Raja Hamzah")
    case = services.open_case(
        program="tb", household=household, person=patient, summary="TBC RO", opened_reason="Rujukan puskesmas",
        opened_on=today - timedelta(days=40), health_condition="TBC resisten obat", acting_user=facilitator,
    )  # fmt: skip
    services.set_visit_plan(
        case, frequency=Frequency.MONTHLY, start_on=today - timedelta(days=40), acting_user=facilitator
    )
    services.log_visit(
        case, visited_on=today - timedelta(days=40), met_with="Ibu Aisyah (istri)", adherence="partly",
        next_step="Bawa pot dahak ke puskesmas", acting_user=facilitator,
    )  # fmt: skip
    return case


def test_psm_logs_a_visit_from_the_agenda_on_a_phone(phone, live_server, facilitator, overdue_tb_case):
    page = phone
    interactions = 3  # log_in: fill user name, fill password, click "Masuk"
    log_in(page, live_server, "budi")
    page.goto(f"{live_server.url}/kasus/")
    overdue = page.locator("#overdue")
    assert overdue.get_by_text("Raja Hamzah").is_visible()
    page.screenshot(path="test-results/casework-agenda-phone.png", full_page=True)

    page.get_by_role("link", name="Catat kunjungan Raja Hamzah").click()
    interactions += 1
    # Pre-filled from the previous visit: the person met and what was agreed as the next step.
    assert page.get_by_label("Bertemu dengan").input_value() == "Ibu Aisyah (istri)"
    assert page.get_by_label("Tanggal kunjungan").input_value() == timezone.localdate().isoformat()
    assert page.locator("#previous").get_by_text("Bawa pot dahak ke puskesmas").is_visible()
    page.get_by_label("Ya, minum obat sesuai resep").check()
    page.get_by_label("Kondisi").fill("Batuk berkurang")
    page.get_by_label("Langkah berikutnya").fill("Ambil obat bulan depan")
    interactions += 3
    page.screenshot(path="test-results/casework-visit-phone.png", full_page=True)
    page.get_by_role("button", name="Simpan kunjungan").click()
    interactions += 1

    page.wait_for_url(f"{live_server.url}/kasus/")
    assert page.get_by_text("Kunjungan ke Raja Hamzah tercatat.").is_visible()
    assert page.locator("#overdue").count() == 0
    assert interactions < 10
    visit = Visit.objects.get(case=overdue_tb_case, visited_on=timezone.localdate())
    assert (visit.adherence, visit.met_with, visit.condition) == ("yes", "Ibu Aisyah (istri)", "Batuk berkurang")
    # Nothing on the page is wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
