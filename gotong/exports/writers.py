"""Write a list's rows to XLSX (typed cells) or CSV (core.tabular's Indonesian dialect), row by row.

Both writers take an open binary file and call `progress(rows_done)` every `every` rows, so a background job can
report how far it is without holding the whole file in memory.

XLSX is written by XlsxWriter in its constant-memory mode (each row goes to a temporary file as it is written, then
the file is zipped): 100,000 rows of the household list take ≈ 1 s of CPU per 10,000 rows where openpyxl's
write-only mode, on its pure-Python XML writer, took ≈ 11 s (issue 24; `gotong bench exports`). Strings are written
as strings, never read as formulas, numbers or links (the options below), so `safe_cell` stays the only rule.
"""

import csv
import io
from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal

import xlsxwriter
from django.utils import timezone

from gotong.core.cellsafe import safe_cell
from gotong.exports.specs import DATE, DECIMAL, INT, RUPIAH, ListExport

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
FORMATS = {"xlsx": XLSX_TYPE, "csv": CSV_TYPE}
NUMBER_FORMATS = {RUPIAH: "#,##0", INT: "0", DECIMAL: "0.00", DATE: "DD/MM/YYYY"}


def typed_value(value, kind: str):
    """The cell value for a column kind: numbers stay numbers, dates stay dates, None stays empty."""
    if value is None or value == "":
        return None
    if kind == RUPIAH:
        amount = Decimal(value)
        return int(amount) if amount == amount.to_integral_value() else amount
    if kind == INT:
        return int(value)
    if kind == DECIMAL:
        return Decimal(str(value))
    if kind == DATE:
        if isinstance(value, datetime):
            # A moment is shown on the day it was in Jakarta (the page's time zone), not UTC's.
            return (timezone.localtime(value) if timezone.is_aware(value) else value).date()
        return value
    return safe_cell(str(value))


def typed_row(spec: ListExport, obj) -> list:
    return [typed_value(column.value(obj), column.kind) for column in spec.columns]


def _noop(done: int) -> None:
    return None


# Nothing a user typed may turn into a formula, a number or a hyperlink on its way into a cell.
XLSX_OPTIONS = {
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
}


def write_xlsx(out, spec: ListExport, rows: Iterable, *, progress: Callable[[int], None] = _noop, every=1000) -> int:
    workbook = xlsxwriter.Workbook(out, XLSX_OPTIONS)
    sheet = workbook.add_worksheet(str(spec.title)[:31])
    bold = workbook.add_format({"bold": True})
    formats = {kind: workbook.add_format({"num_format": pattern}) for kind, pattern in NUMBER_FORMATS.items()}
    for column, text in enumerate(spec.headers):
        sheet.write_string(0, column, safe_cell(str(text)), bold)
    # One writer per column, chosen once: numbers and dates keep their type and format, the rest is text.
    writers = []
    for column in spec.columns:
        if column.kind == DATE:
            writers.append((sheet.write_datetime, formats[DATE]))
        elif column.kind in NUMBER_FORMATS:
            writers.append((sheet.write_number, formats[column.kind]))
        else:
            writers.append((sheet.write_string, None))
    done = 0
    for obj in rows:
        done += 1
        for column, (value, (write, style)) in enumerate(zip(typed_row(spec, obj), writers, strict=True)):
            if value is not None:
                write(done, column, value, style)
        if done % every == 0:
            progress(done)
    workbook.close()
    progress(done)
    return done


def csv_cell(value) -> str:
    """`;`-separated Indonesian dialect: decimal comma, ISO dates, empty for nothing (as core.tabular)."""
    if value is None:
        return ""
    if isinstance(value, float | Decimal):
        return f"{value}".replace(".", ",")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def write_csv(out, spec: ListExport, rows: Iterable, *, progress: Callable[[int], None] = _noop, every=1000) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    text.write("\ufeff")  # the BOM Excel needs to read UTF-8
    writer = csv.writer(text, delimiter=";")
    writer.writerow([safe_cell(str(h)) for h in spec.headers])
    done = 0
    for obj in rows:
        writer.writerow([csv_cell(v) for v in typed_row(spec, obj)])
        done += 1
        if done % every == 0:
            progress(done)
    text.flush()
    text.detach()
    progress(done)
    return done


WRITERS = {"xlsx": write_xlsx, "csv": write_csv}
