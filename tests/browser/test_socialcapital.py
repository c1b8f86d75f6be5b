"""A facilitator interviews a household on a phone; the RT's respondent count grows on the scores page."""

import datetime

import pytest

from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from gotong.socialcapital.models import Dimension, QuestionKind, Response
from gotong.socialcapital.services import create_instrument, create_round
from tests.browser.conftest import log_in

RT = "21.72.03.1005.006.002"


@pytest.fixture
def survey(areas, admin_user):
    questions = [
        {"text": f"Pernyataan {dimension.label}", "dimension": dimension, "kind": QuestionKind.LIKERT}
        for dimension in Dimension
    ]
    questions.append(
        {"text": "Seberapa sering ikut kerja bakti?", "dimension": Dimension.GOTONG_ROYONG,
         "kind": QuestionKind.CHOICE, "choices": [("Tidak pernah", 0), ("Setiap minggu", 2)]}
    )  # fmt: skip
    instrument = create_instrument(name="Modal sosial", questions=questions, acting_user=admin_user)
    today = datetime.date.today()
    return create_round(instrument=instrument, name="Putaran uji", area=areas["21.72.03.1005"],
                        starts_on=today - datetime.timedelta(days=10), ends_on=today + datetime.timedelta(days=10),
                        acting_user=admin_user)  # fmt: skip


def test_record_a_household_on_a_phone(phone, live_server, facilitator, survey):
    home = HouseholdFactory(area=rt_in("21.72.03.1005", 6, 2), address="Jl. Bugis Pelantar 3")
    PersonFactory(household=home, name="Raja Hamzah")
    page = phone
    log_in(page, live_server, "budi")
    page.goto(f"{live_server.url}/modal-sosial/putaran/{survey.pk}/")
    assert page.locator("[data-answered]").inner_text() == "0"
    page.get_by_role("link", name="Wawancara").click()
    page.wait_for_url(f"**/rumah-tangga/{home.public_id}/")
    for fieldset in page.locator("fieldset[data-question]").all():
        fieldset.locator("label").last.click()  # the highest answer
    page.screenshot(path="test-results/socialcapital-response-phone.png", full_page=True)
    page.get_by_role("button", name="Simpan jawaban").click()
    page.wait_for_url(f"**/putaran/{survey.pk}/")
    assert page.get_by_text("Jawaban Raja Hamzah tersimpan.").is_visible()
    assert page.locator("[data-answered]").inner_text() == "1"
    assert Response.objects.get().answers.count() == 7
    # Going back to the household shows it as done instead of a second form.
    page.go_back()
    page.reload()
    assert page.get_by_text("Rumah tangga ini sudah diwawancarai").is_visible()
    assert page.get_by_role("button", name="Simpan jawaban").count() == 0
    assert Response.objects.count() == 1

    page.goto(f"{live_server.url}/modal-sosial/skor/?putaran={survey.pk}")
    row = page.locator(f'tr[data-area="{RT}"]')
    assert row.locator("[data-n]").inner_text() == "1"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path="test-results/socialcapital-scores-phone.png", full_page=True)
