"""Decimal numbers as Indonesians type and read them: "3,2" ha, "12,5" kg, "1.250,5" m.

Typed numbers are read by `parse_decimal` and shown back in inputs by `format_decimal`; numbers inside
sentences (messages, PDF text) are written by `decimal_text`, since `%s` of a Decimal would print "18.92".

Every decimal input (web forms through `StyledFormMixin`, the field app's JSON, commands) is parsed here, so
"3,2" is 3.2 everywhere and never 32. The rules, whatever the interface language:

- the comma is the decimal separator: "3,2" → 3.2;
- a dot followed by exactly three digits, in groups, is a thousands separator (PUEBI): "1.250" → 1250,
  "1.250,5" → 1250.5, "1.250.000" → 1250000; this is what an Indonesian types and what rupiah look like.
  Not where the value may carry three or more decimals (coordinates, kg to the gram: `thousands=False`,
  which forms choose by the field's `decimal_places`): there "104.449" is 104.449 and "1.250" kg is 1.25;
- a single dot followed by other than three digits is read as a decimal point, because phones with an
  English keypad and people used to spreadsheets type "3.2": "3.2" → 3.2, "12.75" → 12.75;
- spaces (also the narrow no-break space some keyboards insert) are ignored, a leading minus or the
  typographic minus "−" makes the number negative; anything else (letters, two commas, "1.25.0") is an error
  that says what is expected.

Whole rupiah amounts have their own parser (`gotong.core.money.parse_rupiah`): no sen, so no comma at all.
"""

import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _

_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_GROUPED = re.compile(r"^[1-9]\d{0,2}(?:\.\d{3})+$")  # 1.250 or 1.250.000 (never 0.941)
_PLAIN = re.compile(r"^\d*$")


def example_message(example: str = "3,2") -> str:
    return _("Tulis angka, mis. %(example)s.") % {"example": example}


def parse_decimal(text, *, example: str = "3,2", thousands: bool = True) -> Decimal:
    """The number in `text` by the rules above; ValidationError (code "invalid") in Indonesian otherwise.

    `thousands=False` where three decimals after a dot are a plausible precision (coordinates "104.449", grams
    "1.250" kg): there a dot is always a decimal point and "1.250" is 1.25."""
    if isinstance(text, Decimal):
        return text
    if isinstance(text, bool):
        raise ValidationError(example_message(example), code="invalid")
    if isinstance(text, int):
        return Decimal(text)
    if isinstance(text, float):
        return Decimal(str(text))
    value = _SPACES.sub("", str(text)).replace("−", "-")
    sign = ""
    if value[:1] in ("-", "+"):
        sign, value = ("-" if value[0] == "-" else ""), value[1:]
    if value.count(",") > 1:
        raise ValidationError(example_message(example), code="invalid")
    whole, _comma, fraction = value.partition(",")
    if _comma and not _PLAIN.match(fraction):
        raise ValidationError(example_message(example), code="invalid")
    if "." in whole:
        if thousands and _GROUPED.match(whole):
            whole = whole.replace(".", "")
        elif not _comma and whole.count(".") == 1:
            whole, fraction = whole.split(".")  # "3.2": a decimal point, see the module docstring
            _comma = "."
        else:
            raise ValidationError(example_message(example), code="invalid")
    if not _PLAIN.match(whole) or not _PLAIN.match(fraction) or not (whole or fraction):
        raise ValidationError(example_message(example), code="invalid")
    try:
        number = Decimal(f"{sign}{whole or '0'}.{fraction}" if fraction else f"{sign}{whole}")
    except InvalidOperation:
        raise ValidationError(example_message(example), code="invalid") from None
    return number


def format_decimal(value, *, language: str | None = None) -> str:
    """A number as the form shows it back: "3,2" in Indonesian, "3.2" in English; no thousands separator, so
    what is shown can be submitted again unchanged."""
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        value = Decimal(str(value))
    text = format(value, "f") if isinstance(value, Decimal) else str(value)
    if (language or get_language() or "id").startswith("id"):
        text = text.replace(".", ",")
    return text


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
