"""The period a health page measures: whole months ending with a chosen month (default: the last 12 months)."""

import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from gotong.core.dates import short_date

LENGTHS = (3, 6, 12, 24, 36)
DEFAULT_MONTHS = 12
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    start: datetime.date  # first day of the first month
    end: datetime.date  # last day of the last month (inclusive)
    months: int

    @classmethod
    def ending(cls, last_month: datetime.date, months: int) -> "Period":
        first = _add_months(last_month.replace(day=1), -(months - 1))
        end = _add_months(last_month.replace(day=1), 1) - datetime.timedelta(days=1)
        return cls(first, end, months)

    def previous(self) -> "Period":
        """The period of the same length just before this one: what the trend compares with."""
        return Period.ending(self.start - datetime.timedelta(days=1), self.months)

    def as_of(self, today: datetime.date) -> datetime.date:
        """The day a period's "already due" line is drawn: its end, or today while it is still running."""
        return min(today, self.end)

    def __str__(self) -> str:
        return f"{short_date(self.start)} – {short_date(self.end)}"

    @property
    def last_month_value(self) -> str:
        """For the month input's `value` attribute (not shown as text)."""
        return f"{self.end.year:04d}-{self.end.month:02d}"


def period_from(params, today: datetime.date) -> tuple[Period, str | None]:
    """The period named by `sampai` (YYYY-MM, the last month) and `bulan` (length); a bad value falls back to the
    default with an Indonesian message saying what was wrong."""
    months, error = DEFAULT_MONTHS, None
    raw_length = (params.get("bulan") or "").strip()
    if raw_length:
        if raw_length.isdigit() and int(raw_length) in LENGTHS:
            months = int(raw_length)
        else:
            error = _("Panjang periode harus salah satu dari %(choices)s bulan; dipakai 12 bulan.") % {
                "choices": ", ".join(str(n) for n in LENGTHS)
            }
    last_month = today.replace(day=1)
    raw_month = (params.get("sampai") or "").strip()
    if raw_month:
        match = _MONTH.match(raw_month)
        if match and 2000 <= int(match[1]) <= 2100 and 1 <= int(match[2]) <= 12:
            last_month = datetime.date(int(match[1]), int(match[2]), 1)
        else:
            error = _("Bulan akhir periode tidak dikenal; dipakai bulan ini.")
    if last_month > today.replace(day=1):
        last_month, error = today.replace(day=1), _("Periode tidak boleh melewati bulan ini; dipakai bulan ini.")
    return Period.ending(last_month, months), error
