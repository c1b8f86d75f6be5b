"""The synthetic city: deterministic, valid numbers, exact counts, and usable by the normal code afterwards."""

import pytest

from gotong.bench.synthetic.population import generate_population
from gotong.bench.synthetic.store import generate_city
from gotong.core.distribution_check import province_mismatches
from gotong.registry.models import Dwelling, Household, Person
from gotong.registry.nik import check_nik
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory

pytestmark = pytest.mark.django_db
CITY = "21.72"


def rows(seed: int, persons: int = 400):
    return [
        (h.family_card_number, h.village.code, h.rw, h.rt, h.welfare_decile, h.address,
         [(m.nik, m.name, m.sex, m.birth_date, m.relationship) for m in h.members])
        for h in generate_population(persons, seed=seed, city_code=CITY)
    ]  # fmt: skip


def test_same_seed_same_rows_other_seed_other_rows(areas):
    first = rows(7)
    assert rows(7) == first
    assert rows(8) != first
    assert sum(len(h[-1]) for h in first) == 400


def test_generated_city_is_valid_and_counted(areas):
    result = generate_city(600, seed=3, city_code=CITY)
    assert (result.persons, Person.objects.count()) == (600, 600)
    assert Household.objects.count() == result.households
    assert Dwelling.objects.count() == result.dwellings > 0
    assert all(check_nik(nik).valid for nik in Person.objects.values_list("nik", flat=True))
    # Every household has exactly one head and sits in an RT of the city, with the members' codes matching.
    assert Person.objects.filter(relationship="kepala").count() == result.households
    assert not Household.objects.exclude(area_code__startswith=f"{CITY}.").exists()
    assert not Household.objects.exclude(area__level=6).exists()
    assert all(p.area_code == p.household.area_code for p in Person.objects.select_related("household")[:200])
    # Citus's distribution column, written by COPY with the rows: every table agrees with its derivation.
    assert province_mismatches() == []
    assert set(Dwelling.objects.values_list("province_code", flat=True).distinct()) == {"21"}
    # Villages are spread: not everything in one place.
    assert Household.objects.values("area_code").distinct().count() > 10
    # Ordinary saves still work after explicit ids.
    PersonFactory(household=HouseholdFactory())


def test_unknown_city_is_a_clear_error(areas):
    with pytest.raises(ValueError, match="areas load"):
        generate_city(10, seed=1, city_code="99.99")


def test_a_province_grows_around_the_cities_already_generated(areas):
    """Persons go to the province's regencies in proportion to their villages; a generated city keeps its own."""
    from gotong.areas.loading import load_areas
    from gotong.bench.synthetic.province import generate_province, province_shares

    load_areas(["21.01"])  # Kabupaten Bintan (51 villages) beside Kota Tanjungpinang (18)
    assert province_shares("21", 690) == ([("21.01", 510), ("21.72", 180)], [])
    assert sum(share for _code, share in province_shares("21", 1001)[0]) == 1001
    generate_city(300, seed=3, city_code=CITY, modules=False)
    result = generate_province(400, seed=3, province_code="21", modules=False)
    assert result.skipped == [CITY]
    assert [code for code, _city in result.cities] == ["21.01"]
    assert Person.objects.filter(area_code__startswith="21.01.").count() == result.total("persons") == 400
    assert Person.objects.filter(area_code__startswith=f"{CITY}.").count() == 300
    assert all(check_nik(nik).valid for nik in Person.objects.values_list("nik", flat=True))
    with pytest.raises(ValueError, match="areas load"):
        province_shares("99", 10)
