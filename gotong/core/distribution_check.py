"""Does every province-distributed row carry the province its placement derives? (`gotong distribution check`)

One SQL query per table compares `province_code` with the row's own `area_code` (`via="area_code"`) or with its
`via` parent's province: the parent's `province_code` when the parent is distributed too, else the first two digits
of the area's `code` or the organisation's `area_code`. Checking each table against its parent checks the whole
chain, parents being checked too. Run it before the switch-over: Citus places each row by this value alone.
"""

from dataclasses import dataclass

from django.db import connection

from gotong.core.distribution import PROVINCE_COLUMN
from gotong.core.distribution_rules import placement_of, province_distributed_models
from gotong.core.province_code import has_province_column, parent_province_column

SAMPLE_IDS = 5


@dataclass(frozen=True)
class Mismatch:
    label: str
    rows: int
    sample_ids: tuple

    def __str__(self) -> str:
        ids = ", ".join(map(str, self.sample_ids))
        return f"{self.label}: {self.rows} baris berbeda dari turunannya (id {ids})"


def _expected(model, quote) -> tuple[str, str]:
    """(SQL expression of the province the row should carry, JOIN text)."""
    table = quote(model._meta.db_table)
    via = placement_of(model).via
    if via in ("area_code", PROVINCE_COLUMN):
        return f"substr({table}.{quote('area_code')}, 1, 2)", ""
    field = model._meta.get_field(via)
    parent = field.related_model._meta
    column = parent_province_column(parent)
    join = (
        f" LEFT JOIN {quote(parent.db_table)} parent"
        f" ON parent.{quote(parent.pk.column)} = {table}.{quote(field.column)}"
    )
    return f"substr(parent.{quote(column)}, 1, 2)", join


def mismatch_query(model) -> str:
    """SELECT of the ids of `model`'s rows whose province_code is missing or differs from the derivation."""
    quote = connection.ops.quote_name
    table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
    expected, join = _expected(model, quote)
    actual = f"{table}.{quote(PROVINCE_COLUMN)}"
    return (
        f"SELECT {table}.{pk} FROM {table}{join} WHERE {actual} IS NULL OR {expected} IS NULL OR {actual} <> {expected}"
    )


def province_mismatches() -> list[Mismatch]:
    """Every province-distributed table holding rows whose province_code is not what their placement derives."""
    found = []
    with connection.cursor() as cursor:
        for model in province_distributed_models():
            if not has_province_column(model):
                continue  # none today (every one has it): a table placed before its column is added
            query = mismatch_query(model)
            cursor.execute(f"SELECT count(*) FROM ({query}) wrong")
            (rows,) = cursor.fetchone()
            if rows:
                cursor.execute(f"{query} ORDER BY 1 LIMIT {SAMPLE_IDS}")
                found.append(Mismatch(model._meta.label, rows, tuple(pk for (pk,) in cursor.fetchall())))
    return found
