"""Rupiah as Indonesians write and type it: "Rp1.250.000" (PUEBI: no space, dots between thousands, no sen).

Every module formats and parses money through here so a passbook, a loan card and a project budget agree.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# What people type into a rupiah box: "150000", "150.000", "Rp 150.000", "Rp150.000".
_TYPED = re.compile(r"^\s*(?:rp\.?\s*)?(\d{1,3}(?:\.\d{3})+|\d+)\s*$", re.IGNORECASE)


def format_rupiah(amount, *, empty: str = "—") -> str:
    """Whole rupiah with the Indonesian thousands separator; negative amounts get a minus sign in front."""
    if amount is None or amount == "":
        return empty
    amount = int(amount)
    sign = "−" if amount < 0 else ""
    return f"{sign}Rp" + f"{abs(amount):,}".replace(",", ".")


def parse_rupiah(text: str) -> int:
    """The whole-rupiah amount in `text`; ValidationError (in Indonesian) for sen, decimals or letters."""
    match = _TYPED.match(str(text))
    if match is None:
        if "," in str(text):
            raise ValidationError(_("Rupiah tanpa sen: hapus angka di belakang koma."), code="invalid")
        raise ValidationError(_("Tulis jumlah rupiah bulat, mis. 150000 atau 150.000."), code="invalid")
    return int(match.group(1).replace(".", ""))
