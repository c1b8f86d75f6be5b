"""Builders for import files, shared by the test_import_* modules (this module holds no tests)."""

import csv
import datetime
import io

from django.core.management import call_command

from gotong.registry.nik import compose_nik

BUGIS = "21.72.03.1005"
HEADER = [
    "no_kk",
    "nik",
    "nama",
    "jenis_kelamin",
    "tanggal_lahir",
    "hubungan_keluarga",
    "alamat",
    "rt",
    "rw",
    "kode_wilayah",
    "pendidikan",
    "pekerjaan",
    "disabilitas",
    "desil",
    "penerima_pkh",
    "penerima_bpnt",
]


def kk(number: int) -> str:
    return f"21720315061{number:05d}"


def person(kk_number: str, serial: int, *, birth=datetime.date(1985, 6, 15), sex="L", role="Kepala Keluarga", **extra):
    row = {
        "no_kk": kk_number,
        "nik": compose_nik(BUGIS, birth, sex, serial),
        "nama": f"Warga {serial}",
        "jenis_kelamin": sex,
        "tanggal_lahir": birth,
        "hubungan_keluarga": role,
        "alamat": "Jl. Bugis Gg. Mawar No. 7",
        "rt": "002",
        "rw": "006",
        "kode_wilayah": BUGIS,
        "pendidikan": "SMA/SMK",
        "pekerjaan": "Nelayan",
        "disabilitas": "",
        "desil": "2",
        "penerima_pkh": "ya",
        "penerima_bpnt": "tidak",
    }
    row.update(extra)
    return row


def family(number: int, **extra) -> list[dict]:
    """Head, wife and child of one KK; serials derived from `number` keep NIKs unique across families."""
    kk_number = kk(number)
    return [
        person(kk_number, number * 10 + 1, **extra),
        person(kk_number, number * 10 + 2, birth=datetime.date(1988, 3, 2), sex="P", role="Istri", **extra),
        person(kk_number, number * 10 + 3, birth=datetime.date(2012, 1, 20), sex="L", role="Anak", **extra),
    ]


def _cell(value, date_format: str):
    return value.strftime(date_format) if isinstance(value, datetime.date) else value


def write_csv(path, rows, *, header=HEADER, delimiter=",", encoding="utf-8", date_format="%d/%m/%Y"):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(row.get(column, ""), date_format) for column in header])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path, rows, *, header=HEADER):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append([row.get(column) for column in header])
    workbook.save(path)
    return path


def run_import(*args, **options) -> tuple[int, str, str]:
    """Run `import households …`; returns (exit status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import", "households", *[str(a) for a in args], stdout=out, stderr=err, **options)
    except SystemExit as exit_:
        return exit_.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def read_report(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))
