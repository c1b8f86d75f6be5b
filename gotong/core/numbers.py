"""Numbers inside sentences (messages, PDF text) as the reader's language writes them: "18,92" in Indonesian.

Templates localize numbers themselves; text built in Python with `%s` would print Python's "18.92".
"""

from decimal import Decimal

from django.utils import formats


def decimal_text(value: float | Decimal | int | None, places: int | None = None, *, empty: str = "") -> str:
    """`value` with the active language's decimal and thousands separators; `places` fixes the decimals.

    Without `places` a whole number shows no decimals and trailing zeros are dropped ("3,2", not "3,20").
    """
    if value is None:
        return empty
    if places is None:
        value = Decimal(str(value)).normalize()
        places = max(0, -value.as_tuple().exponent)
    return formats.number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)
