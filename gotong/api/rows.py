"""List endpoints answered from rows of column values instead of model instances and serializer fields.

A list page of 50 persons spent most of its CPU building 50 model instances and walking DRF's field machinery
for each (issue 24, "Lean requests"). Where a list's serializer reads nothing but columns (no per-user decision
per row: NIK and KK are always masked in lists), `ValuesListMixin` reads `values()` and builds each row with a
plain function. Detail, create and update keep the serializers, which stay the documented schema; a test per
endpoint proves both give the same JSON (`gotong/registry/tests/test_api_list_rows.py`).
"""

import datetime

from django.utils import timezone


def drf_datetime(value: datetime.datetime | None) -> str | None:
    """A datetime as DRF's `DateTimeField` writes it: ISO 8601 in the current time zone, "Z" for UTC."""
    if value is None:
        return None
    text = timezone.localtime(value).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def iso_date(value: datetime.date | None) -> str | None:
    return None if value is None else value.isoformat()


def text_or_none(value) -> str | None:
    """UUIDs and other values DRF's JSON renderer turns into strings."""
    return None if value is None else str(value)


class ValuesListMixin:
    """`list` from `list_values(queryset)` rows and `list_row(row)`, paginated and filtered as before.

    Subclasses define `list_queryset(user)` (the scoped rows, as `values()`) and `list_row(values) -> dict`.
    """

    def list_queryset(self, user):
        raise NotImplementedError

    def list_row(self, values: dict) -> dict:
        raise NotImplementedError

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.list_queryset(request.user))
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response([self.list_row(values) for values in page])
