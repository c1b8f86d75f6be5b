"""Each case's visit schedule today: next due date and overdue visits, for agendas and caseloads."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Prefetch, prefetch_related_objects

from gotong.casework import recurrence
from gotong.casework.models import Case, Visit, VisitPlan


@dataclass
class CaseSchedule:
    case: Case
    plan: VisitPlan | None
    statuses: list[recurrence.DueStatus] = field(default_factory=list)
    last_visit: date | None = None

    @property
    def overdue(self) -> list[recurrence.DueStatus]:
        return [s for s in self.statuses if s.state == recurrence.OVERDUE]

    @property
    def next_due(self) -> recurrence.DueStatus | None:
        return next((s for s in self.statuses if s.state in (recurrence.DUE_TODAY, recurrence.UPCOMING)), None)

    @property
    def missed(self) -> list[recurrence.DueStatus]:
        return [s for s in self.statuses if s.state == recurrence.MISSED]


def plan_statuses(plan: VisitPlan, visit_dates, today: date) -> list[recurrence.DueStatus]:
    dues = list(
        recurrence.due_dates(
            plan.frequency,
            plan.start_on,
            until=today + timedelta(days=recurrence.HORIZON_DAYS),
            end=plan.last_day,
            interval_days=plan.interval_days,
        )
    )
    return recurrence.match_visits(dues, counted_visits(plan, visit_dates), today)


def counted_visits(plan, visit_dates) -> list[date]:
    """Only visits since the plan started count toward it."""
    since = plan.start_on - timedelta(days=recurrence.EARLY_DAYS)
    return [d for d in visit_dates if d >= since]


def _active_plans() -> Prefetch:
    return Prefetch("plans", queryset=VisitPlan.objects.filter(is_active=True), to_attr="active_plans")


def with_schedule_data(cases):
    """Prefetch what `schedules()` needs: the active plan, the single visits, the visit dates, each row's names."""
    return (
        cases.select_related("person", "household", "worker", "supervisor")
        .with_subject_names()
        .prefetch_related(_active_plans(), "visits", "single_visits")
    )


def schedule_for(case: Case, today: date, visit_dates: list[date] | None = None) -> CaseSchedule:
    plans = getattr(case, "active_plans", None)
    if plans is None:
        plans = list(case.plans.filter(is_active=True))
    plan = plans[0] if plans else None
    if visit_dates is None:
        visit_dates = [v.visited_on for v in case.visits.all()]
    statuses = []
    if case.is_open:
        statuses = plan_statuses(plan, visit_dates, today) if plan else []
        singles = [single.planned_on for single in case.single_visits.all()]
        if singles:
            statuses = sorted(
                statuses + recurrence.single_statuses(singles, visit_dates, today), key=lambda s: s.due_on
            )
    return CaseSchedule(case, plan, statuses, max(visit_dates) if visit_dates else None)


def schedules(cases, today: date) -> list[CaseSchedule]:
    return [schedule_for(case, today) for case in with_schedule_data(cases)]


def schedules_of(cases: list[Case], today: date) -> list[CaseSchedule]:
    """The schedules of cases already fetched (a page of a list, a batch of an export), with a query each for all
    of them: the person, household and worker shown, the active plans and the visit dates (plain dates, not
    thousands of visit objects)."""
    prefetch_related_objects(cases, "person", "household", "worker", _active_plans(), "single_visits")
    visit_dates = defaultdict(list)
    for case_id, visited_on in Visit.objects.filter(case__in=cases).values_list("case_id", "visited_on"):
        visit_dates[case_id].append(visited_on)
    return [schedule_for(case, today, visit_dates[case.pk]) for case in cases]


def agenda(cases, today: date) -> dict:
    """Today's visits, the rest of this week and everything overdue, for one worker's open cases (`open_count`)."""
    monday, sunday = recurrence.week_bounds(today)
    rows = schedules(cases.open(), today)
    due_today, this_week, overdue = [], [], []
    for row in rows:
        for status in row.statuses:
            if status.state == recurrence.OVERDUE:
                overdue.append((status, row))
            elif status.state == recurrence.DUE_TODAY:
                due_today.append((status, row))
            elif status.state == recurrence.UPCOMING and today < status.due_on <= sunday:
                this_week.append((status, row))
    overdue.sort(key=lambda pair: pair[0].due_on)
    this_week.sort(key=lambda pair: pair[0].due_on)
    return {
        "today": due_today,
        "week": this_week,
        "overdue": overdue,
        "week_start": monday,
        "week_end": sunday,
        "open_count": len(rows),
    }
