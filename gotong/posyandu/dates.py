"""Small date helpers: months as their first day, ages in days and completed months."""

import datetime


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def add_months(month: datetime.date, count: int) -> datetime.date:
    index = month.year * 12 + month.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


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
