"""`gotong bench pages` reaches the deep page it claims by cursor, and its report row reads as ratios of page 1."""

import datetime

import pytest

from gotong.bench.pages import measure
from gotong.bench.report import _pages
from gotong.organizations.choices import OrganizationKind
from gotong.organizations.models import Organization
from gotong.posyandu.models import Child
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

BUGIS = "21.72.03.1005"


@pytest.mark.django_db
def test_deep_pages_land_on_the_row_after_the_cursor(areas, settings):
    settings.GOTONG_PAGE_SIZE = 2
    posyandu = Organization.objects.create(name="Posyandu Kenanga", kind=OrganizationKind.POSYANDU, area=areas[BUGIS])
    born = datetime.date(2024, 6, 1)
    for n in range(26):  # 52 persons: past the API's first page of 50
        household = HouseholdFactory(area=rt_in(BUGIS, 1, 1 + n % 3))
        PersonFactory(household=household)
        child = PersonFactory(household=household, relationship="anak", birth_date=born)
        if n < 5:
            Child.objects.create(posyandu=posyandu, person=child, registered_on=born)
    result = measure(pages=3, runs=1, city="21.72")
    rows = {row["list"]: row for row in result["rows"]}
    assert set(rows) == {"household list", "under-fives list", "API persons"}
    for row in rows.values():
        assert row["statuses"] == [200, 200, 200] and row["cursor_lands_on_row"], row["list"]
    assert rows["household list"]["page"] == 3 and rows["API persons"]["page"] == 2
    table = _pages("pages-sqlite", {"database": "sqlite", **result})
    assert "| household list | 26 | 2 | 3 |" in table
