"""Streaming rows out of CSV (plain or Indonesian Excel) and XLSX files.

Rows come out as (spreadsheet row number, cells) with the header as row 1, so every message can point at the
row the user sees in Excel.
"""

import codecs
import csv
import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from zipfile import BadZipFile

from django.core.files import File
from django.utils.translation import gettext as _

CHUNK_SIZE = 1024 * 1024
DELIMITERS = ",;\t"

# Limits an office understands, checked before a hostile file can take the server's memory.
# One CSV cell: 128 KB (Python's default, set here so it is ours); a 15 MB field is refused with a message.
MAX_CSV_FIELD = 128 * 1024
# An XLSX is a zip: 196 KB of it once expanded to 200 MB of shared strings. Refused before openpyxl reads it.
MAX_XLSX_UNCOMPRESSED = 200 * 1024 * 1024  # every part together
MAX_XLSX_SHARED_STRINGS = 50 * 1024 * 1024  # the shared-strings part, which openpyxl holds in memory
csv.field_size_limit(MAX_CSV_FIELD)


class TableError(Exception):
    """The file cannot be read at all; the message is shown to the user."""


@dataclass
class Table:
    header: list
    rows: Iterator[tuple[int, list]]


@contextmanager
def open_table(source, filename: str) -> Iterator[Table]:
    """Open a path or an uploaded/binary file as a table; `filename` decides the format."""
    suffix = Path(filename).suffix.lower()
    if suffix == ".xls":
        raise TableError(_("File .xls (Excel lama) tidak didukung; simpan ulang sebagai .xlsx atau CSV."))
    binary, owned = _binary(source)
    try:
        if suffix in (".xlsx", ".xlsm") or (suffix not in (".csv", ".txt", ".tsv") and _looks_like_zip(binary)):
            with _xlsx_table(binary) as table:
                yield table
        else:
            with _csv_table(binary) as table:
                yield table
    finally:
        if owned:
            binary.close()


def _binary(source) -> tuple:
    if isinstance(source, str | Path):
        return open(source, "rb"), True  # noqa: SIM115 (closed by open_table)
    if isinstance(source, File):
        source = source.file
    source.seek(0)
    return source, False


def _looks_like_zip(binary) -> bool:
    start = binary.read(4)
    binary.seek(0)
    return start == b"PK\x03\x04"


def _detect_encoding(binary) -> str:
    """UTF-8 (with or without BOM) when the whole file decodes, else Windows-1252, else Latin-1."""
    candidates = {name: codecs.getincrementaldecoder(name)() for name in ("utf-8-sig", "cp1252")}
    alive = list(candidates)
    while alive and (chunk := binary.read(CHUNK_SIZE)):
        for name in list(alive):
            try:
                candidates[name].decode(chunk)
            except UnicodeDecodeError:
                alive.remove(name)
    for name in list(alive):
        try:
            candidates[name].decode(b"", final=True)
        except UnicodeDecodeError:
            alive.remove(name)
    binary.seek(0)
    return alive[0] if alive else "latin-1"


def _delimiter(header_line: str) -> str:
    # Counting in the header is more predictable than csv.Sniffer: headers hold no quoted separators.
    counts = {delimiter: header_line.count(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


@contextmanager
def _csv_table(binary) -> Iterator[Table]:
    encoding = _detect_encoding(binary)
    text = io.TextIOWrapper(binary, encoding=encoding, newline="")
    try:
        first_line = text.readline()
        if not first_line.strip():
            raise TableError(_("File kosong: baris pertama harus berisi judul kolom."))
        reader = csv.reader(chain([first_line], text), delimiter=_delimiter(first_line))
        try:
            header = next(reader)
        except csv.Error:
            raise TableError(_csv_error_message(1)) from None
        yield Table(header=header, rows=_csv_rows(reader))
    finally:
        # Leave the caller's file open: it belongs to them (an upload, a test buffer).
        text.detach()


def _csv_error_message(row: int) -> str:
    return _(
        "Baris %(row)s tidak dapat dibaca: ada sel yang terlalu panjang (lebih dari %(kb)s KB) atau tanda kutip "
        "yang tidak ditutup. Periksa baris itu lalu unggah ulang."
    ) % {"row": row, "kb": MAX_CSV_FIELD // 1024}


def _csv_rows(reader) -> Iterator[tuple[int, list]]:
    number = 1
    while True:
        number += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error:
            raise TableError(_csv_error_message(number)) from None
        yield number, cells


def check_xlsx_size(binary) -> None:
    """Refuse a zip bomb: the declared uncompressed sizes (which zipfile enforces when reading) must be modest."""
    from zipfile import ZipFile

    try:
        with ZipFile(binary) as archive:
            parts = archive.infolist()
    except (BadZipFile, OSError):
        raise TableError(_("File ini bukan file XLSX yang bisa dibaca.")) from None
    finally:
        binary.seek(0)
    total = sum(part.file_size for part in parts)
    strings = sum(part.file_size for part in parts if part.filename.lower().endswith("sharedstrings.xml"))
    if strings > MAX_XLSX_SHARED_STRINGS:
        size, limit = strings, MAX_XLSX_SHARED_STRINGS
    elif total > MAX_XLSX_UNCOMPRESSED:
        size, limit = total, MAX_XLSX_UNCOMPRESSED
    else:
        return
    raise TableError(
        _(
            "File XLSX ini terlalu besar setelah dibuka (%(mb)s MB; paling banyak %(max)s MB). "
            "Bagi menjadi beberapa file atau simpan sebagai CSV."
        )
        % {"mb": size // (1024 * 1024), "max": limit // (1024 * 1024)}
    )


@contextmanager
def _xlsx_table(binary) -> Iterator[Table]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    check_xlsx_size(binary)
    try:
        workbook = load_workbook(binary, read_only=True, data_only=True)
    except (BadZipFile, InvalidFileException, KeyError, OSError):
        raise TableError(_("File ini bukan file XLSX yang bisa dibaca.")) from None
    try:
        sheet = workbook.worksheets[0]
        # Some tools write a wrong size into the file; read what is really there.
        sheet.reset_dimensions()
        rows = enumerate(sheet.iter_rows(values_only=True), start=1)
        first = next(rows, None)
        if first is None or not any(cell not in (None, "") for cell in first[1]):
            raise TableError(_("File kosong: baris pertama harus berisi judul kolom."))
        yield Table(header=list(first[1]), rows=((number, list(cells)) for number, cells in rows))
    finally:
        workbook.close()
