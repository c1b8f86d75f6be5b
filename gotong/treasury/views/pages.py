"""The treasury overview pages: the list of treasuries, one treasury's summary, and a member's own page."""

from django.shortcuts import render

from gotong.core.policy.routes import route
from gotong.treasury import services
from gotong.treasury.access import VIEW
from gotong.treasury.lists import treasury_rows
from gotong.treasury.models import Loan, Member
from gotong.treasury.services.summary import last_twelve_months
from gotong.treasury.views.common import org_context, organization_for, treasury_by_org_id


@route(VIEW)
def home(request):
    user = request.user
    rows = treasury_rows(user, request.GET)
    own = user.person_id and Member.objects.filter(person_id=user.person_id).exists()
    return render(request, "treasury/home.html", {"rows": rows, "own": own})


@route(VIEW, target=treasury_by_org_id)
def summary(request, org_id):
    organization = organization_for(request.user, org_id)
    context = org_context(request.user, organization, "summary")
    if context["totals_only"]:
        context["public"] = services.public_summary(organization)
        return render(request, "treasury/public_summary.html", context)
    start, end = last_twelve_months()
    context["totals"] = services.monthly_totals(organization, start=start, end=end)
    context["position"] = services.cash_position(organization)
    context["is_member"] = bool(
        request.user.person_id and Member.objects.filter(organization=organization, person_id=request.user.person_id)
    )
    return render(request, "treasury/summary.html", context)


@route(VIEW)
def mine(request):
    """A member's own savings and loans, across the organisations they save with."""
    person_id = request.user.person_id
    members = Member.objects.filter(person_id=person_id).select_related("organization") if person_id else []
    blocks = []
    for member in members:
        loans = Loan.objects.filter(member=member).prefetch_related("installments")
        blocks.append(
            {
                "member": member,
                "savings": services.savings_balances(member),
                "loans": [{"loan": loan, "state": services.loan_state(loan)} for loan in loans],
                "movements": member.movements.all()[:20],
            }
        )
    return render(request, "treasury/mine.html", {"blocks": blocks})
