"""Waste collected this year by the waste banks of the area: kilograms deposited by members, by category.

Read from the monthly tallies (`gotong.wastebank.tallies`), which equal the live deposits exactly: the cost
does not grow with the number of deposits.
"""

from decimal import ROUND_HALF_UP, Decimal

from gotong.core.scoping import area_code_filter
from gotong.dashboards.figures.links import list_url
from gotong.wastebank import tallies
from gotong.wastebank.models import WasteBank


def figures(user, area, today) -> dict | None:
    in_area = area_code_filter([area.code])
    banks = list(WasteBank.objects.visible_to(user).filter(in_area).values_list("pk", flat=True))
    if not banks:
        return None
    year = tallies.year_figures(banks, today.year)
    url = list_url("wastebank:bank", area, banks[0]) if len(banks) == 1 else list_url("wastebank:home", area)
    return {
        "year": today.year,
        "banks": len(banks),
        "deposits": year["deposits"],
        "kg": _kg(year["grams"]),
        "categories": [{"name": name, "kg": _kg(grams)} for name, grams in year["categories"]],
        "url": url,
    }


def _kg(grams: int) -> Decimal:
    return (Decimal(grams) / 1000).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
