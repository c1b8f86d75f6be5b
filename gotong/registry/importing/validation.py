"""Checking rows and family cards before anything is written.

Row checks need only the row; family-card checks need all rows of one KK, the file's other KKs (duplicate NIK)
and the database (known villages, existing records, where the user may import and set welfare attributes).

A report tells the user no more than they may know: a NIK or KK number held by a record outside their view is
refused with the services' generic message, which does not say that it is registered.
"""

import operator
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from gotong.areas.models import Area, Level
from gotong.areas.services import neighbourhood_code
from gotong.core.area_codes import code_inside
from gotong.registry.importing.columns import HOUSEHOLD_OPTIONAL_COLUMNS, PARSERS, PLACE_COLUMNS
from gotong.registry.importing.result import ImportResult
from gotong.registry.importing.values import CellError, as_text
from gotong.registry.models import Household, Person
from gotong.registry.services import KK_REFUSED, NIK_REFUSED, duplicate_nik_message

LOOKUP_BATCH = 500


@dataclass(slots=True)
class RowData:
    number: int
    raw: dict[str, object]
    values: dict[str, object] = field(default_factory=dict)
    failed: bool = False

    def text(self, column: str) -> str:
        return as_text(self.raw.get(column))


@dataclass
class HouseholdGroup:
    """All rows of one family card, in file order."""

    key: str
    rows: list[RowData] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(row.failed for row in self.rows)


# Columns whose cells repeat: a few hundred distinct values over millions of rows, or the KK's number and address
# on each of its members' rows (a small cache: they repeat only on neighbouring rows). Birth dates fit a century of
# days. NIK and name are unique and not cached. Bounded, so memory stays flat in file size.
CACHE_SIZES = {"no_kk": 64, "alamat": 64, "tanggal_lahir": 40_000} | dict.fromkeys(
    ("jenis_kelamin", "hubungan_keluarga", "rt", "rw", "kode_wilayah", "pendidikan", "pekerjaan", "disabilitas",
     "desil", "penerima_pkh", "penerima_bpnt"),
    50_000,
)  # fmt: skip
_MISSING = object()


class RowParser:
    """Reads one file's rows into RowData, with its header's column positions looked up once.

    A text cell of a cached column is parsed once per distinct text (successes only; a parser's answer depends on
    nothing but the text during one import): most cells of a large file are then a dictionary look-up. Other cells
    (numbers, dates and booleans from a spreadsheet) are always parsed, so 1, 1.0 and True stay apart.
    """

    def __init__(self, positions: dict[str, int], cache_sizes: dict[str, int] = CACHE_SIZES):
        self.positions = positions
        self.columns = tuple(positions)
        indexes = tuple(positions.values())
        # Rows as long as the header take every cell in one C call (itemgetter of two or more indexes: a tuple).
        self.width = max(indexes) + 1 if len(indexes) > 1 else None
        self.cells_of = operator.itemgetter(*indexes) if len(indexes) > 1 else None
        self.steps = tuple(
            (column, PARSERS[column], column == "nik", {} if column in cache_sizes else None, cache_sizes.get(column))
            for column in self.columns
        )

    def __call__(self, number: int, cells: list, result: ImportResult) -> RowData:
        if self.width is not None and len(cells) >= self.width:
            raw = dict(zip(self.columns, self.cells_of(cells), strict=True))
        else:
            count = len(cells)
            raw = {column: cells[index] if index < count else None for column, index in self.positions.items()}
        row = RowData(number, raw)
        values = row.values
        for (column, parse, is_nik, cache, size), value in zip(self.steps, raw.values(), strict=True):
            parsed = cache.get(value, _MISSING) if cache is not None and type(value) is str else _MISSING
            if parsed is _MISSING:
                try:
                    parsed = parse(value)
                except CellError as error:
                    fail(result, row, column, str(error))
                    continue
                if cache is not None and type(value) is str:
                    if len(cache) >= size:
                        cache.clear()
                    cache[value] = parsed
            if is_nik:
                parsed, warnings = parsed
                for warning in warnings:
                    result.add(number, column, row.text(column), warning, warning=True)
            values[column] = parsed
        return row


def fail(result: ImportResult, row: RowData, column: str, reason: str) -> None:
    row.failed = True
    result.add(row.number, column, row.text(column), reason)


def in_scope(code: str, scope: list[str] | None) -> bool:
    return code_inside(code, scope)


# The household's welfare columns: filling one needs `registry.welfare` where the household lives.
WELFARE_COLUMNS = ("desil", "penerima_pkh", "penerima_bpnt")


class Lookups:
    """Database facts the checks need, fetched in batches rather than once per row.

    `scope`: the area codes where the user may import (None: everywhere, the console); `welfare_scope`: where they
    may set decile, PKH and BPNT; `viewer`: whose view bounds what a refusal may say (None: the console).
    """

    def __init__(self, niks, family_card_numbers, scope: list[str] | None, *, welfare_scope=None, viewer=None):
        self.scope = scope
        self.welfare_scope = welfare_scope
        self.viewer = viewer
        self.persons = _by_key(Person.objects.select_related("household"), "nik", niks)
        self.households = _by_key(Household.objects.select_related("area"), "family_card_number", family_card_numbers)
        self._villages: dict[str, Area | None] = {}

    def area(self, code: str) -> Area | None:
        if code not in self._villages:
            self._villages[code] = Area.objects.filter(code=code).first()
        return self._villages[code]


def _by_key(queryset, field_name: str, keys) -> dict:
    keys, found = list(keys), {}
    for start in range(0, len(keys), LOOKUP_BATCH):
        for record in queryset.filter(**{f"{field_name}__in": keys[start : start + LOOKUP_BATCH]}):
            found[getattr(record, field_name)] = record
    return found


def check_group(group: HouseholdGroup, lookups: Lookups, result: ImportResult) -> None:
    """Family-card rules: one place, one head, a known village inside the work area, no foreign NIK."""
    first = group.rows[0]
    _check_same_place(group, result)
    _check_one_head(group, result)
    if all(column in first.values for column in PLACE_COLUMNS):
        _check_place(first, lookups, result)
        _check_welfare(group, lookups, result)
    existing = lookups.households.get(group.key)
    if existing is not None and not in_scope(existing.area_code, lookups.scope):
        # Neither who holds the KK nor that it is registered at all: the record is outside the user's work area.
        fail(result, first, "no_kk", str(KK_REFUSED))
    if not lookups.persons:
        return  # no NIK of the file is registered yet (the usual large import)
    for row in group.rows:
        person = lookups.persons.get(row.values.get("nik"))
        if person is not None and person.household.family_card_number != group.key:
            if in_scope(person.area_code, lookups.scope):
                fail(result, row, "nik", duplicate_nik_message(person, lookups.viewer))
            else:
                fail(result, row, "nik", str(NIK_REFUSED))


def _check_welfare(group: HouseholdGroup, lookups: Lookups, result: ImportResult) -> None:
    if lookups.welfare_scope is None:
        return
    first = group.rows[0].values
    place = neighbourhood_code(first["kode_wilayah"], first["rw"], first["rt"])
    if in_scope(place, lookups.welfare_scope):
        return
    reason = _("Peran Anda tidak boleh mengisi desil, PKH atau BPNT; kosongkan kolom ini.")
    for row in group.rows:
        for column in WELFARE_COLUMNS:
            if row.text(column):
                fail(result, row, column, reason)


HOUSEHOLD_WIDE_COLUMNS = PLACE_COLUMNS + HOUSEHOLD_OPTIONAL_COLUMNS


def _check_same_place(group: HouseholdGroup, result: ImportResult) -> None:
    rows = group.rows
    if len(rows) == 1:
        return
    first = rows[0].raw
    others = [row.raw for row in rows[1:]]
    for column in HOUSEHOLD_WIDE_COLUMNS:
        cell = first.get(column)
        if type(cell) is str:
            for raw in others:
                if raw.get(column) != cell:
                    break
            else:
                continue  # the same text on every row (the usual case) reads the same everywhere
        optional = column in HOUSEHOLD_OPTIONAL_COLUMNS
        # Optional attributes may be filled on one row only; an empty cell does not contradict.
        filled = [row for row in rows if column in row.values and (not optional or row.text(column))]
        for row in filled[1:]:
            if row.values[column] != filled[0].values[column]:
                reason = _("Berbeda dengan baris %(row)d untuk KK yang sama.") % {"row": filled[0].number}
                fail(result, row, column, reason)


def _check_one_head(group: HouseholdGroup, result: ImportResult) -> None:
    heads = [row for row in group.rows if row.values.get("hubungan_keluarga") == "kepala"]
    unknown = any("hubungan_keluarga" not in row.values for row in group.rows)
    if not heads and not unknown:
        fail(result, group.rows[0], "hubungan_keluarga", _("KK ini tidak punya kepala keluarga."))
    for row in heads[1:]:
        reason = _("KK ini sudah punya kepala keluarga di baris %(row)d.") % {"row": heads[0].number}
        fail(result, row, "hubungan_keluarga", reason)


def _check_place(row: RowData, lookups: Lookups, result: ImportResult) -> None:
    code = row.values["kode_wilayah"]
    area = lookups.area(code)
    if area is None:
        fail(result, row, "kode_wilayah", _("Kode wilayah %(code)s tidak dikenal.") % {"code": code})
    elif area.level != Level.VILLAGE:
        reason = _("Kode wilayah %(code)s bukan kode kelurahan/desa.") % {"code": code}
        fail(result, row, "kode_wilayah", reason)
    elif not _unit_in_scope(code, row, lookups.scope):
        fail(result, row, "kode_wilayah", _("Wilayah di luar wilayah kerja Anda."))


def _unit_in_scope(village_code: str, row: RowData, scope: list[str] | None) -> bool:
    # No work-area limit (the console) is decided without building the RT's code.
    return scope is None or in_scope(neighbourhood_code(village_code, row.values["rw"], row.values["rt"]), scope)
