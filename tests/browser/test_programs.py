"""A facilitator enrols a resident in a program cohort from a phone."""

import datetime

import pytest

from gotong.organizations.services import create_organization
from gotong.programs import services
from gotong.programs.models import Enrolment
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from tests.browser.conftest import log_in


@pytest.fixture
def cohort(areas, city_officer):
    house = HouseholdFactory(area=rt_in("21.72.03.1005", 6, 2))
    PersonFactory(household=house, name="Nurhayati")
    dinsos = create_organization(name="Dinas Sosial", kind="pemerintah", area=areas["21.72"], acting_user=city_officer)
    program = services.create_program(name="Kelas keaksaraan", kind="literasi", organization=dinsos,
                                      area=areas["21.72.03.1005"], acting_user=city_officer)  # fmt: skip
    return services.create_cohort(program, name="Angkatan 1", starts_on=datetime.date(2026, 1, 5),
                                  ends_on=datetime.date(2026, 3, 30), acting_user=city_officer)  # fmt: skip


def test_enrol_a_person_in_a_cohort(phone, live_server, facilitator, cohort):
    page = phone
    page.set_default_timeout(30_000)  # the shared test machine is slow on the first page of a session
    log_in(page, live_server, "budi")
    page.goto(f"{live_server.url}/program/")
    page.get_by_role("link", name="Kelas keaksaraan").click()
    page.get_by_role("link", name="Angkatan 1").click()
    page.get_by_label("Peserta baru").press_sequentially("nurha", delay=30)
    page.get_by_role("button", name="Pilih Nurhayati").click()
    page.get_by_role("button", name="Daftarkan", exact=True).click()
    assert page.get_by_text("Nurhayati terdaftar di Angkatan 1.").is_visible()
    assert page.locator("#enrolments").get_by_text("Nurhayati").is_visible()
    assert Enrolment.objects.filter(cohort=cohort, person__name="Nurhayati").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path="test-results/programs-cohort-phone.png", full_page=True)
