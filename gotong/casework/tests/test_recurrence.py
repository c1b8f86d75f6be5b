from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gotong.casework import recurrence as r


def test_monthly_from_the_31st_falls_on_month_ends_and_returns_to_the_31st():
    dues = list(r.due_dates(r.MONTHLY, date(2026, 1, 31), until=date(2026, 6, 30)))
    assert dues == [
        date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31),
        date(2026, 4, 30), date(2026, 5, 31), date(2026, 6, 30),
    ]  # fmt: skip


def test_monthly_in_a_leap_year_and_across_the_year_end():
    assert r.add_months(date(2027, 11, 30), 3) == date(2028, 2, 29)
    assert r.add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)


def test_end_date_is_inclusive_and_stops_the_series():
    dues = list(r.due_dates(r.WEEKLY, date(2026, 3, 2), until=date(2026, 12, 31), end=date(2026, 3, 16)))
    assert dues == [date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 16)]


def test_every_n_days_and_bad_interval():
    assert list(r.due_dates(r.EVERY_N_DAYS, date(2026, 3, 1), until=date(2026, 3, 31), interval_days=10)) == [
        date(2026, 3, 1), date(2026, 3, 11), date(2026, 3, 21), date(2026, 3, 31),
    ]  # fmt: skip
    with pytest.raises(ValueError):
        list(r.due_dates(r.EVERY_N_DAYS, date(2026, 3, 1), until=date(2026, 3, 31), interval_days=0))


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)), st.integers(0, 120))
def test_add_months_never_drifts(anchor, months):
    moved = r.add_months(anchor, months)
    assert (moved.year - anchor.year) * 12 + moved.month - anchor.month == months
    if moved.day != anchor.day:
        # Clamped only to the last day of a shorter month.
        assert moved.day < anchor.day
        assert date.fromordinal(moved.toordinal() + 1).day == 1


def test_states_done_early_late_overdue_missed_upcoming():
    dues = [date(2026, 1, 10), date(2026, 2, 10), date(2026, 3, 10), date(2026, 4, 10)]
    # Visit two days early counts for Jan; Feb is never visited; Mar visited late on the 15th.
    visits = [date(2026, 1, 8), date(2026, 3, 15)]
    states = {s.due_on: s.state for s in r.match_visits(dues, visits, today=date(2026, 3, 20))}
    assert states == {
        date(2026, 1, 10): r.DONE,
        date(2026, 2, 10): r.MISSED,  # its window closed on 6 Mar
        date(2026, 3, 10): r.DONE,
        date(2026, 4, 10): r.UPCOMING,
    }


def test_overdue_while_window_open_then_missed():
    dues = [date(2026, 3, 10), date(2026, 4, 10)]
    assert r.match_visits(dues, [], today=date(2026, 3, 10))[0].state == r.DUE_TODAY
    assert r.match_visits(dues, [], today=date(2026, 3, 11))[0].state == r.OVERDUE
    assert r.match_visits(dues, [], today=date(2026, 4, 6))[0].state == r.OVERDUE
    assert r.match_visits(dues, [], today=date(2026, 4, 7))[0].state == r.MISSED
    # A visit too early (more than EARLY_DAYS before) does not count.
    assert r.match_visits(dues, [date(2026, 3, 6)], today=date(2026, 3, 12))[0].state == r.OVERDUE


def test_one_visit_counts_once():
    dues = [date(2026, 3, 2), date(2026, 3, 9)]
    states = [s.state for s in r.match_visits(dues, [date(2026, 3, 7)], today=date(2026, 3, 12))]
    # 7 Mar falls in 9 Mar's window (opens 6 Mar), so 2 Mar's visit is still owed.
    assert states == [r.MISSED, r.DONE]


def test_last_due_of_a_finished_plan_is_missed_after_the_grace():
    dues = [date(2026, 1, 10)]
    assert r.match_visits(dues, [], today=date(2026, 2, 9))[0].state == r.OVERDUE
    assert r.match_visits(dues, [], today=date(2026, 2, 10))[0].state == r.MISSED


def test_week_bounds_monday_to_sunday():
    assert r.week_bounds(date(2026, 3, 20)) == (date(2026, 3, 16), date(2026, 3, 22))


@given(
    st.sampled_from([r.WEEKLY, r.MONTHLY, r.EVERY_N_DAYS]),
    st.integers(1, 40),
    st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 6, 30)),
    st.lists(st.dates(min_value=date(2024, 12, 1), max_value=date(2026, 9, 30)), max_size=30),
    st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 9, 30)),
    st.one_of(st.none(), st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 12, 31))),
)
def test_open_statuses_are_the_full_schedules_still_open_today(frequency, interval, start, visits, today, end):
    """The dashboard counts overdue visits from the open windows only; it must agree with the full schedule."""
    end = end if end is None or end >= start else None
    dues = list(r.due_dates(frequency, start, until=date(2026, 12, 31), end=end, interval_days=interval))
    full = [s for s in r.match_visits(dues, visits, today) if s.window_end >= today]
    assert r.open_statuses(dues, visits, today) == full
    since = r.open_window_since(today, frequency, interval)
    recent = list(r.due_dates(frequency, start, until=date(2026, 12, 31), end=end, interval_days=interval, since=since))
    assert recent == [day for day in dues if day >= since]
    assert r.open_statuses(recent, visits, today) == full
    horizon = list(r.due_dates(frequency, start, until=today + r.timedelta(days=r.HORIZON_DAYS), end=end,
                               interval_days=interval))  # fmt: skip
    overdue = sum(1 for s in r.match_visits(horizon, visits, today) if s.state == r.OVERDUE)
    assert r.overdue_count(frequency, start, end=end, interval_days=interval, visits=visits, today=today) == overdue
