"""What each list exports: the same rows as its page (one function both call) and typed, labelled columns.

A module declares its lists in `<app>/lists.py` with `register(ListExport(...))`; the exports app imports those
files at start-up. `rows(user, params)` must apply the page's own scope, filters and order — a queryset, a list, or
`BatchedRows` when each row needs data looked up per batch; `params` holds the query string plus the page's URL
arguments (e.g. `bank_id`).
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
    # What the list's page needs (besides `exports.use`): `<module>.view` unless named.
    capability: str | None = None
    # When set, an export reads the queryset's `.values(*values)` and each column gets a dict: plain values, no
    # model instances or related objects built per row (a 100,000-row export spent most of its time on them).
    values: tuple[str, ...] = ()

    @property
    def needs(self) -> str:
        return self.capability or f"{self.key.split('.', 1)[0]}.view"

    @property
    def headers(self) -> list[str]:
        return [str(c.header) for c in self.columns]


class BatchedRows:
    """A list's rows made from a queryset one batch at a time, for rows that need more than the queryset's own
    columns (a case's visit schedule): `complete(objects)` turns a batch of model instances into rows with a
    fixed number of queries. Exports read it in batches, so memory stays flat however many rows there are, and
    size it by its queryset.
    """

    def __init__(self, queryset, complete: Callable[[list], Iterable], batch_size: int = 1000):
        self.queryset = queryset
        self.complete = complete
        self.batch_size = batch_size

    def __iter__(self):
        batch = []
        # A server-side cursor on PostgreSQL: the whole list never sits in memory.
        for obj in self.queryset.iterator(chunk_size=self.batch_size):
            batch.append(obj)
            if len(batch) == self.batch_size:
                yield from self.complete(batch)
                batch = []
        if batch:
            yield from self.complete(batch)


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
