"""Stage 3, commitment to the process (Ansell & Gash 2008, pp. 559–560: commitment shows in mutual recognition,
shared ownership of the process and staying at the table; the seed (004) names the "nota kesepakatan" and its
"time line"). One function per indicator."""

import datetime

from django.db.models import Exists, OuterRef
from django.db.models.functions import Coalesce

from gotong.collaboration.health.period import Period
from gotong.collaboration.health.scope import Collaboration
from gotong.collaboration.models import CommitmentStatus
from gotong.organizations.models import Organization

OPEN = (CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS)


def signed_in(agreements, period: Period):
    """Of `agreements`, those signed within the period."""
    return agreements.filter(signed_on__range=(period.start, period.end))


def agreements_signed(collab: Collaboration, period: Period) -> int:
    """Agreements (MoU, nota kesepakatan) signed within the period."""
    return signed_in(collab.agreements(), period).count()


def commitments_made(collab: Collaboration, period: Period) -> int:
    """Commitments made within the period: dated by the meeting whose decision became the commitment, otherwise
    by the signing of its agreement."""
    made = collab.commitments().annotate(made_on=Coalesce("decision__meeting__held_on", "agreement__signed_on"))
    return made.filter(made_on__range=(period.start, period.end)).count()


def actors_stopped_attending(collab: Collaboration, period: Period) -> list[Organization]:
    """Organisations invited to the period's meetings (attendance taken) that came to none of them, though they
    came to at least one meeting of the collaboration before the period: they left the table."""
    participants = collab.participants().filter(organization__isnull=False, attended__isnull=False)
    in_period = participants.filter(meeting__held_on__range=(period.start, period.end))
    came_before = participants.filter(organization=OuterRef("pk"), meeting__held_on__lt=period.start, attended=True)
    came_in_period = in_period.filter(organization=OuterRef("pk"), attended=True)
    return list(
        Organization.objects.filter(pk__in=in_period.values("organization"))
        .filter(Exists(came_before), ~Exists(came_in_period))
        .order_by("name")
    )


def lapsed_commitments(collab: Collaboration, period: Period, today: datetime.date):
    """Commitments due within the period, already past due, and not done: still open after the due date, or
    dropped. The records behind the actors' broken promises."""
    as_of = period.as_of(today)
    due = collab.commitments().filter(due_on__range=(period.start, period.end))
    return (
        due.filter(status__in=(*OPEN, CommitmentStatus.DROPPED), due_on__lt=as_of)
        .select_related("actor", "agreement")
        .order_by("due_on", "pk")
    )
