"""The case list of a city: pages without counting, the same queries for a page however many cases there are,
overdue cases first, filters kept from page to page, and exports holding every case of the filters."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gotong.casework import services
from gotong.casework.lists import case_rows
from gotong.casework.models import CloseReason, Frequency, OverdueTally, Program
from gotong.casework.tests.conftest import TODAY
from gotong.core import listing
from gotong.exports.tests.helpers import csv_rows, page_rows, xlsx_rows
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

D = datetime.date
LIST = reverse("casework:list")
OPENED = D(2026, 1, 5)


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)


def open_case(name, *, worker, program=Program.TB, whole_household=False, visited=None, opened_on=OPENED):
    """A case under a monthly plan from 10 January; visited on `visited` (a date) if given.

    A whole-household case (PKH) names the household head, a case for one person names that person."""
    household = HouseholdFactory(area=rt_in("21.72.03.1005", 2, 3))
    person = PersonFactory(household=household, name=name)
    case = services.open_case(
        program=program, household=household, person=None if whole_household else person, summary="Pendampingan",
        opened_reason="Rujukan", opened_on=opened_on, health_condition=f"Rahasia {name}", acting_user=worker,
    )  # fmt: skip
    services.set_visit_plan(case, frequency=Frequency.MONTHLY, start_on=D(2026, 1, 10), acting_user=worker)
    if visited:
        services.log_visit(case, visited_on=visited, met_with=name, adherence="yes", acting_user=worker)
    return case


def up_to_date(name, worker, **kwargs):
    """Visited in March: nothing overdue on 20 March (February's visit is missed, its window closed)."""
    return open_case(name, worker=worker, visited=D(2026, 3, 10), **kwargs)


def names(html: str) -> list[str]:
    return [row[0].removesuffix(" ditutup").strip() for row in page_rows(html)]


def get_counted(client, path, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params or {})
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in queries]


def counts_cases(sql: str) -> bool:
    return "COUNT(" in sql and "casework_case" in sql


def test_pages_keep_the_filters_and_never_count_the_cases(client, facilitator, areas, settings):
    settings.GOTONG_PAGE_SIZE = 2
    for name in ("Ani", "Badu", "Cici"):
        up_to_date(name, facilitator)
    up_to_date("Dodi", facilitator, program=Program.PKH, whole_household=True)
    client.force_login(facilitator)

    first, sql = get_counted(client, LIST, {"program": "tb", "status": "all"})
    assert not [q for q in sql if counts_cases(q)]
    assert len(page_rows(first)) == 2 and "Halaman 1" in first and "Sebelumnya" not in first
    # The next page is sought from the last row (a cursor), keeping the filters.
    assert 'href="?program=tb&amp;status=all&amp;setelah=' in first
    second = client.get(LIST, {"program": "tb", "status": "all", "page": 2}).content.decode()  # an old link
    assert len(page_rows(second)) == 1 and "Berikutnya" not in second
    assert 'href="?program=tb&amp;status=all"' in second
    # Three TB cases over two pages, in the list's order (the longest open first), none twice; no PKH.
    assert names(first) + names(second) == ["Ani", "Badu", "Cici"]
    # A page past the end (an old link) shows the first page.
    assert names(client.get(LIST, {"program": "tb", "page": 9}).content.decode()) == ["Ani", "Badu"]


def test_a_page_asks_as_often_for_six_cases_as_for_two(client, facilitator, city_officer, areas):
    """Names (a household head for PKH), the next visit and the last one are read for the page at once."""
    client.force_login(city_officer)
    up_to_date("Ani", facilitator)
    open_case("Badu", worker=facilitator, program=Program.PKH, whole_household=True)
    small, _sql = get_counted(client, LIST)
    small_count = len(_sql)
    for name in ("Cici", "Dodi"):
        open_case(name, worker=facilitator)
    for name in ("Euis", "Fajar"):
        up_to_date(name, facilitator, program=Program.PKH, whole_household=True)
    large, sql = get_counted(client, LIST)
    assert len(page_rows(small)) == 2 and len(page_rows(large)) == 6
    assert len(sql) == small_count
    assert not [q for q in sql if counts_cases(q)]
    # What each row shows: the name, the next due visit (or the overdue one) and the last visit.
    rows = {row[0]: row for row in page_rows(large)}
    assert rows["Euis"][4] == "10 Apr 2026" and rows["Euis"][5] == "10 Mar 2026"
    assert rows["Cici"][4].startswith("Terlambat") and rows["Cici"][5] == "—"


def test_overdue_cases_come_first_even_before_the_days_tallies(client, facilitator, areas):
    up_to_date("Ani", facilitator, opened_on=D(2026, 1, 1))
    open_case("Badu", worker=facilitator, opened_on=D(2026, 1, 9))  # never visited: March is overdue
    up_to_date("Cici", facilitator, opened_on=D(2026, 1, 2))
    client.force_login(facilitator)
    assert names(client.get(LIST).content.decode()) == ["Badu", "Ani", "Cici"]
    # Yesterday's rows (before `gotong dashboards extend` runs): the list counts those cases live.
    OverdueTally.objects.update(counted_on=TODAY - datetime.timedelta(days=1), overdue_visits=0)
    html = client.get(LIST).content.decode()
    assert names(html) == ["Badu", "Ani", "Cici"]
    assert page_rows(html)[0][4].startswith("Terlambat")


@pytest.mark.parametrize("few_matches", [1000, 0], ids=["ids", "row by row"])
def test_search_and_closed_cases(client, facilitator, areas, few_matches, monkeypatch):
    monkeypatch.setattr(listing, "FEW_MATCHES", few_matches)  # both ways of searching (gotong.core.listing)
    up_to_date("Siti Aminah", facilitator)
    closed = up_to_date("Tono", facilitator)
    services.close_case(closed, closed_on=D(2026, 3, 15), reason=CloseReason.MOVED, acting_user=facilitator)
    household = open_case("Wati", worker=facilitator, program=Program.PKH, whole_household=True).household
    client.force_login(facilitator)
    assert names(client.get(LIST, {"q": "aminah"}).content.decode()) == ["Siti Aminah"]
    assert names(client.get(LIST, {"q": household.members.get().nik}).content.decode()) == ["Wati"]
    assert names(client.get(LIST, {"status": "closed"}).content.decode()) == ["Tono"]
    # Open before closed.
    assert names(client.get(LIST, {"status": "all"}).content.decode())[-1] == "Tono"


@pytest.mark.parametrize(
    "persona, shown",
    [
        ("facilitator", {"Ani", "Badu"}),  # the worker
        ("helper_colleague", {"Badu"}),  # a helper on one case, not in the city officer's role
        ("city_officer", {"Ani", "Badu"}),  # the city
        ("admin_user", {"Ani", "Badu"}),
        ("other_facilitator", set()),
        ("partner", set()),
    ],
)
def test_each_persona_sees_its_cases(client, request, facilitator, helper_colleague, persona, shown):
    up_to_date("Ani", facilitator)
    badu = up_to_date("Badu", facilitator)
    services.update_team(badu, team=[helper_colleague], supervisor=None, acting_user=facilitator)
    client.force_login(request.getfixturevalue(persona))
    html = client.get(LIST).content.decode()
    assert set(names(html)) == shown
    assert "Rahasia" not in html  # health details are never on the list


def test_exports_hold_every_case_of_the_filters_in_the_pages_order(client, facilitator, areas, settings):
    settings.GOTONG_PAGE_SIZE = 2
    for name in ("Ani", "Badu", "Cici", "Dodi"):
        up_to_date(name, facilitator)
    open_case("Euis", worker=facilitator)  # overdue: first
    up_to_date("Fajar", facilitator, program=Program.PKH, whole_household=True)
    client.force_login(facilitator)
    shown = []
    for number in (1, 2, 3):
        shown += names(client.get(LIST, {"program": "tb", "page": number}).content.decode())
    assert shown == ["Euis", "Ani", "Badu", "Cici", "Dodi"]
    for fmt, read in (("xlsx", xlsx_rows), ("csv", csv_rows)):
        url = reverse("exports:download", kwargs={"key": "casework.cases", "fmt": fmt})
        response = client.get(url, {"program": "tb", "page": 2})
        headers, rows = read(response.content)
        assert [row[0] for row in rows] == shown, fmt
        assert "Rahasia" not in response.content.decode("utf-8", "ignore")
        assert not [h for h in headers if "kesehatan" in str(h).lower()]


def test_export_rows_are_made_a_batch_at_a_time(facilitator, areas, django_assert_max_num_queries):
    for name in ("Ani", "Badu", "Cici", "Dodi", "Euis"):
        up_to_date(name, facilitator, program=Program.PKH, whole_household=True)
    rows = case_rows(facilitator, {})
    rows.batch_size = 2
    # The cases, then per batch of two: person, household, worker, plans, single visits, visits (three batches).
    with django_assert_max_num_queries(3 + 1 + 3 * 6):
        made = list(rows)
    assert [row.case.subject_name for row in made] == ["Ani", "Badu", "Cici", "Dodi", "Euis"]
    assert all(row.next_due.due_on == D(2026, 4, 10) for row in made)
