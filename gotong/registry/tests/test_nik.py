"""NIK rules as a data clerk meets them."""

import datetime

import pytest

from gotong.registry.nik import check_nik, compose_nik, mask_nik


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
        ("2199035506900001", "kabupaten/kota 21.99"),
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


def test_compose_nik_roundtrips():
    nik = compose_nik("16.71.11", datetime.date(2001, 2, 3), "P", 42)
    assert nik == "1671114302010042"
    assert check_nik(nik).valid


def test_mask_keeps_region_and_serial_only():
    assert mask_nik("2172035506900001") == "2172********0001"
    assert mask_nik("") == ""
