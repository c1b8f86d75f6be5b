"""Small helpers the treasury services share."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _


def clean_key(key) -> str:
    key = str(key or "").strip()
    if not key:
        raise ValidationError(_("Formulir kedaluwarsa: kunci pengiriman tidak ada. Muat ulang halaman."))
    if len(key) > 80:
        raise ValidationError(_("Kunci pengiriman terlalu panjang."))
    return key


def check_amount(amount, field="amount") -> int:
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise ValidationError({field: _("Jumlah harus bilangan bulat rupiah.")})
    if amount <= 0:
        raise ValidationError({field: _("Jumlah harus lebih dari nol.")})
    return amount


def check_not_future(day, field) -> None:
    if day is None:
        raise ValidationError({field: _("Tanggal wajib diisi.")})
    if day > timezone.localdate():
        raise ValidationError({field: _("Tanggal tidak boleh di masa depan.")})
