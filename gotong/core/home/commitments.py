"""Collaboration commitments past their due date and not done, inside what the user may see."""

from gotong.collaboration.models import Commitment, CommitmentStatus
from gotong.core.policy import may_somewhere

OPEN = (CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS)


def overdue_commitments(user, today, shown: int, *, actors=None) -> tuple[list, int]:
    """The first `shown` late commitments (oldest due first) and how many there are."""
    if not may_somewhere(user, "collaboration.view"):
        return [], 0
    late = Commitment.objects.visible_to(user).filter(due_on__lt=today, status__in=OPEN)
    if actors is not None:
        late = late.filter(actor__in=actors)
    rows = list(late.select_related("actor", "agreement").order_by("due_on", "pk")[:shown])
    return rows, (late.count() if len(rows) == shown else len(rows))
