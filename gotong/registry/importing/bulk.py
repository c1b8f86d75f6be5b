"""The bulk household import: the same checks as `import_households`, written with COPY / batched inserts.

The fast path handles what large loads are: new family cards whose rows sit together in the file. It streams
the file (memory stays flat in file size), checks each family card with the normal import's own functions
(`parse_row`, `check_group`, `Lookups`), and writes households and persons in batches straight to the tables
(COPY on PostgreSQL, executemany on SQLite), all in one transaction.

Whenever the file needs more than that - any error, an update of existing records, a KK whose rows are split,
a NIK repeated in the file (the database's unique index notices), `--skip-invalid` or `--dry-run` - everything
written is rolled back and the normal import runs instead, so the user gets exactly its report and behaviour.
Bulk rows skip `save()`: no per-row audit entries (one log line records the load), area codes are set here, and
the dashboards' pre-aggregates are refreshed for the touched areas.
"""

import csv
import logging
import random
import uuid
from dataclasses import dataclass
from functools import lru_cache

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.areas.services import ensure_neighbourhood_units
from gotong.core.db import analyze
from gotong.core.scoping import visible_area_codes
from gotong.registry.importing.apply import _household_values  # the normal import's own merging
from gotong.registry.importing.columns import PARSERS, map_header
from gotong.registry.importing.readers import TableError, open_table
from gotong.registry.importing.result import ImportResult
from gotong.registry.importing.service import import_households
from gotong.registry.importing.validation import HouseholdGroup, Lookups, check_group, parse_row
from gotong.registry.importing.values import as_text
from gotong.registry.models import Household, Person
from gotong.registry.nik import check_nik, compose_nik

logger = logging.getLogger(__name__)

BATCH_GROUPS = 2000
HOUSEHOLD_COLUMNS = [
    "id", "created_at", "updated_at", "public_id", "family_card_number", "address", "area_id", "area_code",
    "welfare_decile", "pkh_recipient", "bpnt_recipient", "consent_given_on",
]  # fmt: skip
PERSON_COLUMNS = [
    "id", "created_at", "updated_at", "public_id", "household_id", "area_code", "nik", "name", "sex", "birth_date",
    "relationship", "education", "occupation", "disability",
]  # fmt: skip


# Columns whose values repeat: few distinct values over millions of rows, or the KK's number and address on each
# of its members' rows. Each value is parsed once (successes only: lru_cache keeps no exceptions, and an error goes
# to the normal import anyway); typed, so 1, 1.0 and True from a spreadsheet stay apart. NIK and name are unique.
CACHED_COLUMNS = ("no_kk", "alamat", "jenis_kelamin", "tanggal_lahir", "hubungan_keluarga", "rt", "rw",
                  "kode_wilayah", "pendidikan", "pekerjaan", "disabilitas", "desil", "penerima_pkh",
                  "penerima_bpnt")  # fmt: skip
# Values per existence query on SQLite, whose default limit on bound parameters is 999.
EXISTENCE_BATCH = 900


def _cached_parsers() -> dict:
    parsers = dict(PARSERS)
    for column in CACHED_COLUMNS:
        # KK number and address repeat only on neighbouring rows, birth dates rarely (36,500 days a century): small
        # caches keep memory flat in file size. The other columns hold a few hundred distinct values at most.
        size = 64 if column in ("no_kk", "alamat") else 4096 if column == "tanggal_lahir" else 50_000
        parsers[column] = lru_cache(maxsize=size, typed=True)(PARSERS[column])
    return parsers


class NeedsNormalImport(Exception):  # noqa: N818 (a signal, not an error)
    """The file needs the normal import: roll back and hand over."""


@dataclass
class BulkOutcome:
    fast: bool  # False when the normal import did the work
    result: ImportResult


def bulk_import_households(
    source, *, filename: str, acting_user=None, dry_run: bool = False, skip_invalid: bool = False
) -> ImportResult:
    """Like `import_households`, faster for large clean files of new family cards; same result otherwise."""
    return bulk_import(
        source, filename=filename, acting_user=acting_user, dry_run=dry_run, skip_invalid=skip_invalid
    ).result


def bulk_import(source, *, filename: str, acting_user=None, dry_run=False, skip_invalid=False) -> BulkOutcome:
    normal = {"filename": filename, "acting_user": acting_user, "dry_run": dry_run, "skip_invalid": skip_invalid}
    if dry_run or skip_invalid:
        return BulkOutcome(False, import_households(source, **normal))
    result = ImportResult(filename=filename)
    try:
        with transaction.atomic():
            _load(source, filename, acting_user, result)
    except (NeedsNormalImport, IntegrityError, TableError, csv.Error):
        return BulkOutcome(False, import_households(source, **normal))
    result.saved = True
    analyze("registry_household", "registry_person")
    logger.info(
        "Bulk household import: %d rows, %d households, %d persons, %d warnings",
        result.rows_read,
        result.households_created,
        result.persons_created,
        len(result.warnings),
    )
    return BulkOutcome(True, result)


def _load(source, filename: str, acting_user, result: ImportResult) -> None:
    scope = None if acting_user is None else visible_area_codes(acting_user)
    writer = _Writer(scope)
    with open_table(source, filename) as table:
        header = map_header(table.header)
        if header.missing or header.duplicated:
            raise NeedsNormalImport
        result.unknown_columns = header.unknown
        group: HouseholdGroup | None = None
        batch: list[HouseholdGroup] = []
        parsers = _cached_parsers()
        for number, cells in table.rows:
            if not any(as_text(cell) for cell in cells):
                continue
            result.rows_read += 1
            row = parse_row(number, cells, header.positions, result, parsers)
            if row.failed:
                raise NeedsNormalImport
            key = row.values["no_kk"]
            if group is None or group.key != key:
                group = HouseholdGroup(key)
                batch.append(group)
                if len(batch) > BATCH_GROUPS:
                    writer.write(batch[:-1], result)
                    batch = batch[-1:]
            group.rows.append(row)
        writer.write(batch, result)
    writer.finish()


class _NewRecords(Lookups):
    """The look-ups of `check_group` for a batch the fast path can write: no NIK and no KK already registered.

    Whether any of them exists is all the fast path needs (one light query per batch, no records built): a known
    NIK or KK means an update or a clash, which is the normal import's job, so it takes over.
    """

    def __init__(self, niks, family_card_numbers, scope, villages: dict):
        self.scope = scope
        self.persons, self.households = {}, {}
        self._villages = villages
        if _any_exists(Person, "nik", niks) or _any_exists(Household, "family_card_number", family_card_numbers):
            raise NeedsNormalImport


def _any_exists(model, field_name: str, keys: list) -> bool:
    table, column = connection.ops.quote_name(model._meta.db_table), connection.ops.quote_name(field_name)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # one array parameter: no SQL text with thousands of placeholders
            cursor.execute(f"SELECT 1 FROM {table} WHERE {column} = ANY(%s) LIMIT 1", [list(keys)])
            return cursor.fetchone() is not None
        for start in range(0, len(keys), EXISTENCE_BATCH):
            chunk = keys[start : start + EXISTENCE_BATCH]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"SELECT 1 FROM {table} WHERE {column} IN ({marks}) LIMIT 1", chunk)
            if cursor.fetchone() is not None:
                return True
    return False


class _Writer:
    def __init__(self, scope):
        self.scope = scope
        self.units: dict[tuple[str, int, int], tuple[int, str]] = {}  # (village, RW, RT) → (RT id, RT code)
        self.villages: dict = {}  # village code → Area, shared by every batch's look-ups
        self.touched: set[str] = set()
        self.now = timezone.now()
        self.ids = random.Random()

    def write(self, groups: list[HouseholdGroup], result: ImportResult) -> None:
        if not groups:
            return
        niks = [row.values["nik"] for group in groups for row in group.rows]
        lookups = _NewRecords(niks, [group.key for group in groups], self.scope, self.villages)
        for group in groups:
            check_group(group, lookups, result)
            if group.failed:
                raise NeedsNormalImport
        self._ensure_units(groups)
        households, persons = [], []
        household_ids = new_ids("registry_household", len(groups))
        person_ids = iter(new_ids("registry_person", len(niks)))
        for group, household_id in zip(groups, household_ids, strict=True):
            households.append(self._household(group, household_id))
            code = households[-1][7]
            for row in group.rows:
                persons.append(self._person(row, household_id, code, next(person_ids), result))
        result.households_created += _write_rows("registry_household", HOUSEHOLD_COLUMNS, households)
        result.persons_created += _write_rows("registry_person", PERSON_COLUMNS, persons)

    def _ensure_units(self, groups: list[HouseholdGroup]) -> None:
        """The batch's RT units, created together where missing (checked above: known villages in the work area)."""
        missing = {_place(group) for group in groups} - self.units.keys()
        if missing:
            self.units.update(ensure_neighbourhood_units(missing))

    def _household(self, group: HouseholdGroup, household_id: int) -> tuple:
        area_id, code = self.units[_place(group)]
        self.touched.add(code)
        wanted = _household_values(group)
        return (
            household_id, self.now, self.now, uuid.UUID(int=self.ids.getrandbits(128), version=4), group.key,
            wanted["address"], area_id, code, wanted.get("welfare_decile"), wanted.get("pkh_recipient", False),
            wanted.get("bpnt_recipient", False), None,
        )  # fmt: skip

    def _person(self, row, household_id: int, code: str, person_id: int, result: ImportResult) -> tuple:
        values = row.values
        for warning in _nik_consistency_warnings(values["nik"], values["tanggal_lahir"], values["jenis_kelamin"]):
            result.add(row.number, "nik", row.text("nik"), warning, warning=True)
        return (
            person_id, self.now, self.now, uuid.UUID(int=self.ids.getrandbits(128), version=4), household_id, code,
            values["nik"], values["nama"], values["jenis_kelamin"], values["tanggal_lahir"],
            values["hubungan_keluarga"], values.get("pendidikan", ""), values.get("pekerjaan", ""),
            values.get("disabilitas") or "tidak",
        )  # fmt: skip

    def finish(self) -> None:
        refresh_aggregates(self.touched)


def _place(group: HouseholdGroup) -> tuple[str, int, int]:
    first = group.rows[0].values
    return first["kode_wilayah"], first["rw"], first["rt"]


def _nik_consistency_warnings(nik: str, birth_date, sex: str) -> list[str]:
    """The warnings `registry.services.validate_person_nik` adds when NIK and row disagree (same messages)."""
    district = f"{nik[:2]}.{nik[2:4]}.{nik[4:6]}"
    if birth_date and sex and compose_nik(district, birth_date, sex, int(nik[12:])) == nik:
        return []  # the usual case, decided without parsing the NIK again
    check = check_nik(nik)
    warnings = []
    if birth_date and check.birth_date and birth_date.isoformat()[2:] != check.birth_date[2:]:
        warnings.append(_("Tanggal lahir tidak sama dengan tanggal di NIK."))
    if sex and check.sex and sex != check.sex:
        warnings.append(_("Jenis kelamin tidak sama dengan kode di NIK (tanggal +40 untuk perempuan)."))
    return warnings


def refresh_aggregates(area_codes) -> None:
    """Keep the dashboards' pre-aggregates exact after rows that skipped `save()` (and so its signals)."""
    from gotong.dashboards.aggregates import refresh_areas

    refresh_areas(area_codes)


def new_ids(table: str, count: int) -> list[int]:
    """Ids for `count` new rows: from the sequence on PostgreSQL (safe next to other writers), else after the max."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One row holding an array: fetching thousands of one-number rows cost more than drawing the numbers.
            cursor.execute(
                "SELECT array_agg(nextval(pg_get_serial_sequence(%s, 'id'))) FROM generate_series(1, %s)",
                [table, count],
            )
            return cursor.fetchone()[0] or []
        # SQLite: the import's transaction holds the write lock, so nobody else takes these ids meanwhile.
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {connection.ops.quote_name(table)}")
        start = cursor.fetchone()[0] + 1
        return list(range(start, start + count))


def _write_rows(table: str, columns: list[str], rows: list[tuple]) -> int:
    from gotong.registry.importing.sink import write_rows

    return write_rows(table, columns, rows)
