"""Visit recurrence as pure functions: due dates of a plan, and which are done, overdue, missed or upcoming.

Rules (kept explicit so a worker can predict them):
- monthly plans keep the day of the first visit; in a shorter month the 31st (or 29th/30th) falls on its last
  day, and the next month goes back to the original day (31 Jan → 28 Feb → 31 Mar), so dates never drift;
- weekly = every 7 days; every N days = every N days from the first visit; the end date is inclusive;
- each visit counts for one due date at most. A due date's window opens EARLY_DAYS before it and closes
  EARLY_DAYS before the next due date, so a visit two days early still counts and a late one counts for the
  due date it was late for;
- the last due date of a finished plan stays open LAST_GRACE_DAYS;
- a due date is *overdue* from the day after it while its window is open and no visit counted for it, and
  *missed* once the window has closed.
- a single visit planned on a date (`single_statuses`) is a due date of its own: its window opens EARLY_DAYS
  before it (or the day after the previous single visit's window closes) and stays open LAST_GRACE_DAYS after it,
  or until EARLY_DAYS + 1 days before the next single visit, but never closes before its own date. Any logged visit
  inside the window does it, also one that counts for the recurring plan's due date too (a visit is a visit).
"""

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

EARLY_DAYS = 3
LAST_GRACE_DAYS = 30  # a finished plan's last due date stays overdue this long, then it is missed
HORIZON_DAYS = 62  # how far ahead schedules are computed: beyond the next monthly due date

WEEKLY = "weekly"
MONTHLY = "monthly"
EVERY_N_DAYS = "every_n_days"

DONE = "done"
DUE_TODAY = "due_today"
OVERDUE = "overdue"
MISSED = "missed"
UPCOMING = "upcoming"


def add_months(anchor: date, months: int) -> date:
    """`anchor` moved by whole months, the day clamped to the target month's last day."""
    index = anchor.month - 1 + months
    year, month = anchor.year + index // 12, index % 12 + 1
    return date(year, month, min(anchor.day, calendar.monthrange(year, month)[1]))


def due_dates(
    frequency: str,
    start: date,
    *,
    until: date,
    end: date | None = None,
    interval_days: int | None = None,
    since: date | None = None,
):
    """Due dates from `start` up to `until` (and not after `end`), in order; with `since`, only those on or after
    it (found by arithmetic, not by walking a long plan from its start)."""
    last = min(until, end) if end else until
    if frequency == MONTHLY:
        step = max(0, (since.year - start.year) * 12 + since.month - start.month - 1) if since else 0
        while (day := add_months(start, step)) <= last:
            if since is None or day >= since:
                yield day
            step += 1
        return
    if frequency == WEEKLY:
        days = 7
    elif frequency == EVERY_N_DAYS:
        if not interval_days or interval_days < 1:
            raise ValueError("every_n_days needs interval_days ≥ 1")
        days = interval_days
    else:
        raise ValueError(f"unknown frequency {frequency!r}")
    day = start + timedelta(days=days * max(0, (since - start).days // days)) if since else start
    while day <= last:
        if since is None or day >= since:
            yield day
        day += timedelta(days=days)


@dataclass(frozen=True)
class DueStatus:
    due_on: date
    state: str
    window_end: date  # the last day a visit still counts for this due date
    visited_on: date | None = None
    single: bool = False  # a single visit planned on this date, not a due date of the recurring plan


def match_visits(dues: list[date], visits: Iterable[date], today: date) -> list[DueStatus]:
    """The state of each due date given the visit dates (any order) and today.

    Pass due dates computed up to a horizon after today (`due_dates(..., until=today + HORIZON)`): the last one
    in the list is then either in the future or the last of a finished plan, which keeps LAST_GRACE_DAYS.
    """
    remaining = sorted(visits)
    result = []
    for index, due in enumerate(dues):
        opens = due - timedelta(days=EARLY_DAYS)
        if index + 1 < len(dues):
            window_end = dues[index + 1] - timedelta(days=EARLY_DAYS + 1)
        else:
            window_end = due + timedelta(days=LAST_GRACE_DAYS)
        hit = next((v for v in remaining if v >= opens and (window_end is None or v <= window_end)), None)
        if hit is not None:
            remaining.remove(hit)
            result.append(DueStatus(due, DONE, window_end, hit))
        elif today < due:
            result.append(DueStatus(due, UPCOMING, window_end))
        elif today == due:
            result.append(DueStatus(due, DUE_TODAY, window_end))
        elif today <= window_end:
            result.append(DueStatus(due, OVERDUE, window_end))
        else:
            result.append(DueStatus(due, MISSED, window_end))
    return result


def single_statuses(dues: Iterable[date], visits: Iterable[date], today: date) -> list[DueStatus]:
    """The state of each single visit planned on the dates `dues`, given the visit dates and today (rules above).

    Windows never overlap, so a single visit's state depends on its neighbours' dates and the visits in its window
    alone: the tally passes only those planned since `singles_since(today)`."""
    days = sorted(set(dues))
    remaining = sorted(visits)
    result = []
    previous_end = None
    for index, due in enumerate(days):
        opens = due - timedelta(days=EARLY_DAYS)
        if previous_end is not None and previous_end >= opens:
            opens = previous_end + timedelta(days=1)
        window_end = due + timedelta(days=LAST_GRACE_DAYS)
        if index + 1 < len(days):
            window_end = max(due, min(window_end, days[index + 1] - timedelta(days=EARLY_DAYS + 1)))
        previous_end = window_end
        hit = next((v for v in remaining if opens <= v <= window_end), None)
        if hit is not None:
            remaining.remove(hit)
            state = DONE
        elif today < due:
            state = UPCOMING
        elif today == due:
            state = DUE_TODAY
        else:
            state = OVERDUE if today <= window_end else MISSED
        result.append(DueStatus(due, state, window_end, hit, single=True))
    return result


def singles_since(today: date) -> date:
    """Single visits planned before this day can neither be overdue today nor shift the window of one that can."""
    return today - timedelta(days=2 * LAST_GRACE_DAYS + EARLY_DAYS + 2)


def open_statuses(dues: list[date], visits: Iterable[date], today: date) -> list[DueStatus]:
    """The statuses `match_visits` gives, for only the due dates whose window is still open today (the only ones
    that can be due today, overdue or upcoming). Windows never overlap — one closes the day before the next opens —
    so a due date's state depends on the visits inside its own window alone, and a plan a year old need not
    replay its fifty weeks. `dues` may start at any due date on or before the first open one
    (`open_window_since`)."""
    first = 0
    while first + 1 < len(dues) and dues[first + 1] - timedelta(days=EARLY_DAYS + 1) < today:
        first += 1
    return [status for status in match_visits(dues[first:], visits, today) if status.window_end >= today]


def period_days(frequency: str, interval_days: int | None) -> int:
    """The longest gap between two due dates of a plan."""
    return 31 if frequency == MONTHLY else 7 if frequency == WEEKLY else interval_days or 1


def open_window_since(today: date, frequency: str, interval_days: int | None) -> date:
    """A day on or before every due date whose window is still open today: a window closes the day before the
    next due date's opens (at most one period after its own due date) or, for a plan's last, LAST_GRACE_DAYS
    after it."""
    return today - timedelta(days=period_days(frequency, interval_days) + LAST_GRACE_DAYS)


def overdue_count(
    frequency: str, start: date, *, end: date | None, interval_days: int | None, visits: list[date], today: date
) -> int:
    """How many of the plan's due dates are overdue today, as the full schedule (`due_dates` to HORIZON_DAYS ahead,
    `match_visits`) would say, computed from the few due dates around today only: from `open_window_since`, and
    up to the first due date after today (which closes the window before it; it cannot be overdue itself)."""
    period = period_days(frequency, interval_days)
    dues = list(
        due_dates(
            frequency,
            start,
            until=today + timedelta(days=period + 1),
            end=end,
            interval_days=interval_days,
            since=open_window_since(today, frequency, interval_days),
        )
    )
    return sum(1 for status in open_statuses(dues, visits, today) if status.state == OVERDUE)


def week_bounds(today: date) -> tuple[date, date]:
    """Monday and Sunday of today's week (the Indonesian working week is read Monday to Sunday)."""
    monday = today - timedelta(days=today.weekday())
    return monday, monday + timedelta(days=6)
