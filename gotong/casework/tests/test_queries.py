"""The agenda and the API read the case team in bulk: their query counts do not grow with the caseload."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gotong.api.testing import token_client
from gotong.casework import access, services
from gotong.casework.models import Case, CloseReason, Frequency, Program
from gotong.core.policy import can
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

D = datetime.date


def open_planned_case(name, *, worker, supervisor=None, team=()):
    patient = PersonFactory(household=HouseholdFactory(area=rt_in("21.72.03.1005", 2, 3)), name=name)
    case = services.open_case(
        program=Program.TB, household=patient.household, person=patient, summary="TBC",
        opened_reason="Rujukan puskesmas", opened_on=D(2026, 1, 5), supervisor=supervisor, team=team,
        health_condition=f"TBC {name}", acting_user=worker,
    )  # fmt: skip
    services.set_visit_plan(case, frequency=Frequency.MONTHLY, start_on=D(2026, 1, 10), acting_user=worker)
    services.log_visit(
        case, visited_on=D(2026, 1, 10), met_with=name, condition=f"Kondisi {name}", adherence="yes",
        acting_user=worker,
    )  # fmt: skip
    return case


def count_queries(client, path) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries), response


def test_home_page_reads_my_cases_once_however_many_there_are(client, tb_case, facilitator):
    client.force_login(facilitator)
    services.set_visit_plan(tb_case, frequency=Frequency.MONTHLY, start_on=D(2026, 1, 10), acting_user=facilitator)
    one, page = count_queries(client, reverse("casework:home"))
    assert "1 kasus terbuka yang Anda dampingi" in page.content.decode()
    for name in ("Sari", "Tono", "Umar"):
        open_planned_case(name, worker=facilitator)
    four, page = count_queries(client, reverse("casework:home"))
    html = page.content.decode()
    assert "4 kasus terbuka yang Anda dampingi" in html and "Sari" in html and "Umar" in html
    # Session, user, the policy's one read of my work areas and of my memberships, my open cases + their plans +
    # single visits + visits, the cases I supervise, "do I supervise anyone?".
    assert four == one <= 10


def test_open_count_matches_the_agenda_and_its_wilayah_filter(client, tb_case, facilitator, helper_colleague):
    """Helper on a case counts; a case elsewhere in the city is outside `?wilayah=` of Kampung Bugis."""
    open_planned_case("Sari", worker=helper_colleague, team=[facilitator])
    open_planned_case("Tono", worker=helper_colleague)  # not mine: neither worker nor helper
    client.force_login(facilitator)
    html = client.get(reverse("casework:home")).content.decode()
    assert "2 kasus terbuka yang Anda dampingi" in html and "Sari" in html and "Tono" not in html
    html = client.get(reverse("casework:home"), {"wilayah": "21.72.01"}).content.decode()
    assert "0 kasus terbuka yang Anda dampingi" in html


def test_team_cases_in_bulk_agree_with_the_one_case_rule(tb_case, facilitator, city_officer, helper_colleague):
    helped = open_planned_case("Sari", worker=helper_colleague, team=[facilitator])
    other = open_planned_case("Tono", worker=helper_colleague)
    cases = [tb_case, helped, other]
    for user in (facilitator, city_officer, helper_colleague):
        expected = {case.pk for case in cases if can(user, "casework.see_health", case)}
        assert access.health_case_ids(user, [case.pk for case in cases]) == expected
    # The supervisor is on the team but the supervised case is not on the supervisor's own agenda.
    assert set(access.team_cases(city_officer)) == {tb_case}
    assert not access.team_cases(city_officer, with_supervisor=False).exists()
    assert set(access.team_cases(facilitator, with_supervisor=False)) == {tb_case, helped}


@pytest.mark.parametrize("path", ["/api/v1/kasus/", "/api/v1/kasus-kunjungan/"])
def test_api_lists_ask_the_team_once_per_page(path, tb_case, facilitator, city_officer):
    """The city officer supervises one case and reads the others of his city without their health details."""
    services.log_visit(
        tb_case, visited_on=D(2026, 1, 10), met_with="Raja Ali", condition="Batuk berkurang", adherence="yes",
        acting_user=facilitator,
    )  # fmt: skip
    client = token_client(city_officer)
    client.get(path)  # a token's first use stamps its last use (at most every five minutes): not part of a page's cost
    one, _response = count_queries(client, path)
    for name in ("Sari", "Tono", "Umar"):
        open_planned_case(name, worker=facilitator)
    four, response = count_queries(client, path)
    # Token + user, the officer's work areas and memberships (the policy reads each once), the page, and one team
    # check for the whole page.
    assert four == one <= 5
    rows = response.json()["results"]
    field = "health_condition" if path == "/api/v1/kasus/" else "condition"
    shown = [row[field] for row in rows if row[field] is not None]
    assert len(rows) == 4 and shown == [tb_case.health_condition if field == "health_condition" else "Batuk berkurang"]
    assert Case.objects.count() == 4


def test_recordable_cases_are_exactly_those_can_record_allows(tb_case, facilitator, helper_colleague, city_officer):
    """The offline forms list cases in one query; it must agree with the one-case rule for every user."""
    open_planned_case("Sari", worker=helper_colleague, team=[facilitator])
    open_planned_case("Tono", worker=helper_colleague)
    closed = open_planned_case("Umar", worker=facilitator)
    services.close_case(closed, closed_on=D(2026, 2, 1), reason=CloseReason.MOVED, acting_user=facilitator)
    for user in (facilitator, helper_colleague, city_officer):
        one_by_one = {c.pk for c in Case.objects.visible_to(user) if access.can_record(user, c)}
        assert set(access.recordable_cases(user).values_list("pk", flat=True)) == one_by_one
    assert {c.person.name for c in access.recordable_cases(facilitator)} == {"Raja Ali", "Sari"}


def test_field_home_asks_once_however_many_cases_the_city_has(client, tb_case, helper_colleague, areas):
    """A city officer sees every case of the city, is on none of their teams: no visit form, no query per case."""
    from conftest import _user

    client.force_login(_user("kota2", "city_officer", work_areas=["21.72"]))
    before, page = count_queries(client, reverse("field:home"))
    for name in ("Sari", "Tono", "Umar", "Wati"):
        open_planned_case(name, worker=helper_colleague)
    after, page = count_queries(client, reverse("field:home"))
    assert after == before and reverse("field:form", args=["kunjungan"]) not in page.content.decode()
    client.force_login(helper_colleague)
    assert reverse("field:form", args=["kunjungan"]) in client.get(reverse("field:home")).content.decode()
