"""Waste collected this year by the waste banks of the area: kilograms deposited by members, by category.

Read from the yearly category tallies and the monthly bank tallies (`gotong.wastebank.tallies`), which equal the
live deposits exactly: the cost does not grow with the number of deposits.
"""

from decimal import ROUND_HALF_UP, Decimal

from gotong.core.scoping import area_code_filter
from gotong.dashboards.figures.links import list_url
from gotong.wastebank import tallies
from gotong.wastebank.models import WasteBank


def figures(user, area, today) -> dict | None:
    in_area = area_code_filter([area.code])
    banks = WasteBank.objects.visible_to(user).filter(in_area)
    # Two ids tell "one bank" from "several"; the count reads the scoped banks, the tallies their own scoped rows
    # (the same banks), not a list of a province's thousands of ids.
    first_two = list(banks.order_by("pk").values_list("pk", flat=True)[:2])
    if not first_two:
        return None
    year = tallies.year_figures(user, area.code, today.year)
    one = len(first_two) == 1
    url = list_url("wastebank:bank", area, first_two[0]) if one else list_url("wastebank:home", area)
    return {
        "year": today.year,
        "banks": 1 if one else banks.count(),
        "deposits": year["deposits"],
        "kg": _kg(year["grams"]),
        "categories": [{"name": name, "kg": _kg(grams)} for name, grams in year["categories"]],
        "url": url,
    }


def _kg(grams: int) -> Decimal:
    return (Decimal(grams) / 1000).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
