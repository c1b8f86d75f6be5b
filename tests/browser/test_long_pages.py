"""A phone keeps long histories short: a child with 30 weighings and a case with many visits fold to the latest
few behind "Tampilkan semua (N)", dates read "18 Mar 2022", and the sub-tabs wrap instead of scrolling sideways."""

import datetime
import re

import pytest
from django.utils import timezone

from gotong.casework import services as casework
from gotong.casework.models import Frequency
from gotong.core.dates import short_date
from gotong.organizations.models import Organization
from gotong.posyandu import services as posyandu
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from tests.browser.conftest import log_in

ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _month_back(day: datetime.date, months: int) -> datetime.date:
    total = day.year * 12 + day.month - 1 - months
    return datetime.date(total // 12, total % 12 + 1, 10)


@pytest.fixture
def child_with_30_weighings(areas, admin_user):
    today = timezone.localdate()
    org = Organization.objects.create(name="Posyandu Kenanga", kind="posyandu", area=areas["21.72.03.1005"])
    household = HouseholdFactory(area=rt_in("21.72.03.1005", 1, 1))
    person = PersonFactory(
        household=household, name="Ami Lestari", sex="P", relationship="anak", birth_date=_month_back(today, 32)
    )
    child = posyandu.register_child(
        posyandu=org, person=person, registered_on=person.birth_date, acting_user=admin_user
    )
    for back in range(30, 0, -1):
        session = posyandu.open_session(posyandu=org, held_on=_month_back(today, back), acting_user=admin_user)
        posyandu.record_weighing(
            child=child, session=session, weight_kg=f"{4 + (30 - back) * 0.3:.1f}", acting_user=admin_user
        )
    return child


def _shown_rows(page, selector: str) -> int:
    return page.evaluate(
        "(s) => [...document.querySelectorAll(s)].filter((e) => e.getClientRects().length > 0).length", selector
    )


def _height(page) -> int:
    return page.evaluate("() => document.documentElement.scrollHeight")


def test_a_childs_thirty_weighings_fold_on_a_phone_and_open(phone, live_server, child_with_30_weighings):
    page = phone
    log_in(page, live_server, "admin")
    page.goto(f"{live_server.url}/posyandu/balita/{child_with_30_weighings.public_id}/")
    rows = "table[data-weighings] tbody tr"
    assert _shown_rows(page, rows) == 3
    # The immunisation card keeps open only the doses she can be given today; the rest of the schedule folds.
    doses = "#immunisation-card-title ~ table tbody tr"
    givable = page.locator(f"{doses}:not(.phone-more)").count()
    assert 0 < _shown_rows(page, doses) == givable < page.locator(doses).count()
    folded = _height(page)
    page.screenshot(path="/tmp/lang-child.png", full_page=True)
    assert folded < 3500, f"the folded page is {folded} px"
    # The sub-tabs wrap inside the screen: nothing runs off to the right without a cue.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
    assert page.evaluate(
        "() => [...document.querySelectorAll('.nav-pills')].every((n) => n.scrollWidth <= n.clientWidth)"
    )
    assert not ISO.search(
        page.locator("main").inner_text() if page.locator("main").count() else page.inner_text("body")
    )

    weighings = page.locator("button[data-bs-target='.more-weighings']")
    assert weighings.inner_text() == "Tampilkan semua (30)"
    weighings.click()
    page.wait_for_timeout(100)
    assert _shown_rows(page, rows) == 30
    assert _height(page) > folded + 2000
    assert not weighings.is_visible()

    schedule = page.locator("button[data-bs-target='.more-immunisations']")
    assert schedule.inner_text() == f"Tampilkan semua ({page.locator(doses).count()})"
    schedule.click()
    page.wait_for_timeout(100)
    assert _shown_rows(page, doses) == page.locator(doses).count()


def test_a_case_page_folds_its_visits_on_a_phone(phone, live_server, areas, facilitator):
    today = timezone.localdate()
    household = HouseholdFactory(area=rt_in("21.72.03.1005", 6, 2), address="Jl. Bugis Pelantar 3")
    patient = PersonFactory(household=household, name="Raja Hamzah")
    case = casework.open_case(
        program="tb", household=household, person=patient, summary="TBC RO", opened_reason="Rujukan puskesmas",
        opened_on=today - datetime.timedelta(days=200), health_condition="TBC", acting_user=facilitator,
    )  # fmt: skip
    casework.set_visit_plan(
        case, frequency=Frequency.MONTHLY, start_on=today - datetime.timedelta(days=200), acting_user=facilitator
    )
    for n in range(9):
        casework.log_visit(
            case, visited_on=today - datetime.timedelta(days=200 - 20 * n), met_with="Ibu Aisyah", adherence="yes",
            next_step=f"Langkah {n}", acting_user=facilitator,
        )  # fmt: skip
    page = phone
    log_in(page, live_server, "budi")
    page.goto(f"{live_server.url}/kasus/{case.public_id}/")
    assert _shown_rows(page, "#visits li") == 3
    latest = today - datetime.timedelta(days=200 - 20 * 8)
    assert page.locator("#visits").get_by_text(short_date(latest)).is_visible()
    page.screenshot(path="/tmp/lang-case.png", full_page=True)
    page.get_by_role("button", name="Tampilkan semua (9)").click()
    page.wait_for_timeout(100)
    assert _shown_rows(page, "#visits li") == 9
