"""A bendahara's home: cash on hand, loans in arrears and the month whose cash book is to be closed."""

from gotong.core.home import Section
from gotong.organizations.models import Organization
from gotong.treasury import services
from gotong.treasury.access import bookkeeper_org_ids
from gotong.treasury.models import Loan


def section(user, today) -> Section | None:
    ids = bookkeeper_org_ids(user)
    if not ids:
        return None
    organizations = list(Organization.objects.filter(pk__in=ids).order_by("name"))
    positions = services.cash_positions([o.pk for o in organizations])
    month_start = today.replace(day=1)
    rows = []
    for organization in organizations:
        late = services.arrears(Loan.objects.filter(organization=organization), today=today)
        totals = services.monthly_totals(organization, start=month_start, end=today)
        rows.append(
            {
                "organization": organization,
                "position": positions[organization.pk],
                "late_loans": len({row.loan.pk for row in late}),
                "late_amount": sum(row.installment.remaining for row in late),
                "income": sum(totals["income"]),
                "expense": sum(totals["expense"]),
                # The oldest month not yet signed off, and the last one that was (its statements).
                "closing": services.closing_state(organization, today=today),
            }
        )
    return Section("treasurer.html", {"books": rows, "month": month_start})
