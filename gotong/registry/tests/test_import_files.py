"""Reading the formats people actually have: plain CSV, Indonesian Excel CSV, XLSX, and the templates."""

import datetime
import io
import zipfile

import pytest

from gotong.registry.importing import import_households
from gotong.registry.importing.samples import template_csv, template_xlsx
from gotong.registry.models import Household, Person
from gotong.registry.tests.test_import_support import HEADER, family, kk, person, run_import, write_csv, write_xlsx

pytestmark = pytest.mark.django_db


def test_plain_csv_creates_households_and_persons(areas, tmp_path):
    path = write_csv(tmp_path / "kk.csv", family(1) + family(2))
    status, out, err = run_import(path)
    assert status == 0, err
    assert Household.objects.count() == 2
    assert Person.objects.count() == 6
    household = Household.objects.get(family_card_number=kk(1))
    assert household.area.code == "21.72.03.1005.006.002"
    assert household.area_code == household.area.code
    assert (household.welfare_decile, household.pkh_recipient, household.bpnt_recipient) == (2, True, False)
    head = household.members.get(relationship="kepala")
    assert (head.sex, head.birth_date, head.education, head.disability) == (
        "L",
        datetime.date(1985, 6, 15),
        "sma",
        "tidak",
    )
    assert household.members.filter(relationship="pasangan", sex="P").count() == 1
    assert "Baris dibaca: 6" in out
    assert "KK baru: 2" in out and "Penduduk baru: 6" in out


def test_indonesian_excel_csv_with_bom_semicolons_and_decimal_commas(areas, tmp_path):
    rows = family(1, desil="2,0", rt="RT 002", rw="6")
    for row in rows:
        row["luas_lantai"] = "36,5"  # an unknown column holding a decimal comma must not split the row
    header = [*HEADER, "luas_lantai"]
    path = write_csv(tmp_path / "kk.csv", rows, header=header, delimiter=";", encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    result = import_households(path, filename="kk.csv")
    assert result.ok, result.issues
    assert result.unknown_columns == ["luas_lantai"]
    household = Household.objects.get()
    assert household.welfare_decile == 2
    assert household.area.code == "21.72.03.1005.006.002"
    assert Person.objects.count() == 3


def test_headers_are_case_insensitive_and_spaces_become_underscores(areas, tmp_path):
    header = [f"  {column.replace('_', ' ').title()} " for column in HEADER]
    rows = [{header[i]: row[column] for i, column in enumerate(HEADER)} for row in family(1)]
    path = write_csv(tmp_path / "kk.csv", rows, header=header)
    assert import_households(path, filename="kk.csv").ok


def test_cp1252_csv_is_read_when_utf8_fails(areas, tmp_path):
    rows = family(1)
    rows[0]["nama"] = "André Siregar"
    path = write_csv(tmp_path / "kk.csv", rows, delimiter=";", encoding="cp1252")
    assert import_households(path, filename="kk.csv").ok
    assert Person.objects.filter(name="André Siregar").exists()


def test_iso_dates_and_dashes_and_undotted_village_code(areas, tmp_path):
    rows = family(1, kode_wilayah="2172031005")
    rows[0]["tanggal_lahir"] = "1985-06-15"
    rows[1]["tanggal_lahir"] = "02-03-1988"
    rows[2]["tanggal_lahir"] = "2012-01-20 00:00:00"
    result = import_households(write_csv(tmp_path / "kk.csv", rows), filename="kk.csv")
    assert result.ok, result.issues
    household = Household.objects.get()
    assert household.area.code == "21.72.03.1005.006.002"
    births = sorted(household.members.values_list("birth_date", flat=True))
    assert births == [datetime.date(1985, 6, 15), datetime.date(1988, 3, 2), datetime.date(2012, 1, 20)]


def test_xlsx_with_real_date_cells_and_numeric_nik(areas, tmp_path):
    rows = family(1, desil=2, rt=2, rw=6)
    rows[0]["nik"] = int(rows[0]["nik"])  # a 16-digit integer cell loses nothing
    path = write_xlsx(tmp_path / "kk.xlsx", rows)
    result = import_households(path, filename="kk.xlsx")
    assert result.ok, result.issues
    head = Person.objects.get(relationship="kepala")
    assert head.birth_date == datetime.date(1985, 6, 15)
    assert head.nik == str(rows[0]["nik"])


def test_xlsx_nik_in_scientific_notation_is_reported(areas, tmp_path):
    rows = family(1)
    rows[0]["nik"] = 1271015505900010
    path = write_xlsx(tmp_path / "kk.xlsx", rows)
    # Excel keeps 15 significant digits and may store such a cell as 1.27101550590001E+15.
    _rewrite_xlsx(path, b"<v>1271015505900010</v>", b"<v>1.27101550590001E+15</v>")
    result = import_households(path, filename="kk.xlsx")
    assert [(i.row, i.field, i.reason) for i in result.errors] == [
        (2, "nik", "NIK tertulis sebagai angka ilmiah di Excel; format kolom sebagai Teks.")
    ]
    assert not Household.objects.exists()


def test_csv_nik_in_scientific_notation_is_reported(areas, tmp_path):
    rows = family(1)
    rows[1]["nik"] = "1,27101550590001E+15"
    result = import_households(write_csv(tmp_path / "kk.csv", rows, delimiter=";"), filename="kk.csv")
    assert [(i.row, i.field) for i in result.errors] == [(3, "nik")]
    assert "angka ilmiah" in result.errors[0].reason


def test_blank_rows_are_skipped_but_row_numbers_stay_true(areas, tmp_path):
    rows = family(1)
    path = write_csv(tmp_path / "kk.csv", [rows[0], {}, rows[1], {**rows[2], "tanggal_lahir": "31/02/2012"}])
    result = import_households(path, filename="kk.csv")
    assert result.rows_read == 3
    assert [(i.row, i.field) for i in result.errors] == [(5, "tanggal_lahir")]


def test_unreadable_xlsx_is_one_clear_error(areas, tmp_path):
    path = tmp_path / "kk.xlsx"
    path.write_bytes(b"not a workbook")
    result = import_households(path, filename="kk.xlsx")
    assert [(i.row, i.reason) for i in result.errors] == [(1, "File ini bukan file XLSX yang bisa dibaca.")]


@pytest.mark.parametrize("build, name", [(template_csv, "templat.csv"), (template_xlsx, "templat.xlsx")])
def test_downloadable_templates_import_cleanly(areas, build, name):
    result = import_households(io.BytesIO(build()), filename=name)
    assert result.ok, result.issues
    assert (result.households_created, result.persons_created) == (1, 2)
    assert Household.objects.get().area.code == "21.72.03.1005.006.002"


def test_extra_values_accepted(areas, tmp_path):
    rows = [
        person(kk(1), 11, role="kepala", jenis_kelamin="Laki-laki", pendidikan="Tidak/Belum Sekolah"),
        person(kk(1), 12, role="Suami", sex="P", jenis_kelamin="Perempuan", birth=datetime.date(1988, 3, 2)),
        person(kk(1), 13, role="Orang Tua", pendidikan="S1", disabilitas="Tuna Netra", birth=datetime.date(1950, 1, 1)),
        person(kk(1), 14, role="famili", pendidikan="sd", penerima_pkh="1", birth=datetime.date(1990, 1, 1)),
    ]
    result = import_households(write_csv(tmp_path / "kk.csv", rows), filename="kk.csv")
    assert result.ok, result.issues
    codes = dict(Person.objects.values_list("relationship", "education"))
    assert codes == {"kepala": "tidak_sekolah", "pasangan": "sma", "orang_tua": "s1", "famili": "sd"}
    assert Person.objects.get(relationship="orang_tua").disability == "sensorik"


def _rewrite_xlsx(path, old: bytes, new: bytes) -> None:
    with zipfile.ZipFile(path) as source:
        entries = {info.filename: source.read(info.filename) for info in source.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    assert old in entries[sheet]
    entries[sheet] = entries[sheet].replace(old, new)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for filename, data in entries.items():
            target.writestr(filename, data)
