"""The pre-aggregated tallies equal the live registry counts after every kind of change."""

import datetime

import pytest
from django.core.management import call_command
from django.db.models.functions import ExtractYear

from gotong.dashboards import aggregates
from gotong.dashboards.figures import registry
from gotong.dashboards.models import AreaBirths, AreaTally
from gotong.registry.models import Household, Person
from gotong.registry.services import save_household, save_person
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from gotong.registry.tests.test_import_support import family, run_import, write_csv

pytestmark = pytest.mark.django_db

BUGIS = "21.72.03.1005"


def assert_exact():
    assert aggregates.differences() == []


def test_tallies_follow_creates_edits_moves_deletes_and_imports(areas, city_officer, tmp_path):
    rt1, rt2 = rt_in(BUGIS, 6, 1), rt_in(BUGIS, 6, 2)
    home = HouseholdFactory(area=rt1, welfare_decile=1, pkh_recipient=True)
    PersonFactory(household=home, sex="P", birth_date=datetime.date(1980, 1, 1))
    child = PersonFactory(household=home, relationship="anak", birth_date=datetime.date(2015, 5, 5), disability="fisik")
    other = HouseholdFactory(area=rt2, welfare_decile=None)
    assert_exact()
    assert AreaBirths.objects.get(area_code=rt1.code).birth_years == {"1980": 1, "2015": 1}

    home.welfare_decile, home.bpnt_recipient = 7, True  # an edit
    save_household(home, acting_user=city_officer)
    assert_exact()
    home.area = rt2  # the household moves RT: both RTs change, members follow
    save_household(home, acting_user=city_officer)
    assert_exact()
    assert not AreaTally.objects.filter(area_code=rt1.code).exists()
    assert AreaTally.objects.get(area_code=rt2.code).persons == 2

    child.household = other  # a person moves to another family card
    child.relationship = "kepala"
    save_person(child, acting_user=city_officer)
    assert_exact()
    child.delete()
    other.delete()
    assert_exact()

    status, _out, err = run_import(write_csv(tmp_path / "kk.csv", family(1) + family(2)))
    assert status == 0, err
    assert_exact()

    # A bulk writer bypasses save(): it refreshes the codes it touched itself (the h_bench contract).
    far = rt_in(BUGIS, 7, 3)
    bulk = Household.objects.create(family_card_number="2172031506199999", address="Jl. X", area=far)
    Household.objects.filter(pk=bulk.pk).update(welfare_decile=4, pkh_recipient=True)
    assert aggregates.differences() != []
    assert aggregates.refresh_areas([far.code, None]) == 1
    assert_exact()


def test_rebuild_and_check_commands(areas, capsys):
    PersonFactory(household=HouseholdFactory(area=rt_in(BUGIS, 1, 1)))
    AreaTally.objects.update(persons=99)
    with pytest.raises(Exception, match="selisih"):
        call_command("dashboards", "check")
    call_command("dashboards", "rebuild")
    call_command("dashboards", "check")
    assert "cocok" in capsys.readouterr().out


def test_dashboard_counts_come_from_tallies_within_scope(areas, facilitator, city_officer, today_fixed):
    mine = HouseholdFactory(area=rt_in(BUGIS, 6, 2), welfare_decile=3, pkh_recipient=True)
    PersonFactory(household=mine)
    PersonFactory(household=HouseholdFactory(area=rt_in("21.72.01.1001", 1, 1), welfare_decile=3))
    city = areas["21.72"]
    seen_by_facilitator = registry.figures(facilitator, city, today_fixed)
    assert (seen_by_facilitator["households"], seen_by_facilitator["persons"], seen_by_facilitator["pkh"]) == (1, 1, 1)
    assert seen_by_facilitator["deciles"][2]["count"] == 1
    seen_by_city = registry.figures(city_officer, city, today_fixed)
    assert (seen_by_city["households"], seen_by_city["persons"]) == (2, 2)
    assert seen_by_city["deciles"][2]["count"] == 2


@pytest.fixture
def today_fixed():
    return datetime.date(2026, 3, 20)


def test_adults_are_exact_from_this_years_columns_and_from_older_rows(areas, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: datetime.date(2026, 3, 20))
    home = HouseholdFactory(area=rt_in(BUGIS, 2, 2))
    for born in (
        datetime.date(2000, 1, 1),
        datetime.date(2009, 3, 20),
        datetime.date(2009, 3, 21),
        datetime.date(2012, 1, 1),
    ):
        PersonFactory(household=home, birth_date=born, relationship="anak")
    tallies = AreaTally.objects.in_area(BUGIS)
    assert tallies.get().adult_year == 2009
    assert aggregates.adults(tallies, datetime.date(2009, 3, 20)) == 2
    tallies.update(adult_year=2008)  # counted last year, before the yearly rebuild
    assert aggregates.adults(tallies, datetime.date(2009, 3, 20)) == 2
    assert aggregates.adults(tallies, datetime.date(2010, 1, 1)) == 3


def test_birth_year_reads_what_extract_year_reads(areas):
    household = HouseholdFactory()
    for day in (datetime.date(1900, 1, 1), datetime.date(1969, 12, 31), datetime.date(2000, 2, 29)):
        PersonFactory(household=household, birth_date=day, relationship="anak")  # one head per household at most
    years = Person.objects.annotate(fast=aggregates.BirthYear("birth_date"), plain=ExtractYear("birth_date"))
    assert sorted(years.values_list("fast", "plain")) == [(1900, 1900), (1969, 1969), (2000, 2000)]
