"""The CSV report: one line per problem, so the user can find and fix each cell.

The value is written as it was in the file (NIK included): the user asked for the report of their own file.
Screens and logs show masked values instead (Issue.masked_value).
"""

import csv
import io
from pathlib import Path

from gotong.core.cellsafe import safe_cell
from gotong.registry.importing.result import ImportResult

REPORT_COLUMNS = ("row", "field", "value", "reason")


def write_report(result: ImportResult, stream) -> None:
    writer = csv.writer(stream)
    writer.writerow(REPORT_COLUMNS)
    for issue in result.sorted_issues():
        writer.writerow([issue.row, issue.field, safe_cell(issue.value), issue.message])


def report_text(result: ImportResult) -> str:
    buffer = io.StringIO()
    write_report(result, buffer)
    return buffer.getvalue()


def save_report(result: ImportResult, path: str | Path) -> None:
    # Plain UTF-8 without BOM: the header must read exactly row,field,value,reason for other tools.
    with open(path, "w", encoding="utf-8", newline="") as stream:
        write_report(result, stream)
