"""Aspirations on the home page: a resident's own and their status; for the units that handle them (area officers,
facilitators, the responsible organisation's officers), those past their deadline without an answer."""

from gotong.core.home import Section
from gotong.core.policy.decide import reaches
from gotong.participation.models import Aspiration

SHOWN = 5


def section(user, today) -> Section | None:
    own, overdue, overdue_count = [], [], 0
    if user.is_authenticated and user.person_id:
        own = list(Aspiration.objects.filter(raised_for_id=user.person_id).select_related("area")[:SHOWN])
    if reaches(user, "participation.handle").named:
        late = (
            Aspiration.objects.visible_to(user)
            .reached_by(user, "participation.handle")
            .overdue(today)
            .select_related("area")
            .order_by("deadline", "pk")
        )
        overdue = list(late[:SHOWN])
        overdue_count = late.count() if len(overdue) == SHOWN else len(overdue)
    raises_own = reaches(user, "participation.raise").own and bool(user.person_id)
    if not (own or overdue or raises_own):
        return None
    context = {"own": own, "overdue": overdue, "overdue_count": overdue_count, "raises_own": raises_own,
               "today": today}  # fmt: skip
    return Section("aspirations.html", context)
