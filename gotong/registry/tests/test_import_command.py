"""`gotong import households`: exit status, all-or-nothing, --skip-invalid, --dry-run, --report, re-import."""

import pytest
from auditlog.models import LogEntry
from django.core.management.base import CommandError

from gotong.areas.models import Area
from gotong.registry.importing.report import REPORT_COLUMNS
from gotong.registry.models import Household, Person
from gotong.registry.tests.test_import_support import family, kk, read_report, run_import, write_csv

pytestmark = pytest.mark.django_db


def registry_log():
    return LogEntry.objects.filter(content_type__app_label="registry")


@pytest.fixture
def one_bad_row(tmp_path):
    """Three families; the second has a wrong NIK on its third row (spreadsheet row 7)."""
    rows = family(1) + family(2) + family(3)
    rows[5]["nik"] = "21720320011200"
    return write_csv(tmp_path / "kk.csv", rows)


def test_exit_status_zero_when_every_row_is_accepted(areas, tmp_path):
    status, out, err = run_import(write_csv(tmp_path / "kk.csv", family(1)))
    assert (status, err) == (0, "")
    assert "Semua baris disimpan." in out


def test_default_is_all_or_nothing(areas, one_bad_row):
    status, out, err = run_import(one_bad_row)
    assert status == 1
    assert not Household.objects.exists() and not Person.objects.exists()
    # Neither the RT units nor audit entries of the rolled-back writes survive.
    assert not Area.objects.filter(level__gt=4).exists()
    assert not registry_log().exists()
    assert 'Baris 7, kolom nik, nilai "2172********1200": NIK harus 16 digit, bukan 14.' in err
    assert "Tidak ada yang disimpan" in out and "--skip-invalid" in out


def test_skip_invalid_writes_the_good_households_and_skips_the_bad_one_whole(areas, one_bad_row, tmp_path):
    report = tmp_path / "laporan.csv"
    status, out, err = run_import(one_bad_row, "--skip-invalid", "--report", report)
    assert status == 1
    assert set(Household.objects.values_list("family_card_number", flat=True)) == {kk(1), kk(3)}
    assert Person.objects.count() == 6
    assert "KK baru: 2" in out and "Ditolak: 1 KK (3 baris); 1 kesalahan, 0 peringatan" in out
    rows = read_report(report)
    assert [(r["row"], r["field"]) for r in rows] == [("5", "no_kk"), ("6", "no_kk"), ("7", "nik")]
    assert rows[0]["reason"] == "Tidak disimpan: KK ini dilewati seluruhnya karena baris 7 salah."
    # Audit entries name the changes, with NIKs masked by auditlog.
    assert registry_log().filter(content_type__model="person").count() == 6


def test_dry_run_writes_nothing_even_when_every_row_is_good(areas, tmp_path):
    status, out, _err = run_import(write_csv(tmp_path / "kk.csv", family(1) + family(2)), "--dry-run")
    assert status == 0
    assert not Household.objects.exists() and not Area.objects.filter(level__gt=4).exists()
    assert "KK yang akan dibuat: 2" in out and "Periksa saja: tidak ada yang disimpan." in out


def test_dry_run_with_bad_rows_exits_one(areas, one_bad_row):
    status, _out, _err = run_import(one_bad_row, "--dry-run", "--skip-invalid")
    assert status == 1
    assert not Household.objects.exists()


def test_report_has_exact_columns_and_spreadsheet_row_numbers(areas, tmp_path):
    rows = family(1) + family(2)
    rows[1]["tanggal_lahir"] = "31/02/1990"
    rows[4]["nik"] = "2172O32001120023"
    rows[5]["nik"] = "2172992001120023"  # warning only
    report = tmp_path / "out" / "laporan.csv"
    report.parent.mkdir()
    status, _out, _err = run_import(write_csv(tmp_path / "kk.csv", rows), "--report", report)
    assert status == 1
    assert report.read_text(encoding="utf-8").splitlines()[0] == ",".join(REPORT_COLUMNS) == "row,field,value,reason"
    lines = read_report(report)
    assert [(r["row"], r["field"], r["value"]) for r in lines] == [
        ("3", "tanggal_lahir", "31/02/1990"),
        ("6", "nik", "2172O32001120023"),  # the report keeps the value so the user can find it
        ("7", "nik", "2172992001120023"),
    ]
    assert lines[0]["reason"] == "Tanggal 31/02/1990 tidak ada di kalender."
    assert lines[2]["reason"].startswith("Peringatan: ")


def test_warnings_alone_keep_exit_status_zero(areas, tmp_path):
    rows = family(1)
    rows[2]["nik"] = "2172992001120013"
    status, out, _err = run_import(write_csv(tmp_path / "kk.csv", rows))
    assert status == 0
    assert "1 peringatan" in out
    assert "2172992001120013" not in out


def test_missing_columns_exit_one_with_a_line_per_column(areas, tmp_path):
    path = write_csv(tmp_path / "kk.csv", family(1), header=["no_kk", "nama", "Alamat", "catatan"])
    report = tmp_path / "laporan.csv"
    status, out, _err = run_import(path, "--report", report)
    assert status == 1
    missing = [r["field"] for r in read_report(report)]
    assert missing == ["nik", "jenis_kelamin", "tanggal_lahir", "hubungan_keluarga", "rt", "rw", "kode_wilayah"]
    assert {r["row"] for r in read_report(report)} == {"1"}
    assert "Kolom tidak dikenal, diabaikan: catatan" in out


def test_reimport_is_idempotent_and_updates_changed_members(areas, tmp_path):
    rows = family(1) + family(2)
    path = write_csv(tmp_path / "kk.csv", rows)
    assert run_import(path)[0] == 0
    entries = registry_log().count()

    status, out, _err = run_import(path)
    assert status == 0
    assert "KK baru: 0, diperbarui: 0, tidak berubah: 2" in out
    assert "Penduduk baru: 0, diperbarui: 0, tidak berubah: 6" in out
    assert (Household.objects.count(), Person.objects.count(), registry_log().count()) == (2, 6, entries)

    rows[1]["nama"] = "Siti Aminah"
    rows[3]["desil"] = rows[4]["desil"] = rows[5]["desil"] = "5"
    status, out, _err = run_import(write_csv(tmp_path / "kk.csv", rows))
    assert status == 0
    assert "KK baru: 0, diperbarui: 2, tidak berubah: 0" in out
    assert "Penduduk baru: 0, diperbarui: 1, tidak berubah: 5" in out
    assert Person.objects.get(nik=rows[1]["nik"]).name == "Siti Aminah"
    assert Household.objects.get(family_card_number=kk(2)).welfare_decile == 5


def test_reimport_can_move_a_household_and_add_a_member(areas, tmp_path):
    rows = family(1)
    run_import(write_csv(tmp_path / "kk.csv", rows))
    moved = family(1, rt="004") + [family(1, rt="004")[2] | {"nik": "2172032203150014", "tanggal_lahir": "22/03/2015"}]
    status, out, err = run_import(write_csv(tmp_path / "kk.csv", moved))
    assert status == 0, err
    household = Household.objects.get()
    assert household.area.code == "21.72.03.1005.006.004"
    assert set(household.members.values_list("area_code", flat=True)) == {household.area_code}
    assert household.members.count() == 4


def test_user_option_sets_the_actor_and_limits_to_the_work_area(areas, tmp_path, facilitator):
    rows = family(1) + family(2, kode_wilayah="21.72.03.1001")
    status, _out, err = run_import(write_csv(tmp_path / "kk.csv", rows), "--skip-invalid", "--user", "budi")
    assert status == 1
    assert "Wilayah di luar wilayah kerja Anda." in err
    assert list(Household.objects.values_list("family_card_number", flat=True)) == [kk(1)]
    assert set(registry_log().values_list("actor__username", flat=True)) == {"budi"}


def test_user_without_edit_rights_or_unknown_user_is_refused(areas, tmp_path, partner):
    path = write_csv(tmp_path / "kk.csv", family(1))
    with pytest.raises(CommandError):
        run_import(path, "--user", "mitra")
    with pytest.raises(CommandError):
        run_import(path, "--user", "tidak-ada")
    with pytest.raises(CommandError):
        run_import(tmp_path / "tidak-ada.csv")


def test_console_never_shows_a_full_nik(areas, tmp_path):
    rows = family(1)
    rows[1]["nik"] = rows[0]["nik"]
    status, out, err = run_import(write_csv(tmp_path / "kk.csv", rows))
    assert status == 1
    assert rows[0]["nik"] not in out + err
    assert "2172********" in err
