"""The database ceiling of `gotong bench import`: the registry tables loaded by the database itself.

The file's bytes go unchanged into a staging table of text columns with a line number (PostgreSQL: COPY; SQLite,
which has no COPY: one `executemany` of the `csv.reader` rows), then two `INSERT … SELECT` statements make the
households (each family card's first row, in its village) and the persons, in one transaction, with every index
and foreign key of the registry and no check at all. No Python touches a row after the reader: the fastest way
this file can end up in the registry's own tables, the yardstick for the bulk import.
"""

import csv
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone

from gotong.registry.importing.columns import ALL_COLUMNS as COLUMNS  # the file's columns, in its order

HOUSEHOLDS = """INSERT INTO registry_household (created_at, updated_at, public_id, family_card_number, address,
        area_id, area_code, province_code, welfare_decile, pkh_recipient, bpnt_recipient)
    SELECT %s, %s, {uuid}, s.no_kk, s.alamat, village.id, s.kode_wilayah, substr(s.kode_wilayah, 1, 2),
        CAST(NULLIF(s.desil, '') AS smallint),
        s.penerima_pkh = 'ya', s.penerima_bpnt = 'ya'
    FROM ({first_rows}) s JOIN areas_area village ON village.code = s.kode_wilayah"""
PERSONS = """INSERT INTO registry_person (created_at, updated_at, public_id, household_id, area_code, province_code,
        nik, name, sex, birth_date, relationship, education, occupation, disability)
    SELECT %s, %s, {uuid}, h.id, h.area_code, h.province_code, s.nik, s.nama, s.jenis_kelamin, {birth_date},
        s.hubungan_keluarga, s.pendidikan, s.pekerjaan, s.disabilitas
    FROM ceiling_stage s JOIN registry_household h ON h.family_card_number = s.no_kk"""
POSTGRESQL = {
    "line": "line bigint GENERATED ALWAYS AS IDENTITY",
    "uuid": "gen_random_uuid()",
    "first_rows": "SELECT DISTINCT ON (no_kk) * FROM ceiling_stage ORDER BY no_kk, line",
    "birth_date": "to_date(s.tanggal_lahir, 'DD/MM/YYYY')",
}
# SQLite: Django keeps UUIDs as 32 hex characters and dates as ISO text; a bare column next to min() comes from the
# row holding the minimum, so GROUP BY no_kk with min(line) picks each family card's first row.
SQLITE = {
    "line": "line integer PRIMARY KEY",
    "uuid": "lower(hex(randomblob(16)))",
    "first_rows": "SELECT min(line), * FROM ceiling_stage GROUP BY no_kk",
    "birth_date": "substr(s.tanggal_lahir, 7, 4) || '-' || substr(s.tanggal_lahir, 4, 2) || '-' || "
    "substr(s.tanggal_lahir, 1, 2)",
}


def load_in_database(path: Path) -> int:
    """Load the benchmark file (comma-separated, dd/mm/yyyy dates, family cards together); returns the persons."""
    sql = POSTGRESQL if connection.vendor == "postgresql" else SQLITE
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    names = ", ".join(COLUMNS)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMP TABLE ceiling_stage ({sql['line']}, {', '.join(f'{c} text' for c in COLUMNS)})")
        if connection.vendor == "postgresql":
            copy_sql = f"COPY ceiling_stage ({names}) FROM STDIN WITH (FORMAT csv, HEADER true)"
            with path.open("rb") as handle, cursor.cursor.copy(copy_sql) as copy:
                while chunk := handle.read(1 << 20):
                    copy.write(chunk)
        else:
            with path.open(newline="", encoding="utf-8") as handle:
                reader = csv.reader(handle)
                next(reader)
                marks = ", ".join("?" * len(COLUMNS))
                cursor.cursor.executemany(f"INSERT INTO ceiling_stage ({names}) VALUES ({marks})", reader)
        cursor.execute(HOUSEHOLDS.format(**sql), [now, now])
        cursor.execute(PERSONS.format(**sql), [now, now])
        persons = cursor.rowcount
        cursor.execute("DROP TABLE ceiling_stage")
    return persons
