"""The overdue-visit tally behind the city dashboard: always what the worker's agenda (the full schedule) says."""

import datetime
import random

import pytest

from gotong.casework import schedule, services, tallies
from gotong.casework.models import Case, Frequency, OverdueTally, Program
from gotong.casework.tests.conftest import TODAY
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

D = datetime.date


def by_schedule(cases, today) -> dict[str, int]:
    """The dashboard's four numbers as the agenda counts them: every case's full schedule."""
    rows = schedule.schedules(cases.open(), today)
    return {
        "open": len(rows),
        "closed": cases.count() - len(rows),
        "overdue_visits": sum(len(row.overdue) for row in rows),
        "cases_overdue": sum(1 for row in rows if row.overdue),
    }


def set_today(monkeypatch, day):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: day)


def test_every_service_recounts_the_case_for_today(tb_case, facilitator, city_officer):
    row = OverdueTally.objects.get(case=tb_case)
    assert (row.counted_on, row.overdue_visits) == (TODAY, 0)  # opened, no plan yet
    services.set_visit_plan(tb_case, frequency=Frequency.MONTHLY, start_on=D(2026, 3, 10), acting_user=facilitator)
    # Due 10 March, and its window stays open until 6 April (the day before 10 April's opens).
    assert OverdueTally.objects.get(case=tb_case).overdue_visits == 1
    # Every 14 days from 5 March: 5 March is missed, 19 March is overdue on the 20th.
    services.set_visit_plan(tb_case, frequency=Frequency.EVERY_N_DAYS, interval_days=14, start_on=D(2026, 3, 5),
                            acting_user=facilitator)  # fmt: skip
    assert OverdueTally.objects.get(case=tb_case).overdue_visits == 1
    assert tallies.overdue_totals(Case.objects.all(), TODAY) == by_schedule(Case.objects.all(), TODAY)
    services.log_visit(
        tb_case, visited_on=D(2026, 3, 17), met_with="Raja Ali", adherence="yes", acting_user=facilitator
    )
    assert OverdueTally.objects.get(case=tb_case).overdue_visits == 0
    assert tallies.differences() == []
    services.close_case(tb_case, reason="goal_met", acting_user=facilitator)
    assert not OverdueTally.objects.filter(case=tb_case).exists()
    assert tallies.differences() == []


def test_a_deleted_case_or_visit_leaves_no_wrong_row(tb_case, facilitator):
    services.set_visit_plan(tb_case, frequency=Frequency.WEEKLY, start_on=D(2026, 3, 3), acting_user=facilitator)
    visit = services.log_visit(
        tb_case, visited_on=D(2026, 3, 18), met_with="Raja Ali", adherence="yes", acting_user=facilitator
    )
    assert OverdueTally.objects.get(case=tb_case).overdue_visits == 0
    visit.delete()
    assert OverdueTally.objects.get(case=tb_case).overdue_visits == 1
    tb_case.delete()
    assert OverdueTally.objects.count() == 0
    assert tallies.differences() == []


def test_rows_of_another_day_are_counted_live_until_extended(tb_case, facilitator, monkeypatch):
    services.set_visit_plan(tb_case, frequency=Frequency.WEEKLY, start_on=D(2026, 3, 3), acting_user=facilitator)
    cases = Case.objects.all()
    tomorrow = TODAY + datetime.timedelta(days=1)
    # Weekly from Tuesday 3 March: 17 March is overdue until its window closes on the 20th, then missed.
    assert tallies.overdue_totals(cases, TODAY)["overdue_visits"] == 1
    assert tallies.overdue_totals(cases, tomorrow) == by_schedule(cases, tomorrow)
    assert tallies.differences(tomorrow) == []  # a row of yesterday is not an error, only slower to read
    set_today(monkeypatch, tomorrow)
    assert tallies.extend_to(tomorrow) == 1
    assert tallies.extend_to(tomorrow) == 0
    assert OverdueTally.objects.get(case=tb_case).counted_on == tomorrow
    assert tallies.overdue_totals(cases, tomorrow) == by_schedule(cases, tomorrow)


def test_a_wrong_row_is_reported_and_rebuild_repairs_it(tb_case, facilitator):
    services.set_visit_plan(tb_case, frequency=Frequency.WEEKLY, start_on=D(2026, 3, 3), acting_user=facilitator)
    OverdueTally.objects.filter(case=tb_case).update(overdue_visits=7)
    assert tallies.differences() == [f"kasus {tb_case.pk}: kunjungan terlambat 7 ≠ 1"]
    OverdueTally.objects.all().delete()
    assert tallies.differences() == [f"kasus {tb_case.pk}: tidak ada rekap kunjungan terlambat"]
    assert tallies.rebuild() == 1
    assert tallies.differences() == []


@pytest.mark.parametrize("seed", range(4))
def test_random_plans_and_visits_count_as_the_full_schedule_on_every_day(
    seed, areas, facilitator, city_officer, monkeypatch
):
    """Plans of every frequency started on month ends and leap days, visits early, late and twice, days before,
    inside and after each window: the dashboard's numbers (today's rows, or live for other days) always equal the
    agenda's."""
    rng = random.Random(seed)
    set_today(monkeypatch, TODAY)
    starts = [D(2026, 1, 31), D(2026, 2, 28), D(2026, 1, 5), D(2025, 12, 29), D(2026, 3, 1)]
    for number in range(6):
        household = HouseholdFactory(area=rt_in("21.72.03.1005", 1 + number % 3, 1 + number))
        person = PersonFactory(household=household)
        case = services.open_case(
            program=Program.ELDERLY, household=household, person=person, summary=f"Lansia {number}",
            opened_reason="Rujukan RT", opened_on=D(2025, 12, 1), acting_user=facilitator,
        )  # fmt: skip
        frequency = rng.choice(list(Frequency.values))
        start = rng.choice(starts)
        services.set_visit_plan(
            case, frequency=frequency, start_on=start, interval_days=rng.randint(1, 20),
            end_on=rng.choice([None, start + datetime.timedelta(days=rng.randint(10, 90))]), acting_user=facilitator,
        )  # fmt: skip
        for _visit in range(rng.randint(0, 8)):
            day = start + datetime.timedelta(days=rng.randint(-3, (TODAY - start).days))
            if not case.visits.filter(visited_on=day).exists():
                services.log_visit(case, visited_on=day, met_with="x", acting_user=facilitator)
        if rng.random() < 0.2:
            services.close_case(case, reason="goal_met", closed_on=TODAY, acting_user=facilitator)
    assert tallies.differences() == []
    cases = Case.objects.visible_to(city_officer)
    assert tallies.overdue_totals(cases, TODAY)["open"] == OverdueTally.objects.count()
    seen = 0
    for offset in range(-20, 40, 3):
        day = TODAY + datetime.timedelta(days=offset)
        assert tallies.overdue_totals(cases, day) == by_schedule(cases, day), day
        set_today(monkeypatch, day)
        tallies.extend_to(day)
        assert tallies.overdue_totals(cases, day) == by_schedule(cases, day), day
        assert tallies.differences(day) == []
        seen += tallies.overdue_totals(cases, day)["overdue_visits"]
    assert seen > 0  # the days walked through do hold overdue visits


def test_the_dashboard_reads_rows_not_schedules(tb_case, facilitator, city_officer, django_assert_max_num_queries):
    services.set_visit_plan(tb_case, frequency=Frequency.WEEKLY, start_on=D(2026, 3, 3), acting_user=facilitator)
    cases = Case.objects.visible_to(city_officer)
    with django_assert_max_num_queries(1):
        assert tallies.overdue_totals(cases, TODAY) == {
            "open": 1, "closed": 0, "overdue_visits": 1, "cases_overdue": 1
        }  # fmt: skip
