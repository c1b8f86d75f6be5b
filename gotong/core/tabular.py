"""Lists exported as the user sees them: XLSX for spreadsheets, CSV in the Indonesian Excel dialect.

Callers pass rows already scoped and masked; nothing here looks at who is asking.
"""

import csv
from collections.abc import Iterable, Sequence
from decimal import Decimal
from io import BytesIO, StringIO

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

from gotong.core.cellsafe import safe_cell

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_bytes(sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence[object]]]]) -> bytes:
    """One worksheet per (title, headers, rows); numbers and dates stay typed so Excel can sum them."""
    workbook = Workbook(write_only=True)
    for title, headers, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        sheet.append([_bold(sheet, h) for h in headers])
        for row in rows:
            sheet.append([safe_cell(v) for v in row])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _bold(sheet, text):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=safe_cell(str(text)))
    cell.font = Font(bold=True)
    return cell


def xlsx_response(filename: str, sheets) -> HttpResponse:
    response = HttpResponse(xlsx_bytes(sheets), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_text(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """`;`-separated with a BOM, the dialect Excel set to Indonesian opens without an import dialog."""
    buffer = StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([safe_cell(h) for h in headers])
    for row in rows:
        writer.writerow([_csv_value(v) for v in row])
    return buffer.getvalue()


def _csv_value(value):
    if isinstance(value, float | Decimal):
        return f"{value}".replace(".", ",")
    return "" if value is None else safe_cell(value)


def csv_response(filename: str, headers, rows) -> HttpResponse:
    response = HttpResponse(csv_text(headers, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
