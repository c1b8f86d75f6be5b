"""The import's fast paths give exactly the answers of the plain definitions they stand in for."""

import datetime
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gotong.registry.importing import values
from gotong.registry.importing.columns import ALL_COLUMNS
from gotong.registry.importing.result import ImportResult
from gotong.registry.importing.validation import RowParser


def test_every_character_the_space_pattern_collapses_is_a_space_or_unprintable():
    """The reason `collapse_spaces` may skip the pattern for printable text without a double space."""
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        if values._SPACES.fullmatch(character):
            assert character == " " or not character.isprintable(), hex(code)


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(["a", "Z", "é", " ", "\t", "\n", "\xa0", "\u3000", "\x1f", "\\"])))
def test_collapse_spaces_reads_what_the_pattern_reads(text):
    assert values.collapse_spaces(text) == values._SPACES.sub(" ", text)


# Cells that repeat, as in a real file, valid and invalid, text and spreadsheet-typed (1, 1.0 and True apart).
CELLS = {
    "no_kk": ["2172031506100001", "2172031506100002", "21720315061", "2.17203E+15", 2172031506100003.0,
              2172031506100003],
    "nik": ["2172031506850001", "2172035506880002", "217203150685001", "2172031506850000", 2172031506850003,
            2172031506850003.0],
    "nama": ["Warga  Satu", "Warga\tDua", "", "x" * 151, 7],
    "jenis_kelamin": ["L", "perempuan", "X", 1, 2.0, True],
    "tanggal_lahir": ["15/06/1985", "1985-06-15", "31/02/1990", "01/01/2999", datetime.date(1970, 1, 1), ""],
    "hubungan_keluarga": ["Kepala Keluarga", "istri", "anak", "tetangga", 4, 1.0],
    "alamat": ["Jl. Bugis No. 7", "", " Jl.  Mawar "],
    "rt": ["002", "RT 2", "0", 2, 2.0, True],
    "rw": ["006", "RW.06", "1000", 6],
    "kode_wilayah": ["21.72.03.1005", "2172031005", "", 2172031005],
    "pendidikan": ["SMA/SMK", "sd", "", "universitas", 1],
    "pekerjaan": ["Nelayan", "", "Buruh  harian", "y" * 101],
    "disabilitas": ["", "tuna netra", "tidak", "lainnya", 0],
    "desil": ["2", "", "11", "2,0", 2.5, 3, True],
    "penerima_pkh": ["ya", "tidak", "", "mungkin", 1, 0.0, True, False],
    "penerima_bpnt": ["Y", "-", "2", 1.0, False],
}  # fmt: skip
POSITIONS = {column: index for index, column in enumerate(ALL_COLUMNS)}


def _read(parser: RowParser, rows) -> tuple:
    result = ImportResult(filename="kk.csv")
    parsed = [parser(number, cells, result) for number, cells in enumerate(rows, start=2)]
    return [(row.raw, row.values, row.failed) for row in parsed], result.issues


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(*(st.sampled_from(CELLS[column]) for column in ALL_COLUMNS)), min_size=1, max_size=25))
def test_cached_row_parser_reads_what_the_plain_parsers_read(rows):
    rows = [list(cells) for cells in rows] + [list(rows[0][:4])]  # and a short row
    # A tiny cache is cleared over and over: the bound must not change an answer either.
    tiny = dict.fromkeys(ALL_COLUMNS, 2)
    uncached = _read(RowParser(POSITIONS, cache_sizes={}), rows)
    assert _read(RowParser(POSITIONS), rows) == uncached
    assert _read(RowParser(POSITIONS, cache_sizes=tiny), rows) == uncached


@pytest.mark.parametrize("positions", [{"nik": 0}, {"nik": 3, "nama": 1}])
def test_row_parser_with_few_columns_and_short_rows(positions):
    result = ImportResult(filename="kk.csv")
    row = RowParser(positions)(2, ["2172031506850001", "Warga Satu"], result)
    assert row.raw == {column: ["2172031506850001", "Warga Satu"][index] if index < 2 else None
                       for column, index in positions.items()}  # fmt: skip
    assert row.failed == ("nama" in positions)


@given(st.text(alphabet=st.sampled_from("0123456789٣ '=\"eE.,+"), max_size=18))
def test_plain_digits_are_what_identity_digits_makes_of_them(text):
    """The reason `parse_nik` may skip `_identity_digits` for a text of ASCII digits."""
    if text.isascii() and text.isdigit():
        assert values._identity_digits(text, lambda: "scientific") == text
