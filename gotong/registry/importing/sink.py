"""Fast row sinks: COPY on PostgreSQL, batched executemany on SQLite, with the same row tuples for both.

Rows are plain tuples in the order of `columns`, already holding Python values (str, int, bool, date, datetime,
Decimal, UUID, None). The sink converts them the way the database stores them, much as Django's own fields would,
without building model instances.
"""

import uuid
from datetime import date, datetime
from decimal import Decimal

from django.db import connection

SQLITE_BATCH = 2000
# Every column of the registry's two tables, in the order of the row tuples of the synthetic city and the import
# benchmark's tables ceiling. `province_code` is the area code's first two digits (`gotong.core.province_code`).
HOUSEHOLD_COLUMNS = [
    "id", "created_at", "updated_at", "public_id", "family_card_number", "address", "area_id", "area_code",
    "province_code", "welfare_decile", "pkh_recipient", "bpnt_recipient", "consent_given_on",
]  # fmt: skip
PERSON_COLUMNS = [
    "id", "created_at", "updated_at", "public_id", "household_id", "area_code", "province_code", "nik", "name", "sex",
    "birth_date", "relationship", "education", "occupation", "disability",
]  # fmt: skip


def copy_text(value) -> str:
    """A value as a field of PostgreSQL's COPY text format (what psycopg's write_row writes for it)."""
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, str):
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return str(value)  # int, Decimal, date, aware datetime and UUID all print as PostgreSQL reads them


def _sqlite_value(value):
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, uuid.UUID):
        return value.hex  # Django keeps UUIDs as 32 hex characters outside PostgreSQL
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(" ")  # stored in UTC without an offset
    if isinstance(value, date | Decimal):
        return str(value)
    return value


def write_rows(table: str, columns: list[str], rows, *, using=None) -> int:
    """Append `rows` to `table`; returns how many. Runs inside the caller's transaction."""
    conn = connection if using is None else using
    quoted = ", ".join(conn.ops.quote_name(column) for column in columns)
    count = 0
    with conn.cursor() as cursor:
        if conn.vendor == "postgresql":
            sql = f"COPY {conn.ops.quote_name(table)} ({quoted}) FROM STDIN"
            # The raw psycopg cursor: wrap its errors so a unique violation is django.db.IntegrityError here too.
            # write_row converts in psycopg's C code (same text as copy_text gives), several times faster than Python.
            with conn.wrap_database_errors, cursor.cursor.copy(sql) as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
            return count
        marks = ", ".join(["%s"] * len(columns))
        sql = f"INSERT INTO {conn.ops.quote_name(table)} ({quoted}) VALUES ({marks})"
        batch = []
        raw = cursor  # Django's wrapper: a unique violation arrives as django.db.IntegrityError
        for row in rows:
            batch.append(tuple(map(_sqlite_value, row)))
            count += 1
            if len(batch) >= SQLITE_BATCH:
                raw.executemany(sql, batch)
                batch.clear()
        if batch:
            raw.executemany(sql, batch)
    return count


def next_id(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {connection.ops.quote_name(table)}")
        return cursor.fetchone()[0]


def sync_sequence(table: str) -> None:
    """After explicit ids, move PostgreSQL's identity sequence past them so normal inserts keep working."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence(%s, 'id'), "
            f"(SELECT COALESCE(MAX(id), 1) FROM {connection.ops.quote_name(table)}))",
            [table],
        )
