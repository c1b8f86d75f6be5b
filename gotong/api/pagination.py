"""Page links without COUNT(*): fetch one row more than the page to know whether a next page exists.

A kelurahan laptop and a province server answer in the same time whatever the table size.
"""

from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

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


class NoCountPagination(BasePagination):
    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.page = _positive_int(request, PAGE_PARAM, 1, MAX_PAGE)
        self.size = _positive_int(request, SIZE_PARAM, DEFAULT_SIZE, MAX_SIZE)
        if not queryset.ordered:
            queryset = queryset.order_by("pk")
        start = (self.page - 1) * self.size
        rows = list(queryset[start : start + self.size + 1])
        self.has_next = len(rows) > self.size
        return rows[: self.size]

    def _link(self, page: int | None) -> str | None:
        if page is None:
            return None
        url = self.request.build_absolute_uri()
        return remove_query_param(url, PAGE_PARAM) if page == 1 else replace_query_param(url, PAGE_PARAM, page)

    def get_paginated_response(self, data):
        next_page = self.page + 1 if self.has_next else None
        previous_page = self.page - 1 if self.page > 1 else None
        return Response({"next": self._link(next_page), "previous": self._link(previous_page), "results": data})

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "nullable": True, "format": "uri"}
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {"next": link, "previous": link, "results": schema},
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": PAGE_PARAM,
                "in": "query",
                "required": False,
                "description": _("Nomor halaman, mulai 1."),
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
