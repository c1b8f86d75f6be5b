"""A partner's home: what its organisation gave, everywhere in Gotong, what came of it, and what the communities
gave back (the two-sided record of each partnership, by year).

Partners read aggregates: aid is summed per receiving treasury (`treasury.view` reaches every treasury's totals),
CSR lines per project with its status and after-photos, programs by their counts of participants under the
small-count rule, and partnerships through `partnerships.view` (their membership of the partner organisation).
Services: `gotong.collaboration.services.contributions` and `.reciprocity`.
"""

from gotong.accounts.roles import Role
from gotong.collaboration.models import Commitment
from gotong.collaboration.services.contributions import partner_contributions
from gotong.collaboration.services.reciprocity import reciprocity_by_partnership
from gotong.core.home import Section
from gotong.core.policy import may_somewhere
from gotong.organizations.models import Membership, Organization
from gotong.treasury.models import Treasury


def section(user, today) -> Section | None:
    if user.role != Role.PARTNER:
        return None
    organizations = Organization.objects.filter(
        pk__in=Membership.objects.active().filter(user=user).values("organization_id")
    )
    contributions = partner_contributions(organizations, treasuries=Treasury.objects.visible_to(user), today=today)
    partnerships = []
    if may_somewhere(user, "partnerships.view"):
        partnerships = reciprocity_by_partnership(organizations, viewer=user)
    commitments = []
    if may_somewhere(user, "collaboration.view"):
        commitments = list(
            Commitment.objects.visible_to(user)
            .filter(actor__in=organizations)
            .select_related("agreement", "actor")
            .order_by("due_on")[:10]
        )
    context = {
        "organizations": list(organizations),
        "contributions": contributions,
        # Kept for the sections that read the cash-book aid alone.
        "aid": contributions.aid,
        "aid_total": contributions.aid_total,
        "partnerships": partnerships,
        "commitments": commitments,
    }
    return Section("partner.html", context)
