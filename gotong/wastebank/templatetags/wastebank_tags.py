from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def kg(grams) -> str:
    """Grams shown as kilograms the Indonesian way: 2350 → 2,35 (1.234,5 for a tonne and more)."""
    if grams in (None, ""):
        return ""
    value = Decimal(int(grams)) / 1000
    places = 3 if value != value.quantize(Decimal("0.01")) else 2
    return number_format(value, decimal_pos=places, force_grouping=True)


@register.filter
def credit(amount) -> int:
    """The credit side of a signed ledger amount (negative = credit)."""
    return -int(amount) if amount and int(amount) < 0 else 0
