"""The import file's columns: header mapping and which parser reads each column."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from gotong.registry.importing import values

REQUIRED_COLUMNS = (
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
)
OPTIONAL_COLUMNS = ("pendidikan", "pekerjaan", "disabilitas", "desil", "penerima_pkh", "penerima_bpnt")
ALL_COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS

# Where the household lives: every row of one family card must say the same.
PLACE_COLUMNS = ("alamat", "rt", "rw", "kode_wilayah")
# Household attributes that may be written on one row only, but must not contradict each other.
HOUSEHOLD_OPTIONAL_COLUMNS = ("desil", "penerima_pkh", "penerima_bpnt")

# Model field → column, to place a service's ValidationError on the right cell.
FIELD_COLUMNS = {
    "family_card_number": "no_kk",
    "address": "alamat",
    "area": "kode_wilayah",
    "welfare_decile": "desil",
    "pkh_recipient": "penerima_pkh",
    "bpnt_recipient": "penerima_bpnt",
    "nik": "nik",
    "name": "nama",
    "sex": "jenis_kelamin",
    "birth_date": "tanggal_lahir",
    "relationship": "hubungan_keluarga",
    "education": "pendidikan",
    "occupation": "pekerjaan",
    "disability": "disabilitas",
}

PARSERS: dict[str, Callable] = {
    "no_kk": values.parse_family_card_number,
    "nik": values.parse_nik,  # returns (nik, warnings)
    "nama": lambda value: values.parse_required_text(value, 150),
    "jenis_kelamin": values.parse_sex,
    "tanggal_lahir": values.parse_birth_date,
    "hubungan_keluarga": values.parse_relationship,
    "alamat": lambda value: values.parse_required_text(value, 255),
    "rt": lambda value: values.parse_rt_rw(value, "RT"),
    "rw": lambda value: values.parse_rt_rw(value, "RW"),
    "kode_wilayah": values.parse_village_code,
    "pendidikan": values.parse_education,
    "pekerjaan": lambda value: values.parse_text(value, 100),
    "disabilitas": values.parse_disability,
    "desil": values.parse_decile,
    "penerima_pkh": values.parse_yes_no,
    "penerima_bpnt": values.parse_yes_no,
}


def normalise_header(cell) -> str:
    """ " Tanggal Lahir " → "tanggal_lahir"."""
    text = values.as_text(cell).replace("\ufeff", "").strip().lower()
    return re.sub(r"\s+", "_", text)


@dataclass
class HeaderMap:
    positions: dict[str, int] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    duplicated: list[str] = field(default_factory=list)


def map_header(cells) -> HeaderMap:
    header = HeaderMap()
    for position, cell in enumerate(cells):
        name = normalise_header(cell)
        if not name:
            continue  # spreadsheets often carry empty trailing columns
        if name not in ALL_COLUMNS:
            header.unknown.append(name)
        elif name in header.positions:
            header.duplicated.append(name)
        else:
            header.positions[name] = position
    header.missing = [name for name in REQUIRED_COLUMNS if name not in header.positions]
    return header
