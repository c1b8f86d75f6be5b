"""Side-by-side rows for a conflict: each field's label, the phone's value and the server's, as people read them.

The phone shows these rows as they come; the texts are made here so the decimal comma, "18 Mar 2022", "Ya/Tidak"
and the choice names are the same as on every other page.
"""

import datetime
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from gotong.core.dates import short_date
from gotong.core.money import format_rupiah
from gotong.core.numbers import decimal_text, parse_decimal
from gotong.field.labels import labels_for


def as_text(value) -> str:
    return "" if value is None else str(value)


def as_flag(value) -> str:
    return {True: _("Ya"), False: _("Tidak")}.get(value, as_text(value))


def as_date(value) -> str:
    if isinstance(value, datetime.date):
        return short_date(value)
    try:
        return short_date(datetime.date.fromisoformat(value))
    except (TypeError, ValueError):
        return as_text(value)  # what the phone typed, unchanged, rather than nothing


def as_number(value) -> str:
    if value in (None, ""):
        return ""
    try:
        return decimal_text(parse_decimal(value, example="9,5", thousands=False))
    except (ValidationError, TypeError, ValueError):
        return as_text(value)


def as_rupiah(amount) -> str:
    return format_rupiah(amount, empty="")


def choice(names: dict) -> Callable:
    return lambda value: str(names[value]) if value in names else as_text(value)


def side_by_side(label, mine: str, server: str, name: str = "") -> dict:
    return {"name": name, "label": str(label), "mine": mine, "server": server, "differs": mine != server}


def rows(kind: str, shown: dict[str, Callable], mine: dict, server: dict) -> list[dict]:
    """A row per field of `shown` ({name: how to show its value}) with the form's label for it."""
    labels = labels_for(kind)
    return [side_by_side(labels[name], how(mine.get(name)), how(server.get(name)), name) for name, how in shown.items()]
