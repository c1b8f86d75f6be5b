"""`{{ amount|rupiah }}`: whole rupiah with the Indonesian thousands separator, e.g. "Rp 19.762.620.000"."""

from django import template

register = template.Library()


def format_rupiah(amount) -> str:
    if amount is None or amount == "":
        return "—"
    return "Rp " + f"{int(amount):,}".replace(",", ".")


register.filter("rupiah", format_rupiah)
