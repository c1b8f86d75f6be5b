"""The household import: one function for the command and the upload page alike."""

import csv
import logging

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from gotong.areas.access import reach_codes
from gotong.core.policy import may_somewhere
from gotong.registry.importing.apply import RowFailure, apply_household
from gotong.registry.importing.columns import map_header
from gotong.registry.importing.readers import Table, TableError, open_table
from gotong.registry.importing.result import ImportResult
from gotong.registry.importing.validation import HouseholdGroup, Lookups, RowParser, check_group, fail
from gotong.registry.importing.values import as_text

logger = logging.getLogger(__name__)


def import_households(
    source,
    *,
    filename: str,
    acting_user=None,
    dry_run: bool = False,
    skip_invalid: bool = False,
) -> ImportResult:
    """Import households and members from a CSV/XLSX path or file.

    All or nothing by default: one bad row and nothing is written. With `skip_invalid`, every family card whose
    rows are all good is written and the others are skipped whole. `dry_run` checks everything, including the
    services' own validation, inside a transaction that is rolled back. Without `acting_user` (the console)
    there is no work-area limit; with one, the user needs `registry.import` and rows outside where it reaches are
    refused (as are welfare columns where `registry.welfare` does not reach).
    """
    if acting_user is not None and not may_somewhere(acting_user, "registry.import"):
        raise PermissionDenied(_("Peran Anda tidak boleh mengimpor data KK."))
    result = ImportResult(filename=filename, dry_run=dry_run, skip_invalid=skip_invalid)
    try:
        with open_table(source, filename) as table:
            groups, niks = _read(table, result)
    except TableError as error:
        result.add(1, "", "", str(error))
        return result
    if groups is None:
        return result
    lookups = Lookups(niks, [key for key in groups if not key.startswith("#")], **import_scopes(acting_user))
    with transaction.atomic():
        for group in groups.values():
            check_group(group, lookups, result)
            _write(group, lookups, acting_user, result)
        result.saved = not dry_run and (skip_invalid or result.ok)
        if not result.saved:
            transaction.set_rollback(True)
    logger.info(
        "Household import: %d rows, %d errors, %d warnings, saved=%s",
        result.rows_read,
        len(result.errors),
        len(result.warnings),
        result.saved,
    )
    return result


def import_scopes(acting_user) -> dict:
    """Where the user may import and set welfare attributes, and whose view bounds the report (None: console)."""
    if acting_user is None:
        return {"scope": None, "welfare_scope": None, "viewer": None}
    return {
        "scope": reach_codes(acting_user, "registry.import"),
        "welfare_scope": reach_codes(acting_user, "registry.welfare"),
        "viewer": acting_user,
    }


def _read(table: Table, result: ImportResult) -> tuple[dict[str, HouseholdGroup] | None, dict[str, int]]:
    """Stream the rows into family-card groups; None when the header is unusable."""
    header = map_header(table.header)
    result.unknown_columns = header.unknown
    for column in header.missing:
        result.add(1, column, "", _("Kolom wajib %(column)s tidak ada di baris judul.") % {"column": column})
    for column in header.duplicated:
        result.add(1, column, column, _("Kolom %(column)s muncul lebih dari sekali.") % {"column": column})
    if header.missing or header.duplicated:
        return None, {}
    groups: dict[str, HouseholdGroup] = {}
    first_rows: dict[str, int] = {}
    parse_row = RowParser(header.positions)
    number = 1
    try:
        for number, cells in table.rows:  # noqa: B007 (number is reported if the file breaks)
            if not any(as_text(cell) for cell in cells):
                continue  # blank lines between blocks, or Excel's formatted-but-empty rows
            result.rows_read += 1
            row = parse_row(number, cells, result)
            nik = row.values.get("nik")
            if nik in first_rows:
                fail(result, row, "nik", _("NIK sama dengan baris %(row)d.") % {"row": first_rows[nik]})
            elif nik:
                first_rows[nik] = number
            # Rows with an unusable KK number still travel together, so their other problems show once.
            key = row.values.get("no_kk") or f"#{row.text('no_kk')}"
            groups.setdefault(key, HouseholdGroup(key)).rows.append(row)
    except csv.Error:
        result.add(number + 1, "", "", _("File CSV rusak mulai baris ini; simpan ulang dari Excel sebagai CSV."))
    return groups, first_rows


def _write(group: HouseholdGroup, lookups: Lookups, acting_user, result: ImportResult) -> None:
    if group.failed:
        _reject(group, result)
        return
    try:
        # A savepoint per family card: a refused row undoes only its own KK.
        with transaction.atomic():
            outcome = apply_household(group, lookups, acting_user, result)
    except RowFailure as failure:
        failure.record(result)
        _reject(group, result)
        return
    result.persons_created += outcome.persons_created
    result.persons_updated += outcome.persons_updated
    result.persons_unchanged += outcome.persons_unchanged
    if outcome.household_created:
        result.households_created += 1
    elif outcome.household_changed or outcome.persons_created or outcome.persons_updated:
        result.households_updated += 1
    else:
        result.households_unchanged += 1


def _reject(group: HouseholdGroup, result: ImportResult) -> None:
    result.households_rejected += 1
    result.rows_rejected += len(group.rows)
    if not result.skip_invalid:
        return
    bad_rows = ", ".join(str(row.number) for row in group.rows if row.failed)
    for row in group.rows:
        if not row.failed:
            reason = _("Tidak disimpan: KK ini dilewati seluruhnya karena baris %(rows)s salah.") % {"rows": bad_rows}
            result.add(row.number, "no_kk", row.text("no_kk"), reason, skipped=True)
