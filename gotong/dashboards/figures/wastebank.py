"""Waste collected this year by the waste banks of the area: kilograms deposited by members, by category."""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Sum

from gotong.core.scoping import area_code_filter
from gotong.dashboards.figures.links import list_url
from gotong.wastebank.models import Deposit, DepositLine, WasteBank


def figures(user, area, today) -> dict | None:
    in_area = area_code_filter([area.code])
    banks = list(WasteBank.objects.visible_to(user).filter(in_area).values_list("pk", flat=True))
    if not banks:
        return None
    deposits = Deposit.objects.visible_to(user).filter(in_area, cancellation__isnull=True, occurred_on__year=today.year)
    # Several banks may name a category alike ("Plastik"): their kilograms add up under one name.
    rows = (
        DepositLine.objects.filter(deposit__in=deposits)
        .values_list("category__name")
        .annotate(grams=Sum("grams"))
        .order_by("-grams")
    )
    categories = [{"name": name, "kg": _kg(grams)} for name, grams in rows]
    total_grams = sum(grams for _name, grams in rows)
    url = list_url("wastebank:bank", area, banks[0]) if len(banks) == 1 else list_url("wastebank:home", area)
    return {
        "year": today.year,
        "banks": len(banks),
        "deposits": deposits.count(),
        "kg": _kg(total_grams),
        "categories": categories,
        "url": url,
    }


def _kg(grams: int) -> Decimal:
    return (Decimal(grams) / 1000).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
