"""The bulk import lands the same rows and reports the same problems as the normal import."""

import datetime

import pytest

from gotong.registry.importing import import_households
from gotong.registry.importing.bulk import bulk_import
from gotong.registry.models import Household, Person
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from gotong.registry.tests.test_import_support import family, person, write_csv

pytestmark = pytest.mark.django_db

HOUSEHOLD_FIELDS = ("family_card_number", "address", "area__code", "area_code", "welfare_decile", "pkh_recipient",
                    "bpnt_recipient", "consent_given_on")  # fmt: skip
PERSON_FIELDS = ("household__family_card_number", "area_code", "nik", "name", "sex", "birth_date", "relationship",
                 "education", "occupation", "disability")  # fmt: skip


def snapshot():
    return (
        sorted(Household.objects.values_list(*HOUSEHOLD_FIELDS)),
        sorted(Person.objects.values_list(*PERSON_FIELDS)),
    )


def issues(result):
    return sorted((i.row, i.field, i.value, i.reason, i.is_warning) for i in result.issues)


def test_clean_file_lands_the_same_rows_as_the_normal_import(areas, tmp_path):
    rows = family(1) + family(2, desil="", penerima_pkh="") + family(3, rt="5", rw="1", disabilitas="fisik")
    rows[4]["tanggal_lahir"] = datetime.date(1988, 3, 3)  # NIK disagrees: a warning, not an error
    path = write_csv(tmp_path / "kk.csv", rows)
    outcome = bulk_import(path, filename="kk.csv")
    assert outcome.fast and outcome.result.saved
    assert (outcome.result.households_created, outcome.result.persons_created) == (3, 9)
    bulk_rows, bulk_issues = snapshot(), issues(outcome.result)
    assert [i[3] for i in bulk_issues] == ["Tanggal lahir tidak sama dengan tanggal di NIK."]
    Person.objects.all().delete()
    Household.objects.all().delete()
    normal = import_households(path, filename="kk.csv")
    assert snapshot() == bulk_rows
    assert issues(normal) == bulk_issues
    # The ids came from the table's own sequence: a normal save afterwards still works.
    PersonFactory(household=HouseholdFactory())


@pytest.mark.parametrize(
    "change",
    [
        lambda rows: rows[0].update(nik="217203150685001"),  # bad NIK
        lambda rows: rows[3].update(nik=rows[0]["nik"]),  # the same NIK twice in the file
        lambda rows: rows[2].update(hubungan_keluarga="Kepala Keluarga"),  # two heads
        lambda rows: rows.append(rows.pop(0)),  # a KK's rows split across the file
    ],
)
def test_bad_files_get_exactly_the_normal_imports_report(areas, tmp_path, change):
    rows = family(1) + family(2)
    change(rows)
    path = write_csv(tmp_path / "kk.csv", rows)
    expected = import_households(path, filename="kk.csv")
    before = snapshot()
    outcome = bulk_import(path, filename="kk.csv")
    assert issues(outcome.result) == issues(expected)
    assert outcome.result.saved == expected.saved
    if not expected.saved:
        assert snapshot() == before


def test_existing_records_are_updated_by_the_normal_import(areas, tmp_path):
    household = HouseholdFactory(family_card_number=family(1)[0]["no_kk"], area=rt_in("21.72.03.1005", 6, 2))
    path = write_csv(tmp_path / "kk.csv", family(1) + family(2))
    outcome = bulk_import(path, filename="kk.csv")
    assert not outcome.fast and outcome.result.saved
    assert Household.objects.count() == 2
    assert household.members.count() == 3


def test_import_command_bulk_flag(areas, tmp_path):
    from gotong.registry.tests.test_import_support import run_import

    path = write_csv(tmp_path / "kk.csv", family(1) + [person(family(2)[0]["no_kk"], 99)])
    status, out, err = run_import(path, "--bulk")
    assert status == 0, err
    assert "KK baru: 2" in out and "Penduduk baru: 4" in out
