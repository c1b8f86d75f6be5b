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
    assert [row["view"] for row in pages] == [
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
    assert User.objects.count() == users  # the measuring officer was rolled back
