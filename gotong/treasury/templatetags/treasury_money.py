"""`{{ amount|rp }}`: whole rupiah with the Indonesian thousands separator ("Rp 1.500.000")."""

from django import template

register = template.Library()


@register.filter
def rp(amount) -> str:
    if amount is None or amount == "":
        return "—"
    amount = int(amount)
    sign = "−" if amount < 0 else ""
    return f"{sign}Rp " + f"{abs(amount):,}".replace(",", ".")


@register.filter
def get_item(mapping, key):
    return mapping.get(key, 0)
