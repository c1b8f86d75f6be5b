"""Read-only views of a treasury: cash position, totals by category per month, and the public totals."""

from collections import defaultdict
from datetime import date

from django.db.models import Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from gotong.ledger import services as ledger
from gotong.ledger.models import Account, AccountKind
from gotong.treasury.models import CashEntry, Direction, Loan, Member
from gotong.treasury.services.books import CASH, GOODS

# Counts below this are not shown publicly, as on the rest of the public portal.
SMALL_COUNT = 5


def _balance_of(organization, code) -> int:
    account = Account.objects.filter(book__organization=organization, code=code).first()
    return ledger.balance(account) if account else 0


def cash_position(organization) -> dict[str, int]:
    """What the treasury holds and owes today, every figure from the ledger."""
    accounts = Account.objects.filter(book__organization=organization)
    savings = sum(a.balance for a in accounts.filter(code__startswith="SIMP-", kind=AccountKind.LIABILITY))
    loans = sum(a.balance for a in accounts.filter(code__startswith="PINJ-", kind=AccountKind.ASSET))
    return {
        "cash": _balance_of(organization, CASH),
        "goods": _balance_of(organization, GOODS),
        "savings": savings,
        "loans_outstanding": loans,
    }


def monthly_totals(organization, *, start: date, end: date) -> dict:
    """Cash-book totals per category per month between `start` and `end` (inclusive)."""
    rows = (
        CashEntry.objects.filter(organization=organization, occurred_on__range=(start, end), reversal__isnull=True)
        .annotate(month=TruncMonth("occurred_on"))
        .values("month", "category__name", "direction")
        .annotate(total=Sum("amount"))
        .order_by("month")
    )
    months: list[date] = []
    day = date(start.year, start.month, 1)
    while day <= end:
        months.append(day)
        day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    table: dict[tuple[str, str], dict[date, int]] = defaultdict(dict)
    for row in rows:
        month = row["month"].date() if hasattr(row["month"], "date") else row["month"]
        table[(row["direction"], row["category__name"])][month] = row["total"]
    categories = []
    for (direction, name), values in sorted(table.items()):
        categories.append(
            {
                "direction": direction,
                "name": name,
                "values": [values.get(m, 0) for m in months],
                "total": sum(values.values()),
            }
        )
    income = [sum(c["values"][i] for c in categories if c["direction"] == Direction.INCOME) for i in range(len(months))]
    expense = [
        sum(c["values"][i] for c in categories if c["direction"] == Direction.EXPENSE) for i in range(len(months))
    ]
    return {"months": months, "categories": categories, "income": income, "expense": expense}


def last_twelve_months(today: date | None = None) -> tuple[date, date]:
    today = today or timezone.localdate()
    start = date(today.year - 1 + (today.month == 12), today.month % 12 + 1, 1)
    return start, today


def public_summary(organization, *, today: date | None = None) -> dict:
    """Totals only, for the public portal and partners: no names, no single loans, small counts hidden."""
    start, end = last_twelve_months(today)
    entries = CashEntry.objects.filter(
        organization=organization, occurred_on__range=(start, end), reversal__isnull=True
    )
    by_category = list(
        entries.values("direction", "category__name")
        .annotate(total=Sum("amount"))
        .order_by("direction", "category__name")
    )
    in_kind = entries.filter(in_kind=True, direction=Direction.INCOME).aggregate(t=Sum("amount"))["t"] or 0
    members = Member.objects.filter(organization=organization).count()
    loans = Loan.objects.filter(organization=organization).count()
    return {
        "organization": organization.name,
        "period_start": start,
        "period_end": end,
        "income_total": sum(r["total"] for r in by_category if r["direction"] == Direction.INCOME),
        "expense_total": sum(r["total"] for r in by_category if r["direction"] == Direction.EXPENSE),
        "in_kind_income_total": in_kind,
        "by_category": [
            {"direction": r["direction"], "category": r["category__name"], "total": r["total"]} for r in by_category
        ],
        "position": cash_position(organization),
        "member_count": members if members >= SMALL_COUNT else None,
        "loan_count": loans if loans >= SMALL_COUNT else None,
    }
