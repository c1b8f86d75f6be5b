"""The bulk import leaves the same rows and returns the same result as the normal import, file by file.

Each case runs the normal import first, inside a transaction that is then rolled back, and the bulk import on the
same database state after it: the households, persons and RT units they leave (every value but ids, public ids and
timestamps), their issues in order, counts, summary and CSV report must be equal, and the dashboards' tallies must
equal the live counts after the bulk import.
"""

import datetime

import pytest
from django.db import transaction

from gotong.areas.models import Area, Level
from gotong.core.distribution_check import province_mismatches
from gotong.dashboards.aggregates import differences
from gotong.registry.importing import import_households, summary_lines
from gotong.registry.importing.bulk import bulk_import
from gotong.registry.importing.bulk_rows import HOUSEHOLD_VALUES, PERSON_VALUES, STAMPS
from gotong.registry.importing.report import report_text
from gotong.registry.models import Household, Person
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from gotong.registry.tests.test_import_support import (
    BUGIS,
    family,
    kk,
    person,
    run_import,
    write_csv,
    write_xlsx,
)

pytestmark = pytest.mark.django_db

HOUSEHOLD_FIELDS = ("family_card_number", "address", "area__code", "area_code", "province_code", "welfare_decile",
                    "pkh_recipient", "bpnt_recipient", "consent_given_on")  # fmt: skip
PERSON_FIELDS = ("household__family_card_number", "area_code", "province_code", "nik", "name", "sex", "birth_date",
                 "relationship", "education", "occupation", "disability")  # fmt: skip
UNIT_FIELDS = ("code", "name", "level", "kind", "parent__code", "postal_code", "search_key")
SENANGGUNG = "21.72.04.1004"  # a village of Tanjungpinang outside Kampung Bugis


def snapshot() -> tuple:
    return (
        sorted(Household.objects.values_list(*HOUSEHOLD_FIELDS)),
        sorted(Person.objects.values_list(*PERSON_FIELDS)),
        sorted(Area.objects.filter(level__in=(Level.RW, Level.RT)).values_list(*UNIT_FIELDS)),
    )


def answer(result) -> tuple:
    """Everything a user or a caller gets back, in order."""
    counts = {name: getattr(result, name) for name in (
        "rows_read", "rows_rejected", "households_created", "households_updated", "households_unchanged",
        "households_rejected", "persons_created", "persons_updated", "persons_unchanged", "saved", "dry_run",
        "skip_invalid", "unknown_columns", "filename",
    )}  # fmt: skip
    return result.issues, counts, summary_lines(result), report_text(result)


def both(path, user=None) -> tuple:
    """(normal, bulk): the normal import's changes are rolled back before the bulk import runs."""
    with transaction.atomic():
        normal = import_households(path, filename=path.name, acting_user=user)
        normal_rows = snapshot()
        transaction.set_rollback(True)
    outcome = bulk_import(path, filename=path.name, acting_user=user)
    return (answer(normal), normal_rows), (answer(outcome.result), snapshot()), outcome.fast


def clean_rows() -> list[dict]:
    rows = family(1) + family(2, desil="", penerima_pkh="") + family(3, rt="5", rw="1", disabilitas="fisik")
    rows[4]["tanggal_lahir"] = datetime.date(1988, 3, 3)  # NIK disagrees with the row: a warning from the service
    rows[0]["jenis_kelamin"] = "P"  # the head: warned after the members, as the normal import saves them
    rows[1]["tanggal_lahir"] = datetime.date(1988, 3, 4)
    rows[8]["nik"] = "2172992001120013"  # a district that no longer exists: a warning from the parser
    rows[7]["nama"] = "Warga \\ Tujuh"  # a backslash: escaped in PostgreSQL's COPY text
    rows[6]["pekerjaan"] = "Buruh   harian\t lepas"
    return rows


def split_family(rows):
    rows.append(rows.pop(0))


CASES = {
    "clean": (clean_rows, None, True),
    "bad NIK": (lambda: [{**family(1)[0], "nik": "217203150685001"}] + family(1)[1:] + family(2), None, False),
    "KK split across the file": (lambda: [r for r in family(1) + family(2)][1:] + family(1)[:1], None, False),
    "unknown village": (lambda: family(1) + family(2, kode_wilayah="21.72.03.9999"), None, False),
    "NIK repeated in the file": (lambda: family(1) + [{**family(2)[0], "nik": family(1)[0]["nik"]}], None, False),
    "row outside the work area": (lambda: family(1) + family(2, kode_wilayah=SENANGGUNG), "facilitator", False),
    "inside the work area": (lambda: family(1) + family(2, rt="3"), "facilitator", True),
    "header only": (list, None, True),
    "blank rows between families": (lambda: [{}] + family(1) + [{}, {}] + family(2) + [{"nama": "  "}], None, True),
}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_bulk_import_equals_the_normal_import(areas, facilitator, tmp_path, case, kind):
    make_rows, user, fast = CASES[case]
    writer = write_csv if kind == "csv" else write_xlsx
    path = writer(tmp_path / f"kk.{kind}", make_rows())
    normal, bulk, went_fast = both(path, facilitator if user else None)
    assert went_fast == fast
    assert bulk == normal  # province_code included: COPY writes what save() derives
    assert differences() == []
    assert province_mismatches() == []


def test_batch_by_batch_the_same(areas, tmp_path, monkeypatch):
    """One family card per batch: a batch is written while the next is read, and a later batch can still fail."""
    monkeypatch.setattr("gotong.registry.importing.bulk.BATCH_GROUPS", 1)
    late_error = family(1) + family(2) + [{**family(3)[0], "desil": "11"}]
    repeated_across_batches = family(1) + family(2) + [{**family(3)[0], "nik": family(1)[1]["nik"]}]
    for rows, fast in ((clean_rows(), True), (late_error, False), (repeated_across_batches, False)):
        normal, bulk, went_fast = both(write_csv(tmp_path / "kk.csv", rows))
        assert (went_fast, bulk) == (fast, normal)
    assert differences() == []


def test_registered_nik_and_family_card_are_left_to_the_normal_import(areas, tmp_path):
    rows = family(1) + family(2) + family(3)
    PersonFactory(nik=rows[4]["nik"], household=HouseholdFactory(family_card_number=kk(9)))  # KK 2: an error
    HouseholdFactory(family_card_number=kk(3), area=rt_in(BUGIS, 6, 2))  # KK 3: an update
    for path in (write_csv(tmp_path / "kk.csv", rows), write_csv(tmp_path / "ok.csv", family(1) + family(3))):
        normal, bulk, went_fast = both(path)
        assert not went_fast
        assert bulk == normal
    assert Household.objects.get(family_card_number=kk(3)).members.count() == 3
    assert differences() == []


def test_dry_run_and_skip_invalid_are_the_normal_import(areas, tmp_path):
    path = write_csv(tmp_path / "kk.csv", family(1) + [{**family(2)[0], "nik": "1"}])
    for options in ({"dry_run": True}, {"skip_invalid": True}):
        with transaction.atomic():
            expected = answer(import_households(path, filename="kk.csv", **options))
            transaction.set_rollback(True)
        outcome = bulk_import(path, filename="kk.csv", **options)
        assert not outcome.fast and answer(outcome.result) == expected


def test_bulk_rows_fill_every_column_but_ids_and_consent(areas):
    def columns(model):
        return {field.column for field in model._meta.concrete_fields}

    assert set(STAMPS + HOUSEHOLD_VALUES) == columns(Household) - {"consent_given_on"}
    # nik_pending has a database default (False): bulk rows are registry rows, which always carry a NIK.
    assert set(STAMPS + PERSON_VALUES) == columns(Person) - {"id", "nik_pending"}


def test_records_saved_after_a_bulk_import_get_fresh_ids(areas, tmp_path):
    outcome = bulk_import(write_csv(tmp_path / "kk.csv", family(1)), filename="kk.csv")
    assert outcome.fast
    PersonFactory(household=HouseholdFactory())
    assert Household.objects.count() == 2 and Person.objects.count() == 4
    assert len({person.public_id for person in Person.objects.all()}) == 4


def test_import_command_bulk_flag(areas, tmp_path):
    path = write_csv(tmp_path / "kk.csv", family(1) + [person(family(2)[0]["no_kk"], 99)])
    status, out, err = run_import(path, "--bulk")
    assert status == 0, err
    assert "KK baru: 2" in out and "Penduduk baru: 4" in out
