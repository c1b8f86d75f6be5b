"""What each list exports: the same rows as its page (one function both call) and typed, labelled columns.

A module declares its lists in `<app>/lists.py` with `register(ListExport(...))`; the exports app imports those
files at start-up. `rows(user, params)` must apply the page's own scope, filters and order; `params` holds the
query string plus the page's URL arguments (e.g. `bank_id`). It returns a QuerySet (streamed with a server-side
cursor), a list, or an iterable that streams its rows itself and counts them through its `queryset` attribute
(`gotong.posyandu.lists.ChildRows`: children with their last weighing, a chunk at a time).
"""

import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.http import Http404

TEXT, INT, RUPIAH, DATE, DECIMAL = "text", "int", "rupiah", "date", "decimal"
KINDS = (TEXT, INT, RUPIAH, DATE, DECIMAL)


@dataclass(frozen=True)
class Column:
    header: Any  # lazy Indonesian text
    value: Callable[[Any], object]
    kind: str = TEXT

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")


@dataclass(frozen=True)
class ListExport:
    key: str  # "registry.households": app label + list, used in URLs and stored on jobs
    title: Any  # lazy sheet title
    filename: str  # file name stem, e.g. "rumah-tangga"
    rows: Callable[[Any, Mapping[str, str]], Iterable]
    columns: Sequence[Column]
    path_params: tuple[str, ...] = field(default=())  # URL arguments of the page, passed along in `params`

    @property
    def headers(self) -> list[str]:
        return [str(c.header) for c in self.columns]


_REGISTRY: dict[str, ListExport] = {}


def register(spec: ListExport) -> ListExport:
    _REGISTRY[spec.key] = spec
    return spec


def get_spec(key: str) -> ListExport:
    try:
        return _REGISTRY[key]
    except KeyError:
        raise Http404 from None


def all_specs() -> list[ListExport]:
    return sorted(_REGISTRY.values(), key=lambda s: s.key)


# Query-string keys that only steer the page, never the rows.
NOT_FILTERS = {"page", "format", "fmt"}


def _is_id(value) -> bool:
    text = str(value or "")
    if text.isdigit():
        return True
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def params_from(query: Mapping[str, str], spec: ListExport) -> dict[str, str]:
    """The filters to store on a job: the query string without paging, path params kept as strings."""
    params = {k: query.get(k) for k in query if k not in NOT_FILTERS}
    # Path params are the page's ids (a bank's number, a cohort's public uuid): anything else is no such page.
    if any(not _is_id(params.get(name)) for name in spec.path_params):
        raise Http404
    return {k: str(v) for k, v in params.items() if v not in (None, "")}
