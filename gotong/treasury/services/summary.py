"""Read-only views of a treasury: cash position, totals by category per month, and the public totals."""

from collections import defaultdict
from datetime import date

from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from gotong.ledger.models import Account, AccountKind
from gotong.treasury.models import CashEntry, Direction, Loan, Member
from gotong.treasury.services.books import CASH, GOODS

# Counts below this are not shown publicly, as on the rest of the public portal.
SMALL_COUNT = 5


def cash_position(organization) -> dict[str, int]:
    """What the treasury holds and owes today, every figure from the ledger."""
    return cash_positions([organization.pk])[organization.pk]


def cash_positions(organization_ids) -> dict[int, dict[str, int]]:
    """`cash_position` of many organisations in one query of their ledger accounts' cached balances."""
    positions = {pk: {"cash": 0, "goods": 0, "savings": 0, "loans_outstanding": 0} for pk in organization_ids}
    seen = set()
    accounts = Account.objects.filter(book__organization__in=list(positions)).order_by("book", "code")
    for org_id, code, kind, balance in accounts.values_list("book__organization_id", "code", "kind", "balance"):
        position = positions[org_id]
        if code in (CASH, GOODS) and (org_id, code) not in seen:  # the first book's, as before there were many
            seen.add((org_id, code))
            position["cash" if code == CASH else "goods"] = balance
        elif code.startswith("SIMP-") and kind == AccountKind.LIABILITY:
            position["savings"] += balance
        elif code.startswith("PINJ-") and kind == AccountKind.ASSET:
            position["loans_outstanding"] += balance
    return positions


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
    return public_summaries([organization], today=today)[organization.pk]


def public_summaries(organizations, *, today: date | None = None) -> dict[int, dict]:
    """`public_summary` of many organisations (a city's treasuries on the portal) in five grouped queries."""
    start, end = last_twelve_months(today)
    names = {org.pk: org.name for org in organizations}
    entries = CashEntry.objects.filter(organization__in=list(names), occurred_on__range=(start, end),
                                       reversal__isnull=True)  # fmt: skip
    by_category = defaultdict(list)
    for row in (
        entries.values("organization", "direction", "category__name")
        .annotate(total=Sum("amount"))
        .order_by("organization", "direction", "category__name")
    ):
        by_category[row["organization"]].append(row)
    in_kind = _counted(entries.filter(in_kind=True, direction=Direction.INCOME), Sum("amount"))
    members = _counted(Member.objects.filter(organization__in=list(names)), Count("pk"))
    loans = _counted(Loan.objects.filter(organization__in=list(names)), Count("pk"))
    positions = cash_positions(list(names))
    result = {}
    for pk, name in names.items():
        rows = by_category[pk]
        result[pk] = {
            "organization": name,
            "period_start": start,
            "period_end": end,
            "income_total": sum(r["total"] for r in rows if r["direction"] == Direction.INCOME),
            "expense_total": sum(r["total"] for r in rows if r["direction"] == Direction.EXPENSE),
            "in_kind_income_total": in_kind.get(pk, 0),
            "by_category": [
                {"direction": r["direction"], "category": r["category__name"], "total": r["total"]} for r in rows
            ],  # fmt: skip
            "position": positions[pk],
            "member_count": members.get(pk, 0) if members.get(pk, 0) >= SMALL_COUNT else None,
            "loan_count": loans.get(pk, 0) if loans.get(pk, 0) >= SMALL_COUNT else None,
        }
    return result


def _counted(queryset, aggregate) -> dict[int, int]:
    """organisation id → the aggregate over its rows (absent when it has none)."""
    rows = queryset.values("organization").order_by().annotate(value=aggregate)
    return {row["organization"]: row["value"] or 0 for row in rows}
