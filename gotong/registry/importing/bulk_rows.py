"""The bulk import's rows in the form each database takes fastest, and their writing.

PostgreSQL: COPY straight into the tables; each person is one line of COPY text built by `str.join` (psycopg's
`write_row` converting the values one by one cost three times as much). SQLite: `executemany` into an index-less
TEMP table, then one `INSERT … SELECT` per batch - SQLite keeps its cursors on the registry's indexes open over a
whole statement, where an `executemany` straight into the table opens them again for every row (80,000 persons:
0.56 s instead of 0.95 s). Persons get their ids from the table (identity / autoincrement): nothing refers to them.
"""

import random
from concurrent.futures import Future, ThreadPoolExecutor

from django.db import connection

from gotong.registry.importing.sink import _pg_text

STAMPS = ["created_at", "updated_at"]  # the same moment for every row of one import
HOUSEHOLD_VALUES = [
    "id", "public_id", "family_card_number", "address", "area_id", "area_code", "welfare_decile", "pkh_recipient",
    "bpnt_recipient",
]  # fmt: skip
PERSON_VALUES = [
    "public_id", "household_id", "area_code", "nik", "name", "sex", "birth_date", "relationship", "education",
    "occupation", "disability",
]  # fmt: skip
# A random 128-bit number made a version 4 UUID: version nibble 4, variant bits 10.
_UUID_KEEP = ~((0xF000 << 64) | (0xC000 << 48)) & ((1 << 128) - 1)
_UUID_SET = (0x4000 << 64) | (0x8000 << 48)


class Rows:
    """Row builders and writers for the current database; `now` stamps created_at and updated_at.

    `wait()` before anything that reads what was written, `close()` at the end, also when the import fails.
    """

    def __init__(self, now):
        self.now = str(connection.ops.adapt_datetimefield_value(now))
        self._bits = random.Random().getrandbits

    def public_id(self) -> str:
        # 32 hex digits: what Django stores on SQLite, and a form of uuid that PostgreSQL reads.
        return f"{self._bits(128) & _UUID_KEEP | _UUID_SET:032x}"

    def household(self, household_id: int, family_card_number: str, wanted: dict, area_id: int, code: str) -> tuple:
        return (
            household_id, self.public_id(), family_card_number, wanted["address"], area_id, code,
            wanted.get("welfare_decile"), wanted.get("pkh_recipient", False), wanted.get("bpnt_recipient", False),
        )  # fmt: skip

    def wait(self) -> None:
        pass  # written at once (SQLite)

    def close(self) -> None:
        pass


class PostgresRows(Rows):
    """COPY straight into the tables, sent by a helper thread on the import's own connection (psycopg lets one
    thread at a time use it): the server stores one batch while Python reads the next. At most one batch is in
    flight: `wait()` comes before the next batch's queries."""

    def __init__(self, now):
        super().__init__(now)
        self.line_start = f"{self.now}\t{self.now}\t"
        connection.ensure_connection()
        self._sender = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bulk-import-copy")
        self._sending: list[Future] = []

    def person(self, household_id: int, code: str, values: dict) -> str:
        fields = (
            self.public_id(), str(household_id), code, values["nik"], values["nama"], values["jenis_kelamin"],
            values["tanggal_lahir"].isoformat(), values["hubungan_keluarga"], values.get("pendidikan", ""),
            values.get("pekerjaan", ""), values.get("disabilitas") or "tidak",
        )  # fmt: skip
        line = "\t".join(fields)
        # Only names and occupations hold free text, and their whitespace is already one plain space each: a
        # backslash is all COPY could misread, and the rare line holding one is escaped field by field.
        return self.line_start + ("\t".join(map(_pg_text, fields)) if "\\" in line else line)

    def write_households(self, rows: list[tuple]) -> int:
        stamps = (self.now, self.now)
        self._send("registry_household", STAMPS + HOUSEHOLD_VALUES, [stamps + row for row in rows])
        return len(rows)

    def write_persons(self, lines: list[str]) -> int:
        if lines:
            self._send("registry_person", STAMPS + PERSON_VALUES, "\n".join(lines) + "\n")
        return len(lines)

    def _send(self, table: str, columns: list[str], data) -> None:
        sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        self._sending.append(self._sender.submit(_copy, connection.connection, sql, data))

    def wait(self) -> None:
        """Every row sent so far is stored; a COPY that failed raises here, as Django's own error."""
        sending, self._sending = self._sending, []
        with connection.wrap_database_errors:
            for future in sending:
                future.result()

    def close(self) -> None:
        self._sender.shutdown(wait=True)


def _copy(raw_connection, sql: str, data) -> None:
    with raw_connection.cursor() as cursor, cursor.copy(sql) as copy:
        if isinstance(data, str):
            copy.write(data)  # persons: ready COPY text
        else:
            for row in data:  # households: few, converted by psycopg
                copy.write_row(row)


class SqliteRows(Rows):
    def person(self, household_id: int, code: str, values: dict) -> tuple:
        return (
            self.public_id(), household_id, code, values["nik"], values["nama"], values["jenis_kelamin"],
            values["tanggal_lahir"].isoformat(), values["hubungan_keluarga"], values.get("pendidikan", ""),
            values.get("pekerjaan", ""), values.get("disabilitas") or "tidak",
        )  # fmt: skip

    def write_households(self, rows: list[tuple]) -> int:
        return self._through_stage("registry_household", HOUSEHOLD_VALUES, rows)

    def write_persons(self, rows: list[tuple]) -> int:
        return self._through_stage("registry_person", PERSON_VALUES, rows)

    def _through_stage(self, table: str, columns: list[str], rows: list[tuple]) -> int:
        if not rows:
            return 0
        stage, names = f"temp.bulk_{table}", ", ".join(columns)
        with connection.cursor() as cursor, connection.wrap_database_errors:
            # Rolled back with the import when it hands over to the normal import; emptied after every batch.
            cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS bulk_{table} ({names})")
            cursor.cursor.executemany(f"INSERT INTO {stage} VALUES ({', '.join('?' * len(columns))})", rows)
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(STAMPS)}, {names}) SELECT %s, %s, {names} FROM {stage}",
                [self.now, self.now],
            )
            cursor.execute(f"DELETE FROM {stage}")
        return len(rows)


def rows_for_database(now) -> Rows:
    return PostgresRows(now) if connection.vendor == "postgresql" else SqliteRows(now)
