"""A single home visit planned on a date: in the worker's agenda that day, overdue after it until a visit is logged,
counted in the overdue tally exactly as the agenda counts it, and planned from the case page."""

import datetime
import random

import pytest
from django.urls import reverse

from gotong.casework import recurrence, schedule, services, tallies
from gotong.casework.models import Case, Frequency, OverdueTally, Program
from gotong.casework.tests.conftest import TODAY
from gotong.casework.tests.test_tallies import by_schedule, set_today
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

D = datetime.date


def test_a_single_visit_is_in_the_agenda_on_its_day_then_overdue_until_visited(tb_case, facilitator, monkeypatch):
    services.plan_single_visit(tb_case, planned_on=TODAY, purpose="Antar surat rujukan", acting_user=facilitator)
    cases = Case.objects.filter(worker=facilitator)
    today = schedule.agenda(cases, TODAY)
    assert [(s.due_on, s.single) for s, _row in today["today"]] == [(TODAY, True)]
    assert OverdueTally.objects.get(case=tb_case).overdue_visits == 0

    tomorrow = TODAY + datetime.timedelta(days=1)
    set_today(monkeypatch, tomorrow)
    assert [s.due_on for s, _row in schedule.agenda(cases, tomorrow)["overdue"]] == [TODAY]
    assert tallies.overdue_totals(cases, tomorrow)["overdue_visits"] == 1

    services.log_visit(tb_case, visited_on=tomorrow, met_with="Raja Ali", adherence="yes", acting_user=facilitator)
    assert schedule.agenda(cases, tomorrow)["overdue"] == []
    assert OverdueTally.objects.get(case=tb_case).overdue_visits == 0
    assert tallies.differences(tomorrow) == []


def test_an_unvisited_single_visit_is_missed_after_its_grace(tb_case, facilitator):
    services.plan_single_visit(tb_case, planned_on=D(2026, 2, 2), acting_user=facilitator)
    [status] = [s for s in schedule.schedule_for(tb_case, TODAY).statuses if s.single]
    assert status.state == recurrence.MISSED  # 2 February + 30 days of grace closed on 4 March
    later = D(2026, 2, 2) + datetime.timedelta(days=recurrence.LAST_GRACE_DAYS + 1)
    [status] = [s for s in schedule.schedule_for(tb_case, later).statuses if s.single]
    assert status.state == recurrence.MISSED
    assert tallies.overdue_totals(Case.objects.all(), later) == by_schedule(Case.objects.all(), later)


def test_single_visits_add_to_the_recurring_plan(tb_case, facilitator):
    services.set_visit_plan(tb_case, frequency=Frequency.MONTHLY, start_on=D(2026, 3, 10), acting_user=facilitator)
    services.plan_single_visit(tb_case, planned_on=D(2026, 3, 18), acting_user=facilitator)
    # The plan's 10 March and the single 18 March are both overdue on the 20th.
    assert OverdueTally.objects.get(case=tb_case).overdue_visits == 2
    assert tallies.overdue_totals(Case.objects.all(), TODAY) == by_schedule(Case.objects.all(), TODAY)


@pytest.mark.parametrize("seed", range(3))
def test_random_single_visits_and_plans_count_as_the_agenda_on_every_day(
    seed, areas, facilitator, city_officer, monkeypatch
):
    rng = random.Random(seed)
    set_today(monkeypatch, TODAY)
    for number in range(5):
        household = HouseholdFactory(area=rt_in("21.72.03.1005", 1 + number % 3, 1 + number))
        case = services.open_case(
            program=Program.ELDERLY, household=household, person=PersonFactory(household=household),
            summary=f"Lansia {number}", opened_reason="Rujukan RT", opened_on=D(2025, 11, 1), acting_user=facilitator,
        )  # fmt: skip
        if rng.random() < 0.5:
            services.set_visit_plan(
                case, frequency=rng.choice(list(Frequency.values)), start_on=D(2026, 1, rng.randint(1, 31)),
                interval_days=rng.randint(1, 20), acting_user=facilitator,
            )  # fmt: skip
        days = {TODAY + datetime.timedelta(days=rng.randint(-110, 40)) for _ in range(rng.randint(1, 6))}
        for day in sorted(days):
            services.plan_single_visit(case, planned_on=day, acting_user=facilitator)
        for _visit in range(rng.randint(0, 6)):
            day = TODAY + datetime.timedelta(days=rng.randint(-110, 0))
            if not case.visits.filter(visited_on=day).exists():
                services.log_visit(case, visited_on=day, met_with="x", acting_user=facilitator)
    assert tallies.differences() == []
    cases = Case.objects.visible_to(city_officer)
    seen = 0
    for offset in range(-30, 75, 4):
        day = TODAY + datetime.timedelta(days=offset)
        assert tallies.overdue_totals(cases, day) == by_schedule(cases, day), day
        set_today(monkeypatch, day)
        tallies.extend_to(day)
        assert tallies.overdue_totals(cases, day) == by_schedule(cases, day), day
        seen += tallies.overdue_totals(cases, day)["overdue_visits"]
    assert seen > 0


def test_the_case_page_plans_a_single_visit_and_refuses_a_bad_date(client, tb_case, facilitator):
    client.force_login(facilitator)
    detail = client.get(reverse("casework:detail", args=[tb_case.public_id])).content.decode()
    url = reverse("casework:single-visit", args=[tb_case.public_id])
    assert url in detail and "Rencanakan satu kunjungan" in detail

    response = client.post(url, {"planned_on": "2025-12-01", "purpose": "Cek obat"})
    assert "Tanggal kunjungan tidak boleh sebelum kasus dibuka." in response.content.decode()
    assert 'value="Cek obat"' in response.content.decode()  # nothing typed is lost

    response = client.post(url, {"planned_on": "2026-03-25", "purpose": "Cek obat"}, follow=True)
    assert "Kunjungan direncanakan." in response.content.decode()
    assert tb_case.single_visits.get().planned_on == D(2026, 3, 25)
    assert "data-single" in response.content.decode()  # shown in the case's schedule

    again = client.post(url, {"planned_on": "2026-03-25"})
    assert "Sudah ada kunjungan yang direncanakan pada tanggal ini." in again.content.decode()


def test_outside_the_team_no_single_visit_is_planned(client, tb_case, other_facilitator):
    client.force_login(other_facilitator)
    url = reverse("casework:single-visit", args=[tb_case.public_id])
    assert client.post(url, {"planned_on": "2026-03-25"}).status_code in (403, 404)
    assert not tb_case.single_visits.exists()
