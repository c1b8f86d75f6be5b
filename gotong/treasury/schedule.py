"""Loan repayment schedules as pure functions: whole rupiah, the rounding remainder on the last instalment.

Two methods, as Indonesian savings-and-loan groups use them:
- flat ("bunga flat"): interest each month is the monthly rate on the original principal; the total interest
  P × r × n is rounded once (half up) and split evenly, the remainder going to the last instalment.
- declining balance ("bunga menurun", sliding rate): equal principal parts; each month's interest is the monthly
  rate on the principal still outstanding at the start of that month, rounded half up to the rupiah.
In both, the principal P is split as P // n per instalment and the last one carries P − (n − 1)·(P // n).
"""

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

FLAT = "flat"
DECLINING = "menurun"


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


def build_schedule(
    principal: int, monthly_rate_percent: Decimal, term_months: int, method: str, first_due_on: date
) -> list[ScheduleRow]:
    if principal <= 0 or term_months <= 0:
        raise ValueError("principal and term must be positive")
    rate = Decimal(monthly_rate_percent) / 100
    if rate < 0:
        raise ValueError("rate must not be negative")
    principals = _split(principal, term_months)
    if method == FLAT:
        interests = _split(round_rupiah(principal * rate * term_months), term_months)
    elif method == DECLINING:
        interests, outstanding = [], principal
        for part in principals:
            interests.append(round_rupiah(outstanding * rate))
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
