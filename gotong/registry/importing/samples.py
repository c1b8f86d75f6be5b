"""Downloadable templates: the header plus two example rows, as Indonesian Excel writes them.

The examples use Kampung Bugis (21.72.03.1005) and NIKs composed for demonstration, never real people.
"""

import csv
import datetime
import io

from gotong.registry.importing.columns import ALL_COLUMNS
from gotong.registry.nik import compose_nik

VILLAGE_CODE = "21.72.03.1005"
# Columns Excel must keep as text, or it turns 16-digit numbers into 1,27E+15 and drops leading zeros.
TEXT_COLUMNS = ("no_kk", "nik", "rt", "rw", "kode_wilayah")
TEMPLATE_ROWS = 200


def example_rows() -> list[dict]:
    head_birth, spouse_birth = datetime.date(1985, 6, 15), datetime.date(1988, 3, 2)
    household = {
        "no_kk": "2172031506100001",
        "alamat": "Jl. Bugis Gg. Mawar No. 7",
        "rt": "002",
        "rw": "006",
        "kode_wilayah": VILLAGE_CODE,
        "desil": 2,
        "penerima_pkh": "ya",
        "penerima_bpnt": "tidak",
    }
    return [
        {
            **household,
            "nik": compose_nik(VILLAGE_CODE, head_birth, "L", 1),
            "nama": "Ahmad Contoh",
            "jenis_kelamin": "L",
            "tanggal_lahir": head_birth,
            "hubungan_keluarga": "Kepala Keluarga",
            "pendidikan": "SMA/SMK",
            "pekerjaan": "Nelayan",
            "disabilitas": "",
        },
        {
            **household,
            "nik": compose_nik(VILLAGE_CODE, spouse_birth, "P", 1),
            "nama": "Siti Contoh",
            "jenis_kelamin": "P",
            "tanggal_lahir": spouse_birth,
            "hubungan_keluarga": "Istri",
            "pendidikan": "SMP",
            "pekerjaan": "Mengurus rumah tangga",
            "disabilitas": "",
        },
    ]


def template_csv() -> bytes:
    """`;`-separated, dd/mm/yyyy, UTF-8 with BOM: what Excel in Indonesian settings opens and saves."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(ALL_COLUMNS)
    for row in example_rows():
        writer.writerow([_csv_cell(row[column]) for column in ALL_COLUMNS])
    return buffer.getvalue().encode("utf-8-sig")


def _csv_cell(value) -> str:
    return value.strftime("%d/%m/%Y") if isinstance(value, datetime.date) else str(value)


def template_xlsx() -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "KK"
    sheet.append(list(ALL_COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in example_rows():
        sheet.append([row[column] for column in ALL_COLUMNS])
    for index, column in enumerate(ALL_COLUMNS, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = max(12, len(column) + 2)
        if column not in TEXT_COLUMNS and column != "tanggal_lahir":
            continue
        # Pre-format the first rows so what the user types keeps its digits and reads as a date.
        for (cell,) in sheet.iter_rows(min_row=2, max_row=TEMPLATE_ROWS, min_col=index, max_col=index):
            cell.number_format = "DD/MM/YYYY" if column == "tanggal_lahir" else "@"
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
