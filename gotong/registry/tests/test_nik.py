"""NIK rules as a data clerk meets them."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gotong.registry.nik import check_nik, compose_nik, mask_nik, valid_nik_warnings


def test_valid_nik_gives_sex_and_birth_date():
    check = check_nik("2172035506900001")  # Tanjungpinang Kota, 15 June 1990, woman (55 = 15 + 40)
    assert check.valid and not check.warnings
    assert check.sex == "P" and check.birth_date == "1990-06-15"


@pytest.mark.parametrize(
    ("nik", "fragment"),
    [
        ("217203550690001", "16 digit, bukan 15"),
        ("21720355069000011", "16 digit, bukan 17"),
        ("2172O35506900001", "hanya boleh berisi angka"),
        ("9972035506900001", "provinsi 99"),
        ("2172033102900001", "bukan tanggal yang ada"),  # 31 February
        ("2172037202900001", "bukan tanggal yang ada"),  # 72 - 40 = 32
        ("2172031506900000", "0000"),
    ],
)
def test_invalid_nik_is_rejected_with_reason(nik, fragment):
    check = check_nik(nik)
    assert not check.valid
    assert any(fragment in error for error in check.errors), check.errors


def test_district_that_no_longer_exists_is_only_a_warning():
    check = check_nik("2172991506900001")  # district 99 of Tanjungpinang does not exist
    assert check.valid
    assert check.warnings


def test_nik_issued_before_a_regency_moved_is_valid_with_a_warning():
    # Merauke was 91.01 (Papua) until Papua Selatan was formed in 2022 (now 93.01); a NIK is for life.
    check = check_nik("9101011506850001")
    assert check.valid and check.sex == "L" and check.birth_date == "1985-06-15"
    assert check.warnings == [
        "Kode kabupaten/kota 91.01 di NIK tidak ada lagi di data Kemendagri (mungkin kode lama sebelum pemekaran; "
        "NIK berlaku seumur hidup)."
    ]
    assert valid_nik_warnings("9101011506850001") == check.warnings


def test_compose_nik_roundtrips():
    nik = compose_nik("16.71.11", datetime.date(2001, 2, 3), "P", 42)
    assert nik == "1671114302010042"
    assert check_nik(nik).valid


def test_mask_keeps_region_and_serial_only():
    assert mask_nik("2172035506900001") == "2172********0001"
    # No NIK is a newborn's "NIK belum ada" (`Person.nik_pending`), also as the audit log hands it over ("None").
    assert mask_nik("") == mask_nik(None) == mask_nik("None") == "NIK belum ada"


# Regions a clerk meets: valid ones, one whose district was split away (a warning), unknown and 00 codes.
REGIONS = [
    "217203", "127101", "320101", "217299", "990101", "210000", "217200", "129901", "127121", "110101", "910101",
]  # fmt: skip
DATE_PARTS = st.builds(
    lambda day, month, year: f"{day:02d}{month:02d}{year:02d}",
    st.integers(0, 99),
    st.integers(0, 13),
    st.integers(0, 99),
)


@settings(max_examples=400, deadline=None)
@given(
    region=st.sampled_from(REGIONS) | st.text("0123456789", min_size=6, max_size=6),
    date_part=DATE_PARTS,
    serial=st.sampled_from(["0000", "0001", "0420", "9999"]),
)
def test_cached_verdict_equals_the_full_check(region, date_part, serial):
    """The bulk import's per-part cache says valid exactly when `check_nik` does, with the same warnings."""
    nik = f"{region}{date_part}{serial}"
    check = check_nik(nik)
    assert valid_nik_warnings(nik) == (check.warnings if check.valid else None)


@pytest.mark.parametrize("nik", ["2172O35506900001", "217203550690001", "２１７２０３５５０６９０００１", ""])
def test_cached_verdict_refuses_what_is_not_sixteen_ascii_digits(nik):
    assert valid_nik_warnings(nik) is None
