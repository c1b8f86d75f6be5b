"""Community treasuries this year: cash-book income and spending (aid in kind apart), savers and loans.

Read through the treasury's own scoped querysets (bookkeepers and covering area workers); cancelled entries
(reversed in the ledger) do not count.
"""

from django.db.models import Count, Q, Sum

from gotong.core.scoping import area_code_filter
from gotong.dashboards.figures.links import list_url
from gotong.treasury.models import CashEntry, Direction, Loan, Member


def figures(user, area, today) -> dict | None:
    in_area = area_code_filter([area.code])
    entries = CashEntry.objects.visible_to(user).filter(in_area, occurred_on__year=today.year, reversal__isnull=True)
    sums = entries.aggregate(
        income=Sum("amount", filter=Q(direction=Direction.INCOME)),
        expense=Sum("amount", filter=Q(direction=Direction.EXPENSE)),
        in_kind=Sum("amount", filter=Q(direction=Direction.INCOME, in_kind=True)),
        treasuries=Count("organization", distinct=True),
    )
    members = Member.objects.visible_to(user).filter(in_area).count()
    loans = Loan.objects.visible_to(user).filter(in_area).aggregate(n=Count("pk"), principal=Sum("principal"))
    if not sums["treasuries"] and not members and not loans["n"]:
        return None
    return {
        "year": today.year,
        "treasuries": sums["treasuries"],
        "income": sums["income"] or 0,
        "expense": sums["expense"] or 0,
        "in_kind": sums["in_kind"] or 0,
        "members": members,
        "loans": loans["n"],
        "loan_principal": loans["principal"] or 0,
        "url": list_url("treasury:home", area),
    }
