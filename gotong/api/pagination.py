"""Page links without COUNT(*) and without OFFSET: `next` and `previous` carry a cursor (`setelah` / `sebelum`).

Each page is sought from the edge row of its neighbour in the list's own order (`gotong.core.keyset`), so page
1 000 of a city's persons costs what page 1 costs. The response keeps its shape `{next, previous, results}`;
clients follow the links. `halaman=N` is still accepted (read by OFFSET, slow when deep) so old clients and
bookmarks keep working; the links it returns continue by cursor. A list whose order no cursor can follow (random,
raw SQL) pages by `halaman` as before.
"""

from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from gotong.core import keyset
from gotong.core.listing import AFTER, BEFORE

PAGE_PARAM = "halaman"
SIZE_PARAM = "per_halaman"
DEFAULT_SIZE = 50
MAX_SIZE = 500
MAX_PAGE = 100_000


def _positive_int(request, name: str, default: int, maximum: int) -> int:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if not 1 <= value <= maximum:
        raise exceptions.ValidationError({name: [_("Harus bilangan bulat 1 sampai %(max)d.") % {"max": maximum}]})
    return value


def _bad_cursor(name: str) -> exceptions.ValidationError:
    return exceptions.ValidationError(
        {name: [_("Kursor halaman tidak sah atau bukan untuk daftar ini; mulai lagi dari halaman pertama.")]}
    )


class NoCountPagination(BasePagination):
    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.size = _positive_int(request, SIZE_PARAM, DEFAULT_SIZE, MAX_SIZE)
        self.next_cursor = self.previous_cursor = None
        self.previous_is_first = False
        if not queryset.ordered:
            queryset = queryset.order_by("pk")
        try:
            self.keys = keyset.keys_of(queryset)
        except keyset.Unkeyable:
            self.keys = None
        params = request.query_params
        if self.keys is not None and (params.get(AFTER) or params.get(BEFORE)):
            return self._seek(queryset, params)
        return self._offset(queryset, _positive_int(request, PAGE_PARAM, 1, MAX_PAGE))

    def _seek(self, queryset, params):
        name = AFTER if params.get(AFTER) else BEFORE
        try:
            values, number = keyset.decode_cursor(self.keys, params[name])
        except keyset.BadCursor:
            raise _bad_cursor(name) from None
        reverse = name == BEFORE
        rows = list(keyset.seek(queryset, self.keys, values, reverse=reverse)[: self.size + 1])
        more = len(rows) > self.size
        rows = rows[: self.size]
        if not rows:
            # The cursor's row was the last (or first) one, or its neighbours were deleted: no links onward.
            self.has_next = self.has_previous = False
            self.page = number
            return rows
        if reverse:
            rows.reverse()
            self.has_next, has_previous = True, more
        else:
            self.has_next, has_previous = more, True
        self.page = number
        self._cursors(rows, has_previous)
        return rows

    def _offset(self, queryset, page: int):
        if self.keys is not None:
            queryset = queryset.order_by(*(key.order() for key in self.keys))
        start = (page - 1) * self.size
        rows = list(queryset[start : start + self.size + 1])
        self.has_next = len(rows) > self.size
        rows = rows[: self.size]
        self.page = page
        self._cursors(rows, page > 1)
        return rows

    def _cursors(self, rows, has_previous: bool) -> None:
        """Cursors for the links; without keys (or rows) the links fall back to page numbers."""
        self.has_previous = has_previous
        if self.keys is None or not rows:
            return
        if self.has_next:
            self.next_cursor = keyset.encode_cursor(self.keys, rows[-1], self.page + 1)
        if has_previous:
            self.previous_cursor = keyset.encode_cursor(self.keys, rows[0], max(self.page - 1, 1))

    def _link(self, name: str, value) -> str:
        url = self.request.build_absolute_uri()
        for param in (PAGE_PARAM, AFTER, BEFORE):
            url = remove_query_param(url, param)
        return replace_query_param(url, name, value) if value is not None else url

    def get_paginated_response(self, data):
        next_link = previous_link = None
        if self.next_cursor:
            next_link = self._link(AFTER, self.next_cursor)
        elif self.has_next:
            next_link = self._link(PAGE_PARAM, self.page + 1)
        if self.previous_cursor:
            previous_link = self._link(BEFORE, self.previous_cursor)
        elif self.has_previous:
            page = self.page - 1
            previous_link = self._link(PAGE_PARAM, page if page > 1 else None)
        return Response({"next": next_link, "previous": previous_link, "results": data})

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "nullable": True, "format": "uri"}
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {"next": link, "previous": link, "results": schema},
        }

    def get_schema_operation_parameters(self, view):
        cursor = {"type": "string", "maxLength": 2000}
        return [
            {
                "name": AFTER,
                "in": "query",
                "required": False,
                "description": _(
                    "Kursor: halaman berisi baris sesudah kursor ini. Jangan dibuat sendiri; ambil dari tautan "
                    "`next`. Kursor yang diubah ditolak (400)."
                ),
                "schema": cursor,
            },
            {
                "name": BEFORE,
                "in": "query",
                "required": False,
                "description": _("Kursor: halaman berisi baris sebelum kursor ini; ambil dari tautan `previous`."),
                "schema": cursor,
            },
            {
                "name": PAGE_PARAM,
                "in": "query",
                "required": False,
                "deprecated": True,
                "description": _(
                    "Nomor halaman, mulai 1. Usang: halaman jauh lambat; ikuti tautan `next` (kursor) sebagai gantinya."
                ),
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
            },
            {
                "name": SIZE_PARAM,
                "in": "query",
                "required": False,
                "description": _("Baris per halaman (bawaan %(size)d).") % {"size": DEFAULT_SIZE},
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_SIZE},
            },
        ]
