"""`gotong bench dashboards` measures every page and names the slow block of a slow page."""

import pytest

from gotong.dashboards.benchmark import measure
from gotong.dashboards.figures import SECTIONS

pytestmark = pytest.mark.django_db


def test_measure_times_each_page_and_each_block_and_leaves_nothing_behind(town):
    from gotong.accounts.models import User

    users = User.objects.count()
    rows = measure(runs=1)
    pages = [row for row in rows if "url" in row]
    assert [row["view"] for row in pages if not row["view"].startswith("list › ")] == [
        "city dashboard",
        "village profile",
        "city map data",
        "home page",
        "portal city page",
    ]
    assert all(row["status"] == 200 and row["persons"] == 7 for row in pages)
    blocks = {row["view"] for row in rows if "url" not in row}
    assert {f"city dashboard › {name}" for name, _build in SECTIONS} <= blocks
    assert "portal city page › posyandu_participation" in blocks
    lists = {row["view"]: row for row in pages if row["view"].startswith("list › ")}
    assert "list › registry:household-list" in lists and "list › casework:list" in lists
    assert all(row["status"] == 200 for row in lists.values())
    assert User.objects.count() == users  # the measuring officer was rolled back


def test_a_province_with_several_cities_is_measured_as_a_whole_too(town):
    """After `gotong bench generate --province`, a provincial officer's dashboard and its blocks are timed."""
    from gotong.areas.loading import load_areas
    from gotong.areas.models import Area
    from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

    load_areas(["21.01"])
    village = Area.objects.filter(level=4, code__startswith="21.01.").order_by("code").first()
    PersonFactory(household=HouseholdFactory(area=rt_in(village.code, 1, 1)))
    rows = measure(runs=1)
    province = next(row for row in rows if row["view"] == "province dashboard")
    assert province["url"] == "/dasbor/21/" and province["status"] == 200 and province["persons"] == 8
    assert {f"province dashboard › {name}" for name, _build in SECTIONS} <= {row["view"] for row in rows}
