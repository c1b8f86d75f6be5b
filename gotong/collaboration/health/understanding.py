"""Stage 4, shared understanding (Ansell & Gash 2008, p. 560: "a common mission", "agreement on what relevant
knowledge is needed"; the seed (004): the shared target "Kampung Bugis nol kumuh" and its action plan). One
function per indicator."""

from django.db.models import Q

from gotong.collaboration.health.dialogue import percent
from gotong.collaboration.health.period import Period
from gotong.collaboration.health.scope import Collaboration


def plan_approved_by(period: Period) -> Q:
    """On a target: an action plan for it was approved at a meeting held on or before the period's end. Given in
    one `filter` (or aggregate `filter`) with the condition on that meeting's forum, both judge the same plan."""
    return Q(plans__approved_at__held_on__lte=period.end)


def targets_agreed(collab: Collaboration, period: Period) -> dict:
    """Of the collaboration's shared targets, those the forum agreed: an action plan for the target was approved
    at a meeting of the collaboration's forums held on or before the period's end."""
    targets = collab.targets()
    agreed = targets.filter(plan_approved_by(period), plans__approved_at__in=collab.meetings()).distinct()
    total = targets.count()
    count = agreed.count()
    return {"agreed": count, "total": total, "rate": percent(count, total)}


def plans_with_owners(collab: Collaboration) -> dict:
    """Activities of the targets' action plans that name who carries them out (an owner organisation), out of
    all their activities."""
    activities = collab.activities()
    total = activities.count()
    owned = activities.filter(organization__isnull=False).count()
    return {"owned": owned, "total": total, "rate": percent(owned, total)}


def actors_in_target_setting(collab: Collaboration) -> dict:
    """Of the collaboration's actors (its forums' member organisations), the share present at a meeting where
    an action plan for one of its targets was approved."""
    members = collab.members()
    total = members.count()
    took_part = (
        members.filter(
            pk__in=collab.participants()
            .filter(meeting__in=collab.plan_approval_meetings(), attended=True)
            .values("organization")
        ).count()
        if total
        else 0
    )
    return {"took_part": took_part, "total": total, "rate": percent(took_part, total)}
