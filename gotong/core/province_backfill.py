"""Backfill of `province_code` for the migrations that add it: one `UPDATE … FROM` per table, in id batches.

Each app's migration names its tables parents first, with where each row's province comes from (its own
`area_code`, or the foreign key to its parent), frozen in the migration so a later change of
`gotong.core.distribution.PLACEMENT` does not change what an old migration does. Re-runnable: only rows still
NULL are written, and the migrations are not atomic, so on PostgreSQL each batch commits on its own and a
stopped run continues where it stopped. SQLite (3.33+) and PostgreSQL both take `UPDATE … FROM`.
"""

from gotong.core.province_code import parent_province_column

BATCH_ROWS = 50_000


def _source(model, via: str, quote) -> tuple[str, str]:
    """(value expression, FROM/JOIN text) giving a row of `model` its province."""
    if via == "area_code":
        return f"substr({quote(model._meta.db_table)}.area_code, 1, 2)", ""
    field = model._meta.get_field(via)
    parent = field.related_model._meta
    column = parent_province_column(parent)
    join = (
        f" FROM {quote(parent.db_table)} AS parent"
        f" WHERE parent.{quote(parent.pk.column)} = {quote(model._meta.db_table)}.{quote(field.column)} AND"
    )
    return f"substr(parent.{quote(column)}, 1, 2)", join


def fill_province_codes(apps, schema_editor, steps: tuple[tuple[str, str], ...]) -> None:
    """Fill `province_code` where NULL for every (model label, via) in `steps`, in that order."""
    connection = schema_editor.connection
    quote = connection.ops.quote_name
    for label, via in steps:
        model = apps.get_model(label)
        table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
        value, join = _source(model, via, quote)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT min({pk}), max({pk}) FROM {table} WHERE province_code IS NULL")
            low, high = cursor.fetchone()
            if low is None:
                continue
            where = join or " WHERE"
            sql = (
                f"UPDATE {table} SET province_code = {value}{where}"
                f" {table}.province_code IS NULL AND {table}.{pk} BETWEEN %s AND %s"
            )
            for start in range(low, high + 1, BATCH_ROWS):
                cursor.execute(sql, [start, start + BATCH_ROWS - 1])
