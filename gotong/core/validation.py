"""Rules every module's services apply the same way, with one message each."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.core.dates import short_date


def not_in_future(day: datetime.date | None, field: str, *, label: str | None = None, today=None) -> None:
    """A date of something that already happened (a weighing, a deposit, a visit) cannot lie after today."""
    if day is None:
        return
    if day > (today or timezone.localdate()):
        message = (
            _("%(label)s tidak boleh di masa depan.") % {"label": label}
            if label
            else _("Tanggal tidak boleh di masa depan.")
        )
        raise ValidationError({field: message}, code="future_date")


def already_held(day: datetime.date, field: str, *, today=None) -> None:
    """Attendance is recorded on or after the day something is held: a list for a day still to come is a guess."""
    if day > (today or timezone.localdate()):
        message = _("Kehadiran baru bisa dicatat pada atau setelah hari kegiatan (%(day)s).") % {"day": short_date(day)}
        raise ValidationError({field: message}, code="not_held_yet")


def whole_rupiah(value, field: str, *, allow_zero: bool = False) -> None:
    """Money is whole rupiah (no sen), above zero unless zero is allowed."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0 or (value == 0 and not allow_zero):
        message = (
            _("Jumlah harus rupiah bulat, nol atau lebih.")
            if allow_zero
            else _("Jumlah harus rupiah bulat lebih dari nol.")
        )
        raise ValidationError({field: message}, code="whole_rupiah")
