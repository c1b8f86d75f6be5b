"""Keep `OverdueTally` exactly what the visit schedules say today, and read it for the dashboards.

"Overdue" (a recurring plan's due dates and the single visits planned on a date) depends on the day, so it cannot
be a count kept since the start: each open case has one row holding its overdue visits on one day (`counted_on`).
Every change to a case, its visit plan, its single visits or its visits recounts the case's
row for today inside the transaction of the change, after locking the case (`gotong.casework.signals`), so two
workers logging visits at once are counted in turn. Readers (`overdue_totals`) sum the rows of today and count live
the open cases whose row is for another day, so an answer is never stale, only slower; `extend_to(day)` —
`gotong dashboards extend`, run daily — recounts every row of an earlier day.

The counting is `compute`, from plain values and only the due dates around today (`recurrence.overdue_count`),
which the tests hold equal to the full schedule (`schedule.schedules`) the worker's agenda shows.
"""

import datetime
from collections import defaultdict
from typing import NamedTuple

from django.db import transaction
from django.db.models import Case as CaseWhen
from django.db.models import Count, F, IntegerField, Q, Sum, Value, When
from django.utils import timezone

from gotong.casework import recurrence
from gotong.casework.models import Case, OverdueTally, SingleVisit, Visit, VisitPlan
from gotong.casework.models.work import plan_last_day
from gotong.casework.schedule import counted_visits

CHUNK = 1000  # cases per recount: a province's cases in rounds of three queries


class PlanDates(NamedTuple):
    """What a schedule needs of a visit plan, read as plain values."""

    frequency: str
    start_on: datetime.date
    last_day: datetime.date | None
    interval_days: int | None


def compute(
    cases, today: datetime.date, *, plan_model=VisitPlan, visit_model=Visit, single_model=SingleVisit
) -> dict[int, int]:
    """Open case id → visits overdue today, for the open cases among `cases` (a queryset) that follow a plan or
    have single visits planned: the plan's overdue due dates plus the overdue single visits.

    The models can be a migration's historical ones (`single_model=None` before single visits existed)."""
    open_cases = cases.filter(closed_on__isnull=True).values("pk")
    plans = {
        case_id: PlanDates(frequency, start_on, plan_last_day(end_on, stopped_on), interval)
        for case_id, frequency, start_on, end_on, stopped_on, interval in plan_model.objects.filter(
            case__in=open_cases, is_active=True
        ).values_list("case_id", "frequency", "start_on", "end_on", "stopped_on", "interval_days")
    }
    singles = defaultdict(list)
    if single_model is not None:
        recent_singles = single_model.objects.filter(
            case__in=open_cases, planned_on__gte=recurrence.singles_since(today)
        )
        for case_id, planned_on in recent_singles.values_list("case_id", "planned_on"):
            singles[case_id].append(planned_on)
    if not plans and not singles:
        return {}
    # Only visits inside a window still open today can decide an overdue visit: read those, not a year's worth.
    since = min(
        [recurrence.open_window_since(today, p.frequency, p.interval_days) for p in plans.values()]
        + ([recurrence.singles_since(today)] if singles else [])
    )
    visits = defaultdict(list)
    recent = visit_model.objects.filter(
        case__in=open_cases, visited_on__gte=since - datetime.timedelta(days=recurrence.EARLY_DAYS)
    )
    for case_id, visited_on in recent.values_list("case_id", "visited_on"):
        visits[case_id].append(visited_on)
    counts = {case_id: _overdue(plan, visits[case_id], today) for case_id, plan in plans.items()}
    for case_id, days in singles.items():
        late = recurrence.single_statuses(days, visits[case_id], today)
        counts[case_id] = counts.get(case_id, 0) + sum(1 for status in late if status.state == recurrence.OVERDUE)
    return counts


def _overdue(plan: PlanDates, visit_dates: list[datetime.date], today: datetime.date) -> int:
    return recurrence.overdue_count(
        plan.frequency,
        plan.start_on,
        end=plan.last_day,
        interval_days=plan.interval_days,
        visits=counted_visits(plan, visit_dates),
        today=today,
    )


# --- writing ------------------------------------------------------------------------------------------------


def refresh_cases(case_ids, today: datetime.date | None = None) -> None:
    """Recount these cases' rows for `today` (default: the local date) inside the caller's transaction: a row
    for each open case, none for a closed or deleted one."""
    ids = sorted({pk for pk in case_ids if pk})
    for start in range(0, len(ids), CHUNK):
        _refresh_chunk(ids[start : start + CHUNK], today or timezone.localdate())


@transaction.atomic
def _refresh_chunk(ids: list[int], today: datetime.date) -> None:
    # One recount per case at a time: a second transaction waits here, then counts what the first committed.
    provinces = dict(
        Case.objects.select_for_update()
        .filter(pk__in=ids, closed_on__isnull=True)
        .order_by("pk")
        .values_list("pk", "province_code")
    )
    open_ids = list(provinces)
    OverdueTally.objects.filter(case_id__in=set(ids) - set(open_ids)).delete()
    counts = compute(Case.objects.filter(pk__in=open_ids), today)
    OverdueTally.objects.bulk_create(
        [
            OverdueTally(case_id=pk, province_code=provinces[pk], counted_on=today, overdue_visits=counts.get(pk, 0))
            for pk in open_ids
        ],
        update_conflicts=True,
        unique_fields=["case"],
        update_fields=["province_code", "counted_on", "overdue_visits"],
        batch_size=500,
    )


def rebuild(today: datetime.date | None = None) -> int:
    """Recount every open case (after a raw load or to repair); returns the number of rows."""
    with transaction.atomic():
        OverdueTally.objects.exclude(case__closed_on__isnull=True).delete()
        ids = list(Case.objects.filter(closed_on__isnull=True).order_by("pk").values_list("pk", flat=True))
        refresh_cases(ids, today)
    return len(ids)


def extend_to(today: datetime.date) -> int:
    """Recount the open cases whose row is for an earlier day (or missing); returns how many."""
    behind = list(
        Case.objects.filter(closed_on__isnull=True)
        .exclude(overdue_tally__counted_on__gte=today)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    refresh_cases(behind, today)
    return len(behind)


def differences(today: datetime.date | None = None) -> list[str]:
    """Every row that differs from the live schedules, described; empty when exact. A row of another day is not
    an error (readers count that case live until `extend_to` recounts it)."""
    today = today or timezone.localdate()
    stored = dict(OverdueTally.objects.values_list("case_id", "counted_on"))
    open_ids = set(Case.objects.filter(closed_on__isnull=True).values_list("pk", flat=True))
    problems = [f"kasus {pk}: tidak ada rekap kunjungan terlambat" for pk in sorted(open_ids - stored.keys())]
    problems += [f"kasus {pk}: rekap ada, padahal kasus sudah ditutup" for pk in sorted(stored.keys() - open_ids)]
    todays = sorted(pk for pk in open_ids & stored.keys() if stored[pk] == today)
    for start in range(0, len(todays), CHUNK):
        chunk = todays[start : start + CHUNK]
        fresh = compute(Case.objects.filter(pk__in=chunk), today)
        for pk, counted in OverdueTally.objects.filter(case_id__in=chunk).values_list("case_id", "overdue_visits"):
            if counted != fresh.get(pk, 0):
                problems.append(f"kasus {pk}: kunjungan terlambat {counted} ≠ {fresh.get(pk, 0)}")
    return problems


# --- reading ------------------------------------------------------------------------------------------------


def overdue_totals(cases, today: datetime.date) -> dict[str, int]:
    """Open and closed cases among `cases`, their overdue visits today and the cases with one: today's rows
    summed in one query, and the open cases without a row for today counted live."""
    todays = Q(overdue_tally__counted_on=today)
    is_open = Q(closed_on__isnull=True)
    # Counted over the ids: a scope with a team join is DISTINCT, and DISTINCT over whole case rows is slow.
    scoped = Case.objects.filter(pk__in=cases.values("pk"))
    counts = scoped.aggregate(
        all=Count("pk"),
        open=Count("pk", filter=is_open),
        counted=Count("pk", filter=is_open & todays),
        overdue_visits=Sum("overdue_tally__overdue_visits", filter=is_open & todays, default=0),
        cases_overdue=Count("pk", filter=is_open & todays & Q(overdue_tally__overdue_visits__gt=0)),
    )
    overdue_visits, cases_overdue = counts["overdue_visits"], counts["cases_overdue"]
    if counts["counted"] < counts["open"]:
        live = compute(scoped.filter(is_open).exclude(todays), today)
        overdue_visits += sum(live.values())
        cases_overdue += sum(1 for late in live.values() if late)
    return {
        "open": counts["open"],
        "closed": counts["all"] - counts["open"],
        "overdue_visits": overdue_visits,
        "cases_overdue": cases_overdue,
    }


def overdue_today(cases, today: datetime.date) -> CaseWhen:
    """An expression for each case's overdue visits today, to order a list of cases in the database: today's row,
    or — for the open cases among `cases` whose row is of another day, none once `gotong dashboards extend` ran
    today — the count made live now. Closed cases count 0."""
    todays = Q(overdue_tally__counted_on=today)
    behind = Case.objects.filter(pk__in=cases.values("pk"), closed_on__isnull=True).exclude(todays)
    by_count = defaultdict(list)
    for pk, late in compute(behind, today).items():
        if late:
            by_count[late].append(pk)
    live = [When(pk__in=pks, then=Value(late)) for late, pks in sorted(by_count.items())]
    return CaseWhen(
        When(todays, then=F("overdue_tally__overdue_visits")), *live, default=Value(0), output_field=IntegerField()
    )
