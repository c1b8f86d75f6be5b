"""The bulk import's rows in the form each database takes fastest, and their storing.

PostgreSQL: COPY straight into the tables; each row is one line of COPY text built by `str.join` (psycopg's
`write_row` converting the values one by one cost three times as much). The COPYs are sent by a helper thread on the
import's own connection (one connection, one transaction; psycopg lets one thread at a time use it), so the server
stores one batch while Python reads the next; the helper only waits on the socket, holding no Python lock. At most
one batch is in flight: `wait()` comes before the next batch's queries.

SQLite: `executemany` into index-less TEMP tables, then `INSERT … SELECT` - SQLite keeps its cursors on the
registry's indexes open over a whole statement, where an `executemany` straight into the table opens them again for
every row (80,000 persons: 0.56 s instead of 0.95 s). In the import's own thread: a helper thread for the
`INSERT … SELECT` made no run faster (80,000 rows, busy machine: 6.35/6.67/5.65 s without, 6.75/6.63/6.11 s with)
and cost 7 % more CPU.

Persons get their ids from the table (identity / autoincrement): nothing refers to them.
"""

import random
from concurrent.futures import Future, ThreadPoolExecutor

from django.db import connection

from gotong.registry.importing.sink import copy_text

STAMPS = ["created_at", "updated_at"]  # the same moment for every row of one import
# province_code: the area code's first two digits, what `ProvinceCodeField` would derive on save().
HOUSEHOLD_VALUES = [
    "id", "public_id", "family_card_number", "address", "area_id", "area_code", "province_code", "welfare_decile",
    "pkh_recipient", "bpnt_recipient",
]  # fmt: skip
PERSON_VALUES = [
    "public_id", "household_id", "area_code", "province_code", "nik", "name", "sex", "birth_date", "relationship",
    "education", "occupation", "disability",
]  # fmt: skip
TABLES = (("registry_household", HOUSEHOLD_VALUES), ("registry_person", PERSON_VALUES))
# A random 128-bit number made a version 4 UUID: version nibble 4, variant bits 10.
_UUID_KEEP = ~((0xF000 << 64) | (0xC000 << 48)) & ((1 << 128) - 1)
_UUID_SET = (0x4000 << 64) | (0x8000 << 48)


class Rows:
    """Row builders and writers for the current database; `now` stamps created_at and updated_at.

    `write()` a batch, `wait()` before anything that reads what was written, `close()` at the end, also when the
    import fails.
    """

    def __init__(self, now):
        self.now = str(connection.ops.adapt_datetimefield_value(now))
        self._bits = random.Random().getrandbits
        connection.ensure_connection()

    def public_id(self) -> str:
        # 32 hex digits: what Django stores on SQLite, and a form of uuid that PostgreSQL reads.
        return f"{self._bits(128) & _UUID_KEEP | _UUID_SET:032x}"

    def write(self, households: list, persons: list) -> None:
        """Store a batch."""
        if households:
            with connection.wrap_database_errors:
                self._store(households, persons)(connection.connection)

    def wait(self) -> None:
        """Every batch written so far is stored; one that failed raises here, as Django's own error."""

    def close(self) -> None:
        pass


class PostgresRows(Rows):
    def __init__(self, now):
        super().__init__(now)
        self._helper = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bulk-import")
        self._stored: list[Future] = []

    def write(self, households: list, persons: list) -> None:
        """Store a batch: prepared here, sent by the helper thread."""
        if households:
            self._stored.append(self._helper.submit(self._store(households, persons), connection.connection))

    def wait(self) -> None:
        stored, self._stored = self._stored, []
        with connection.wrap_database_errors:
            for batch in stored:
                batch.result()

    def close(self) -> None:
        self._helper.shutdown(wait=True)

    def household(self, household_id: int, family_card_number: str, wanted: dict, area_id: int, code: str) -> str:
        # Few (one per family card), and one may be NULL: every field through copy_text.
        return f"{self.now}\t{self.now}\t" + "\t".join(map(copy_text, (
            household_id, self.public_id(), family_card_number, wanted["address"], area_id, code, code[:2],
            wanted.get("welfare_decile"), wanted.get("pkh_recipient", False), wanted.get("bpnt_recipient", False),
        )))  # fmt: skip

    def person(self, household_id: int, code: str, values: dict) -> str:
        return self._line((
            self.public_id(), str(household_id), code, code[:2], values["nik"], values["nama"], values["jenis_kelamin"],
            values["tanggal_lahir"].isoformat(), values["hubungan_keluarga"], values.get("pendidikan", ""),
            values.get("pekerjaan", ""), values.get("disabilitas") or "tidak",
        ))  # fmt: skip

    def _line(self, fields: tuple) -> str:
        line = "\t".join(fields)
        if "\\" in line:
            # Only addresses, names and occupations hold free text, and their whitespace is already one plain space
            # each: a backslash is all COPY could misread, and the rare line holding one is escaped field by field.
            line = "\t".join(map(copy_text, fields))
        return f"{self.now}\t{self.now}\t{line}"

    def _store(self, households: list[str], persons: list[str]):
        texts = ["\n".join(households) + "\n", "\n".join(persons) + "\n" if persons else ""]

        def store(raw_connection) -> None:
            for (table, columns), text in zip(TABLES, texts, strict=True):
                if text:
                    sql = f"COPY {table} ({', '.join(STAMPS + columns)}) FROM STDIN"
                    with raw_connection.cursor() as cursor, cursor.copy(sql) as copy:
                        copy.write(text)

        return store


class SqliteRows(Rows):
    def household(self, household_id: int, family_card_number: str, wanted: dict, area_id: int, code: str) -> tuple:
        return (
            household_id, self.public_id(), family_card_number, wanted["address"], area_id, code, code[:2],
            wanted.get("welfare_decile"), wanted.get("pkh_recipient", False), wanted.get("bpnt_recipient", False),
        )  # fmt: skip

    def person(self, household_id: int, code: str, values: dict) -> tuple:
        return (
            self.public_id(), household_id, code, code[:2], values["nik"], values["nama"], values["jenis_kelamin"],
            values["tanggal_lahir"].isoformat(), values["hubungan_keluarga"], values.get("pendidikan", ""),
            values.get("pekerjaan", ""), values.get("disabilitas") or "tidak",
        )  # fmt: skip

    def _store(self, households: list[tuple], persons: list[tuple]):
        def store(raw_connection) -> None:
            for (table, columns), rows in zip(TABLES, (households, persons), strict=True):
                names, stage = ", ".join(columns), f"temp.bulk_{table}"
                # Rolled back with the import when it hands over to the normal import; emptied after every batch.
                raw_connection.execute(f"CREATE TEMP TABLE IF NOT EXISTS bulk_{table} ({names})")
                raw_connection.executemany(f"INSERT INTO {stage} VALUES ({', '.join('?' * len(columns))})", rows)
                raw_connection.execute(
                    f"INSERT INTO {table} ({', '.join(STAMPS)}, {names}) SELECT ?, ?, {names} FROM {stage}",
                    [self.now, self.now],
                )
                raw_connection.execute(f"DELETE FROM {stage}")

        return store


def rows_for_database(now) -> Rows:
    return PostgresRows(now) if connection.vendor == "postgresql" else SqliteRows(now)
