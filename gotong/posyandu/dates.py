"""Small date helpers: months as their first day, ages in days and completed months."""

import datetime

from gotong.core.months import add_months, month_start  # noqa: F401  (re-exported: posyandu code imports them from here)


def five_years_before(day: datetime.date) -> datetime.date:
    """A child born after this date is under 60 months on `day`."""
    try:
        return day.replace(year=day.year - 5)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 5, day=28)


def parse_month(text: str | None, default: datetime.date) -> datetime.date:
    """ "2026-03" → 1 March 2026; anything unreadable gives `default`."""
    try:
        year, month = (int(part) for part in (text or "").split("-")[:2])
        return datetime.date(year, month, 1)
    except ValueError:
        return month_start(default)
