"""Every bad row is reported with its row, column, value and a reason in Bahasa Indonesia."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gotong.registry.importing import import_households, values
from gotong.registry.models import Household, Person
from gotong.registry.services import NIK_REFUSED, duplicate_nik_message
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from gotong.registry.tests.test_import_support import HEADER, family, kk, person, write_csv

pytestmark = pytest.mark.django_db


def run(tmp_path, rows, *, header=HEADER, **options):
    return import_households(write_csv(tmp_path / "kk.csv", rows, header=header), filename="kk.csv", **options)


def errors(result) -> list[tuple[int, str, str, str]]:
    return [(i.row, i.field, i.value, i.reason) for i in result.errors]


@pytest.mark.parametrize(
    "nik, reason",
    [
        ("217203150685001", "NIK harus 16 digit, bukan 15."),
        ("21720315068500011", "NIK harus 16 digit, bukan 17."),
        ("2172O31506850001", "NIK hanya boleh berisi angka."),
        ("2172033206850001", "Tanggal lahir di NIK (320685) bukan tanggal yang ada."),
        ("2172031506850000", "Nomor urut NIK tidak boleh 0000."),
        ("9972031506850001", "Kode provinsi 99 di NIK tidak dikenal."),
        ("", 'NIK wajib diisi. Bayi yang belum punya NIK didaftarkan lewat formulir ("NIK belum ada").'),
    ],
)
def test_bad_nik_is_reported_on_its_row(areas, tmp_path, nik, reason):
    rows = family(1)
    rows[0]["nik"] = nik
    result = run(tmp_path, rows)
    assert errors(result) == [(2, "nik", nik, reason)]
    assert not result.ok and not result.saved
    assert not Household.objects.exists()


def test_nik_from_a_district_that_no_longer_exists_is_only_a_warning(areas, tmp_path):
    rows = family(1)
    rows[2]["nik"] = "2172992001120013"  # 21.72.99 is not a current district
    result = run(tmp_path, rows)
    assert result.ok and result.saved
    [warning] = result.warnings
    assert (warning.row, warning.field) == (4, "nik")
    assert warning.message.startswith("Peringatan: Kecamatan 21.72.99")
    assert Person.objects.filter(nik="2172992001120013").exists()


def test_merauke_nik_from_before_the_papua_split_is_only_a_warning(areas, tmp_path):
    rows = family(1)
    rows[2]["nik"] = "9101012001120013"  # Merauke's old regency code 91.01 (now Papua Selatan 93.01)
    result = run(tmp_path, rows)
    assert result.ok and result.saved
    [warning] = result.warnings
    assert (warning.row, warning.field) == (4, "nik")
    assert warning.message.startswith("Peringatan: Kode kabupaten/kota 91.01")
    assert Person.objects.filter(nik="9101012001120013").exists()


def test_birth_date_not_matching_nik_is_a_warning_from_the_service(areas, tmp_path):
    rows = family(1)
    rows[2]["tanggal_lahir"] = datetime.date(2012, 1, 21)
    result = run(tmp_path, rows)
    assert result.ok
    assert [(w.row, w.reason) for w in result.warnings] == [(4, "Tanggal lahir tidak sama dengan tanggal di NIK.")]


@pytest.mark.parametrize(
    "value, reason",
    [
        ("31/02/1990", "Tanggal 31/02/1990 tidak ada di kalender."),
        ("1990-13-01", "Tanggal 1990-13-01 tidak ada di kalender."),
        ("15 Juni 1985", "Format tanggal tidak dikenal; tulis hh/bb/tttt, misalnya 15/06/1985."),
        ("01/01/1890", "Tanggal lahir sebelum tahun 1900 tidak masuk akal."),
        ("", "Wajib diisi."),
    ],
)
def test_impossible_dates(areas, tmp_path, value, reason):
    rows = family(1)
    rows[1]["tanggal_lahir"] = value
    assert errors(run(tmp_path, rows)) == [(3, "tanggal_lahir", value, reason)]


def test_future_birth_date(areas, tmp_path):
    rows = family(1)
    future = datetime.date.today() + datetime.timedelta(days=400)
    rows[2]["tanggal_lahir"] = future
    value = future.strftime("%d/%m/%Y")
    assert errors(run(tmp_path, rows)) == [(4, "tanggal_lahir", value, "Tanggal lahir tidak boleh di masa depan.")]


def test_unknown_village_code_and_codes_that_are_not_villages(areas, tmp_path):
    result = run(tmp_path, family(1, kode_wilayah="21.72.03.9999") + family(2, kode_wilayah="21.72.03"))
    assert errors(result) == [
        (2, "kode_wilayah", "21.72.03.9999", "Kode wilayah 21.72.03.9999 tidak dikenal."),
        (5, "kode_wilayah", "21.72.03", "Kode wilayah 21.72.03 bukan kode kelurahan/desa."),
    ]


def test_duplicate_nik_inside_the_file_points_at_the_first_row(areas, tmp_path):
    rows = family(1) + family(2)
    rows[4]["nik"] = rows[1]["nik"]
    assert errors(run(tmp_path, rows)) == [(6, "nik", rows[1]["nik"], "NIK sama dengan baris 3.")]


def test_duplicate_nik_against_the_database_points_at_the_existing_record(areas, tmp_path):
    rows = family(1)
    existing = PersonFactory(nik=rows[2]["nik"], household=HouseholdFactory(family_card_number=kk(9)))
    result = run(tmp_path, rows)
    assert errors(result) == [(4, "nik", rows[2]["nik"], duplicate_nik_message(existing))]
    assert "2172********" in result.errors[0].reason and rows[2]["nik"] not in result.errors[0].reason


def test_duplicate_nik_outside_the_users_area_does_not_reveal_the_holder(areas, tmp_path, facilitator):
    rows = family(1)
    elsewhere = HouseholdFactory(family_card_number="1671110101000001", area=rt_in("16.71.11.1005"))
    PersonFactory(nik=rows[0]["nik"], household=elsewhere, name="Rahasia")
    result = run(tmp_path, rows, acting_user=facilitator)
    assert errors(result) == [(2, "nik", rows[0]["nik"], str(NIK_REFUSED))]
    assert "terdaftar" not in str(NIK_REFUSED)


def test_missing_required_columns_stop_reading(areas, tmp_path):
    header = [column for column in HEADER if column not in ("nik", "kode_wilayah")]
    result = run(tmp_path, family(1), header=header)
    assert errors(result) == [
        (1, "nik", "", "Kolom wajib nik tidak ada di baris judul."),
        (1, "kode_wilayah", "", "Kolom wajib kode_wilayah tidak ada di baris judul."),
    ]
    assert result.rows_read == 0
    assert not Household.objects.exists()


def test_place_must_be_the_same_for_every_row_of_a_kk(areas, tmp_path):
    rows = family(1)
    rows[2]["rt"] = "003"
    assert errors(run(tmp_path, rows)) == [(4, "rt", "003", "Berbeda dengan baris 2 untuk KK yang sama.")]


def test_exactly_one_head_per_kk(areas, tmp_path):
    no_head = family(1)
    no_head[0]["hubungan_keluarga"] = "Anak"
    two_heads = family(2)
    two_heads[2]["hubungan_keluarga"] = "Kepala Keluarga"
    assert errors(run(tmp_path, no_head + two_heads)) == [
        (2, "hubungan_keluarga", "Anak", "KK ini tidak punya kepala keluarga."),
        (7, "hubungan_keluarga", "Kepala Keluarga", "KK ini sudah punya kepala keluarga di baris 5."),
    ]


@pytest.mark.parametrize(
    "column, value, reason",
    [
        ("no_kk", "217203150610000", "Nomor KK harus 16 digit angka."),
        ("jenis_kelamin", "X", "Isian tidak dikenal. Pilihan: Laki-laki, Perempuan."),
        ("rt", "RT abc", "RT harus angka 1 sampai 999, misalnya 001."),
        ("rw", "0", "RW harus angka 1 sampai 999, misalnya 001."),
        ("desil", "11", "Desil harus bilangan bulat 1 sampai 10."),
        ("desil", "2,5", "Desil harus bilangan bulat 1 sampai 10."),
        ("penerima_pkh", "mungkin", "Isi dengan ya atau tidak."),
        ("nama", "  ", "Wajib diisi."),
    ],
)
def test_bad_values(areas, tmp_path, column, value, reason):
    rows = [person(kk(1), 11, **{column: value})]
    assert errors(run(tmp_path, rows)) == [(2, column, value.strip() if column == "nama" else value, reason)]


def test_unknown_relationship_lists_the_choices(areas, tmp_path):
    rows = family(1)
    rows[1]["hubungan_keluarga"] = "Tetangga"
    [(row, column, value, reason)] = errors(run(tmp_path, rows))
    assert (row, column, value) == (3, "hubungan_keluarga", "Tetangga")
    assert reason.startswith("Isian tidak dikenal. Pilihan: Kepala keluarga, Suami/istri")


def test_household_attributes_may_be_on_one_row_but_must_not_contradict(areas, tmp_path):
    rows = family(1, desil="", penerima_pkh="")
    rows[0].update(desil="3", penerima_pkh="ya")
    assert run(tmp_path, rows).ok
    household = Household.objects.get()
    assert (household.welfare_decile, household.pkh_recipient) == (3, True)

    rows = family(2)
    rows[1]["desil"] = "4"
    assert errors(run(tmp_path, rows)) == [(3, "desil", "4", "Berbeda dengan baris 2 untuk KK yang sama.")]


DIGITS = "0123456789١٥²x "


@settings(max_examples=300, deadline=None)
@given(
    st.builds(
        "{}{}{}{}{}".format,
        st.text(DIGITS, min_size=1, max_size=2),
        st.sampled_from("/-."),
        st.text(DIGITS, min_size=1, max_size=2),
        st.sampled_from("/-."),
        st.text(DIGITS, min_size=3, max_size=5),
    )
)
def test_usual_date_shortcut_reads_what_the_pattern_reads(text):
    """dd/mm/yyyy is read without the regular expression; it must accept and split exactly as the pattern does."""
    match = values._DATE_DMY.match(text)
    if values._is_dd_mm_yyyy(text):
        assert match and tuple(map(int, match.groups())) == (int(text[:2]), int(text[3:5]), int(text[6:]))
    elif len(text) == 10 and text[2] == text[5] == "/":
        assert not match
