"""The import benchmark's yardsticks load exactly the file, and the report names the database ceiling."""

import csv
import datetime

import pytest

from gotong.bench.ceiling import load_in_database
from gotong.bench.importbench import write_import_csv
from gotong.bench.report import _import
from gotong.core.distribution_check import province_mismatches
from gotong.registry.models import Household, Person
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_database_ceiling_loads_exactly_the_files_rows(areas, tmp_path):
    path = write_import_csv(tmp_path / "import.csv", 150, seed=4)
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert load_in_database(path) == len(rows) == Person.objects.count() == 150
    assert province_mismatches() == []  # the INSERT … SELECT fills Citus's distribution column too
    persons = Person.objects.values_list("household__family_card_number", "nik", "name", "sex", "birth_date",
                                         "relationship", "education", "occupation", "disability",
                                         "area_code")  # fmt: skip
    assert sorted(persons) == sorted(
        (r["no_kk"], r["nik"], r["nama"], r["jenis_kelamin"], _day(r["tanggal_lahir"]), r["hubungan_keluarga"],
         r["pendidikan"], r["pekerjaan"], r["disabilitas"], r["kode_wilayah"])
        for r in rows
    )  # fmt: skip
    first = {}
    for row in rows:
        first.setdefault(row["no_kk"], row)
    households = Household.objects.values_list("family_card_number", "address", "area__code", "area_code",
                                               "welfare_decile", "pkh_recipient", "bpnt_recipient")  # fmt: skip
    assert sorted(households) == sorted(
        (kk, r["alamat"], r["kode_wilayah"], r["kode_wilayah"], int(r["desil"]) if r["desil"] else None,
         r["penerima_pkh"] == "ya", r["penerima_bpnt"] == "ya")
        for kk, r in first.items()
    )  # fmt: skip
    # Public ids are distinct UUIDs the ORM reads back, and ordinary saves still work after the load.
    assert len({person.public_id for person in Person.objects.all()}) == 150
    PersonFactory(household=HouseholdFactory())


def _day(text: str) -> datetime.date:
    return datetime.datetime.strptime(text, "%d/%m/%Y").date()


def test_report_puts_the_database_ceiling_first():
    runs = [
        {"method": "bulk", "rows": 100, "seconds": 2.0, "rows_per_second": 50, "peak_mb": 80},
        {"method": "database", "rows": 100, "seconds": 1.0, "rows_per_second": 100, "peak_mb": 70},
        {"method": "raw", "rows": 100, "seconds": 0.25, "rows_per_second": 400, "peak_mb": 60},
    ]
    table = _import("import-sqlite", {"database": "sqlite", "runs": runs})
    header, _rule, bulk, database, raw = table.splitlines()[-5:]
    assert "| × slower than database ceiling | × slower than tables ceiling | × slower than raw |" in header
    assert bulk.startswith("| Gotong bulk import | 100 | 2.00 | 50 | – | 2.0 | – | 8.0 | 80 |")
    assert database.startswith("| database ceiling (registry tables, no Python per row) | 100 | 1.00 | 100 | – | 1.0 |")
