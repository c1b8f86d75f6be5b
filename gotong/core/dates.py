"""Dates as text for people: "18 Mar 2022" in Indonesian ("18 Mar 2022" in English too), never ISO.

Templates get the same through the locale formats in `gotong/formats/` (`{{ day }}`, `|date`); this is for text
made in Python: model `__str__`, messages, PDF lines. ISO stays where machines read it (inputs, APIs, CSV).
"""

import datetime

from django.utils import formats, timezone


def short_date(day: datetime.date | None, *, empty: str = "") -> str:
    """ "18 Mar 2022"; a datetime is shown as its local day."""
    if day is None:
        return empty
    if isinstance(day, datetime.datetime):
        day = timezone.localtime(day) if timezone.is_aware(day) else day
    return formats.date_format(day, "DATE_FORMAT")


def long_date(day: datetime.date) -> str:
    """ "18 Maret 2022", for headings and sentences."""
    return formats.date_format(day, "j F Y")


def month_year(day: datetime.date) -> str:
    """ "Maret 2022"."""
    return formats.date_format(day, "YEAR_MONTH_FORMAT")


def short_datetime(moment: datetime.datetime) -> str:
    """ "18 Mar 2022, 14.30" in the server's time zone."""
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return formats.date_format(moment, "DATETIME_FORMAT")
