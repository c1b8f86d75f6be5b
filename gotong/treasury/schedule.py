"""Loan repayment schedules as pure functions: whole rupiah, the rounding remainder on the last instalment.

The rate is taken as the lender states it, per month or per year; a yearly rate becomes a month's share (÷ 12,
Bank Indonesia's "30 hari/360 hari") only inside each interest computation, in exact decimal arithmetic, so no
rounded monthly rate (10 %/tahun ≠ 0,83 %/bulan) ever enters a schedule.

Two methods, as Indonesian lenders and savings-and-loan groups use them:
- flat ("bunga flat"): interest each month is the monthly rate on the original principal; the total interest
  P × r × n is rounded once (half up) and split evenly, the remainder going to the last instalment.
  Published example: OJK's literacy book "Mengenal Otoritas Jasa Keuangan", p. 114 ("Hidup Lebih Sejahtera
  Berkat Perusahaan Pembiayaan", "Ilustrasi Tabel Angsuran Pembiayaan"; read at
  https://fliphtml5.com/shto/omyt/Mengenal_Otoritas_Jasa_Keuangan/140): Rp12.000.000, 17 % per tahun flat,
  12 bulan → bunga Rp2.040.000, angsuran Rp1.170.000 per bulan.
- declining balance ("bunga menurun", "bunga efektif", sliding rate): equal principal parts; each month's interest
  is the monthly rate on the principal still outstanding at the start of that month, rounded half up to the rupiah.
  Published example: Bank Indonesia's consumer-education leaflet "Memahami Bunga Kredit", "Metode Efektif" (read
  at https://123dok.com/document/zxv8pkoy-produkhukum-bankindonesia.html): Rp24.000.000, 24 bulan, 10 % per
  tahun, pokok Rp1.000.000 per bulan → bunga bulan 1 Rp200.000, bulan 2 Rp23.000.000 × 10 % × 30/360 = Rp191.666,67.
In both, the principal P is split as P // n per instalment and the last one carries P − (n − 1)·(P // n).
"""

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

FLAT = "flat"
DECLINING = "menurun"
PER_MONTH = "bulan"
PER_YEAR = "tahun"
MONTHS_IN = {PER_MONTH: 1, PER_YEAR: 12}


@dataclass(frozen=True)
class ScheduleRow:
    number: int
    due_on: date
    principal: int
    interest: int
    balance_after: int  # principal still owed after this instalment

    @property
    def total(self) -> int:
        return self.principal + self.interest


def round_rupiah(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def add_months(start: date, months: int) -> date:
    """Same day of the month `months` later; the 31st falls back to the month's last day."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _split(total: int, parts: int) -> list[int]:
    base = total // parts
    return [base] * (parts - 1) + [total - base * (parts - 1)]


def monthly_interest(amount: int, rate_percent: Decimal, rate_period: str, months: int = 1) -> Decimal:
    """Exact interest on `amount` for `months` months at the stated rate, not yet rounded.

    Multiplies before it divides: 24.000.000 × 10 / (100 × 12) is exactly 200.000, where a rate first rounded to
    0,83 %/bulan gives 199.200.
    """
    if rate_period not in MONTHS_IN:
        raise ValueError(f"unknown rate period {rate_period!r}")
    return Decimal(amount) * Decimal(rate_percent) * months / (100 * MONTHS_IN[rate_period])


def build_schedule(
    principal: int,
    rate_percent: Decimal,
    term_months: int,
    method: str,
    first_due_on: date,
    *,
    rate_period: str = PER_MONTH,
) -> list[ScheduleRow]:
    if principal <= 0 or term_months <= 0:
        raise ValueError("principal and term must be positive")
    if Decimal(rate_percent) < 0:
        raise ValueError("rate must not be negative")
    principals = _split(principal, term_months)
    if method == FLAT:
        interests = _split(
            round_rupiah(monthly_interest(principal, rate_percent, rate_period, term_months)), term_months
        )
    elif method == DECLINING:
        interests, outstanding = [], principal
        for part in principals:
            interests.append(round_rupiah(monthly_interest(outstanding, rate_percent, rate_period)))
            outstanding -= part
    else:
        raise ValueError(f"unknown method {method!r}")
    rows, outstanding = [], principal
    for index, (part, interest) in enumerate(zip(principals, interests, strict=True)):
        outstanding -= part
        rows.append(ScheduleRow(index + 1, add_months(first_due_on, index), part, interest, outstanding))
    return rows


@dataclass(frozen=True)
class Due:
    """What one instalment still asks for."""

    key: object
    interest: int
    principal: int


def allocate(amount: int, dues: list[Due]) -> list[tuple[object, int, int]]:
    """Spread a payment over instalments oldest first, each one's interest before its principal.

    Returns (key, interest_part, principal_part) for every instalment that receives something. A payment larger
    than everything owed is the caller's error to report; here it raises ValueError.
    """
    if amount <= 0:
        raise ValueError("amount must be positive")
    if amount > sum(d.interest + d.principal for d in dues):
        raise ValueError("amount exceeds what is owed")
    parts, left = [], amount
    for due in dues:
        if left == 0:
            break
        interest = min(left, due.interest)
        left -= interest
        principal = min(left, due.principal)
        left -= principal
        if interest or principal:
            parts.append((due.key, interest, principal))
    return parts
