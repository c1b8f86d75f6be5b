"""Small database chores shared by bulk writers."""

from django.db import connection


def analyze(*tables: str) -> None:
    """Refresh the planner's statistics after a bulk load.

    Rows written by COPY or batched inserts leave the statistics saying "empty table" until autovacuum's analyze
    runs — never, on a server with autovacuum off — and PostgreSQL then sorts a whole city for a 50-row page
    (measured 2.5 s instead of 0.5 ms). SQLite's planner uses the same kind of statistics.
    """
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {quote(table)}")
