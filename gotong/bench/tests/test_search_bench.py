"""`gotong bench search` times the searches a user types and counts what each page showed, so a fast answer that
found nothing by mistake is visible; result files are named after the database's place and size."""

import datetime

import pytest

from gotong.bench.report import _search
from gotong.bench.results import scale_tag
from gotong.bench.search import measure
from gotong.dashboards import aggregates
from gotong.organizations.choices import OrganizationKind
from gotong.organizations.models import Organization
from gotong.posyandu.models import Child
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

BUGIS = "21.72.03.1005"


@pytest.mark.django_db
def test_each_search_is_timed_and_its_results_counted(areas):
    posyandu = Organization.objects.create(name="Posyandu Kenanga", kind=OrganizationKind.POSYANDU, area=areas[BUGIS])
    born = datetime.date(2024, 6, 1)
    for n in range(3):
        household = HouseholdFactory(area=rt_in(BUGIS, 1, 1 + n), address=f"Jl. Melati {n + 1}")
        PersonFactory(household=household, name=f"Siti Aminah {n}")
        child = PersonFactory(household=household, name=f"Siti Kecil {n}", relationship="anak", birth_date=born)
        Child.objects.create(posyandu=posyandu, person=child, registered_on=born)
    aggregates.rebuild()

    result = measure(runs=1, city="21.72")

    rows = {(row["page"], row["case"]): row for row in result["rows"]}
    assert all(row["status"] == 200 for row in rows.values())
    assert rows["household list", "first name"]["rows_shown"] == 3
    assert rows["household list", "address"]["rows_shown"] == 3
    assert rows["household list", "nobody"]["rows_shown"] == 0
    assert rows["under-fives list", "first name"]["rows_shown"] == 3
    assert rows["person picker", "full name"]["rows_shown"] == 3  # the three mothers, not their children
    assert rows["person picker", "NIK prefix"]["rows_shown"] >= 1
    assert rows["household list", "KK prefix"]["rows_shown"] >= 1
    table = _search("search-sqlite", {"database": "sqlite", **result})
    assert "| person picker | nobody | Zzyzx |" in table
    assert scale_tag() == "21.72-0k"  # 9 persons: a test city, named so it overwrites no reference result
