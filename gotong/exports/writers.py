"""Write a list's rows to XLSX (typed cells) or CSV (core.tabular's Indonesian dialect), row by row.

Both writers take an open binary file and call `progress(rows_done)` every `every` rows, so a background job can
report how far it is without holding the whole file in memory.
"""

import csv
import io
from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

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


def write_xlsx(out, spec: ListExport, rows: Iterable, *, progress: Callable[[int], None] = _noop, every=1000) -> int:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(spec.title)[:31])
    header = []
    for text in spec.headers:
        cell = WriteOnlyCell(sheet, value=safe_cell(str(text)))
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    kinds = [c.kind for c in spec.columns]
    done = 0
    for obj in rows:
        cells = []
        for value, kind in zip(typed_row(spec, obj), kinds, strict=True):
            cell = WriteOnlyCell(sheet, value=value)
            if kind in NUMBER_FORMATS and value is not None:
                cell.number_format = NUMBER_FORMATS[kind]
            cells.append(cell)
        sheet.append(cells)
        done += 1
        if done % every == 0:
            progress(done)
    workbook.save(out)
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
