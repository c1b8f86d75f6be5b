"""A partner's home: what its organisation gave the community treasuries, and its collaboration commitments.

Partners read aggregates (`treasury.view` reaches every treasury's totals): the aid is summed per receiving
treasury, never a named record. Commitments show only where the policy grants `collaboration.view`.
"""

from django.db.models import Count, Max, Q, Sum

from gotong.accounts.roles import Role
from gotong.collaboration.models import Commitment
from gotong.core.home import Section
from gotong.core.policy import may_somewhere
from gotong.organizations.models import Membership, Organization
from gotong.treasury.models import CashEntry, Direction, Treasury


def section(user, today) -> Section | None:
    if user.role != Role.PARTNER:
        return None
    organizations = list(
        Organization.objects.filter(pk__in=Membership.objects.active().filter(user=user).values("organization_id"))
    )
    aid = (
        CashEntry.objects.filter(
            partner__in=organizations,
            direction=Direction.INCOME,
            reversal__isnull=True,
            organization__in=Treasury.objects.visible_to(user),
        )
        .values("organization_id", "organization__name")
        .annotate(
            total=Sum("amount"),
            in_kind=Sum("amount", filter=Q(in_kind=True), default=0),
            entries=Count("pk"),
            last=Max("occurred_on"),
        )
        .order_by("-total")
    )
    commitments = []
    if organizations and may_somewhere(user, "collaboration.view"):
        commitments = list(
            Commitment.objects.visible_to(user)
            .filter(actor__in=organizations)
            .select_related("agreement", "actor")
            .order_by("due_on")[:10]
        )
    context = {
        "organizations": organizations,
        "aid": list(aid),
        "aid_total": sum(row["total"] for row in aid),
        "commitments": commitments,
    }
    return Section("partner.html", context)
