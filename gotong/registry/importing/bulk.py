"""The bulk household import: the same checks as `import_households`, written with COPY / batched inserts.

The fast path handles what large loads are: new family cards whose rows sit together in the file. It streams
the file (memory stays flat in file size), checks each family card with the normal import's own functions
(`RowParser`, `check_group`, `Lookups`, `_household_values`), and writes households and persons in batches of
family cards (COPY on PostgreSQL, staged `INSERT … SELECT` on SQLite: `bulk_rows`), all in one transaction, then
analyses the tables and refreshes the dashboards' tallies of the touched RTs in that transaction too.

Whenever the file needs more than that - any error, an update of existing records, a KK whose rows are split,
a NIK repeated in the file or already registered (the database's unique indexes notice), `--skip-invalid` or
`--dry-run` - everything written is rolled back and the normal import runs instead, so the user gets exactly its
report and behaviour. Bulk rows skip `save()`: no per-row audit entries (one log line records the load), area codes
are set here, and the dashboards' pre-aggregates are refreshed for the touched areas.
"""

import csv
import gc
import logging
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.areas.models import Area
from gotong.areas.services import ensure_neighbourhood_units
from gotong.core.db import analyze
from gotong.core.policy import may_somewhere
from gotong.registry.importing.apply import _household_values  # the normal import's own merging
from gotong.registry.importing.bulk_rows import rows_for_database
from gotong.registry.importing.columns import map_header
from gotong.registry.importing.readers import TableError, open_table
from gotong.registry.importing.result import ImportResult
from gotong.registry.importing.service import import_households, import_scopes
from gotong.registry.importing.validation import HouseholdGroup, Lookups, RowData, RowParser, check_group
from gotong.registry.importing.values import as_text
from gotong.registry.nik import check_nik, compose_nik

logger = logging.getLogger(__name__)

BATCH_GROUPS = 2000


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
    if acting_user is not None and not may_somewhere(acting_user, "registry.import"):
        raise PermissionDenied(_("Peran Anda tidak boleh mengimpor data KK."))
    normal = {"filename": filename, "acting_user": acting_user, "dry_run": dry_run, "skip_invalid": skip_invalid}
    if dry_run or skip_invalid:
        return BulkOutcome(False, import_households(source, **normal))
    result = ImportResult(filename=filename)
    try:
        with transaction.atomic(), _without_cycle_collection():
            _load(source, filename, acting_user, result)
    except (NeedsNormalImport, DatabaseError, TableError, csv.Error):
        return BulkOutcome(False, import_households(source, **normal))
    result.saved = True
    logger.info(
        "Bulk household import: %d rows, %d households, %d persons, %d warnings",
        result.rows_read,
        result.households_created,
        result.persons_created,
        len(result.warnings),
    )
    return BulkOutcome(True, result)


@contextmanager
def _without_cycle_collection():
    """Pause Python's cyclic garbage collector while the file streams through.

    The rows hold no reference cycles and are freed by reference counting as soon as their batch is written; the
    collector would only walk every batch's objects again and again (a tenth of the import's time).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load(source, filename: str, acting_user, result: ImportResult) -> None:
    writer = _Writer(import_scopes(acting_user), result)
    try:
        _stream(source, filename, result, writer)
        writer.finish()
    finally:
        writer.rows.close()  # before the transaction ends, also when it is rolled back


def _stream(source, filename: str, result: ImportResult, writer: "_Writer") -> None:
    with open_table(source, filename) as table:
        header = map_header(table.header)
        if header.missing or header.duplicated:
            raise NeedsNormalImport
        result.unknown_columns = header.unknown
        parse_row = RowParser(header.positions)
        group: HouseholdGroup | None = None
        batch: list[HouseholdGroup] = []
        for number, cells in table.rows:
            if _blank(cells):
                continue
            result.rows_read += 1
            row = parse_row(number, cells, result)
            if row.failed:
                raise NeedsNormalImport
            key = row.values["no_kk"]
            if group is None or group.key != key:
                group = HouseholdGroup(key)
                batch.append(group)
                if len(batch) > BATCH_GROUPS:
                    writer.write(batch[:-1])
                    batch = batch[-1:]
            group.rows.append(row)
        writer.write(batch)


def _blank(cells: list) -> bool:
    """No cell holds anything (blank lines between blocks, Excel's formatted-but-empty rows)."""
    first = cells[0] if cells else None
    if type(first) is str and first.strip():
        return False  # the usual row, decided by its first cell
    return not any(as_text(cell) for cell in cells)


class _NewRecords(Lookups):
    """The look-ups of `check_group` for rows the fast path writes: no NIK and no KK registered yet.

    Nothing is asked of the database for them: a NIK or KK that is already registered, or that the file repeats
    (a split family card included), breaks a unique index when the rows are written, and the normal import takes
    over - which is what finding it beforehand would have led to anyway.
    """

    def __init__(self, scopes: dict, villages: dict):
        self.scope, self.welfare_scope, self.viewer = scopes["scope"], scopes["welfare_scope"], scopes["viewer"]
        self.persons, self.households = {}, {}
        self._villages = villages

    def fetch_villages(self, codes: set) -> None:
        """The areas `area()` will be asked for, in one query instead of one per code (unknown codes: None)."""
        codes = {code for code in codes if code is not None and code not in self._villages}
        if codes:
            found = {area.code: area for area in Area.objects.filter(code__in=codes)}
            self._villages.update({code: found.get(code) for code in codes})


class _Writer:
    def __init__(self, scopes: dict, result: ImportResult):
        self.scopes, self.result = scopes, result
        self.units: dict[tuple[str, int, int], tuple[int, str]] = {}  # (village, RW, RT) → (RT id, RT code)
        self.villages: dict = {}  # village code → Area, shared by every batch's look-ups
        self.touched: set[str] = set()
        self.rows = rows_for_database(timezone.now())
        # The services' warnings about a person, added after the file's own (the normal import's order).
        self.person_warnings: list[tuple[int, str, str]] = []

    def write(self, groups: list[HouseholdGroup]) -> None:
        if not groups:
            return
        self.rows.wait()  # the previous batch, stored while this one was read
        lookups = _NewRecords(self.scopes, self.villages)
        lookups.fetch_villages({group.rows[0].values.get("kode_wilayah") for group in groups})
        for group in groups:
            check_group(group, lookups, self.result)
            if group.failed:
                raise NeedsNormalImport
        places = [_place(group) for group in groups]
        missing = set(places) - self.units.keys()
        if missing:  # the batch's RT units, created together (checked above: known villages in the work area)
            self.units.update(ensure_neighbourhood_units(missing))
        rows, households, persons = self.rows, [], []
        for group, place, household_id in zip(groups, places, new_ids("registry_household", len(groups)), strict=True):
            area_id, code = self.units[place]
            households.append(rows.household(household_id, group.key, _household_values(group), area_id, code))
            disagree = []
            for row in group.rows:
                values = row.values
                persons.append(rows.person(household_id, code, values))
                if values["nik"][6:12] != _nik_date_part(values["tanggal_lahir"], values["jenis_kelamin"]):
                    disagree.append(row)  # the usual row agrees with its NIK: nothing else to look at
            if disagree:
                self._person_warnings(disagree)
        self.touched.update(code for _area_id, code in map(self.units.__getitem__, set(places)))
        rows.write(households, persons)
        self.result.households_created += len(households)
        self.result.persons_created += len(persons)

    def _person_warnings(self, rows: list[RowData]) -> None:
        # The normal import saves a family card's members before its head (apply_household).
        for row in sorted(rows, key=lambda r: r.values["hubungan_keluarga"] == "kepala"):
            values = row.values
            for warning in _nik_consistency_warnings(values["nik"], values["tanggal_lahir"], values["jenis_kelamin"]):
                self.person_warnings.append((row.number, row.text("nik"), warning))

    def finish(self) -> None:
        self.rows.wait()
        for number, nik, warning in self.person_warnings:
            self.result.add(number, "nik", nik, warning, warning=True)
        # Inside the import's transaction: the tallies' queries plan with the new rows counted, and no commit of
        # its own (ANALYZE outside a transaction is one more WAL flush).
        analyze("registry_household", "registry_person")
        refresh_aggregates(self.touched)


def _place(group: HouseholdGroup) -> tuple[str, int, int]:
    first = group.rows[0].values
    return first["kode_wilayah"], first["rw"], first["rt"]


def _nik_date_part(birth_date, sex: str) -> str:
    """The DDMMYY a NIK holds for this birth date and sex (day + 40 for women). Not cached: a century of days
    would hold 10 MB for a saving of 0.3 s in 320,000 rows."""
    return compose_nik("00.00.00", birth_date, sex, 1)[6:12]


def _nik_consistency_warnings(nik: str, birth_date, sex: str) -> list[str]:
    """The warnings `registry.services.validate_person_nik` adds when NIK and row disagree (same messages)."""
    check = check_nik(nik)
    warnings = []
    if birth_date and check.birth_date and birth_date.isoformat()[2:] != check.birth_date[2:]:
        warnings.append(_("Tanggal lahir tidak sama dengan tanggal di NIK."))
    if sex and check.sex and sex != check.sex:
        warnings.append(_("Jenis kelamin tidak sama dengan kode di NIK (tanggal +40 untuk perempuan)."))
    return warnings


def refresh_aggregates(area_codes) -> None:
    """Keep the dashboards' pre-aggregates and the posyandu tallies (S counts the area's under-fives) exact after
    rows that skipped `save()` (and so its signals)."""
    from gotong.dashboards.aggregates import refresh_areas
    from gotong.posyandu.tallies import refresh_homes

    refresh_areas(area_codes)
    refresh_homes(area_codes)


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
