"""What a cadre needs at a glance: next session, children not yet weighed this month, children to refer."""

import datetime
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse

from gotong.posyandu.coverage import unfollowed_counts
from gotong.posyandu.dates import add_months, month_start
from gotong.posyandu.models import Child, Session, Weighing
from gotong.posyandu.skdn import month_end


@dataclass
class PosyanduOverview:
    posyandu: object
    next_session: Session | None = None
    this_session: Session | None = None
    children: int = 0
    due: list = field(default_factory=list)  # children not weighed this month
    to_refer: list = field(default_factory=list)  # (child, weighing) with T, 2T or BGM in the latest month
    not_enrolled: int = 0  # under-fives of its area no posyandu follows, counted in its S (`coverage`)


def latest_weighings(child_ids: Iterable[int]) -> dict[int, Weighing]:
    """Each child's latest weighing by child id, in one query that reads one entry of the (child, month) index per
    child rather than every weighing of every child."""
    latest = Weighing.objects.filter(child_id=OuterRef("pk")).order_by("-month").values("pk")[:1]
    wanted = Child.objects.filter(pk__in=list(child_ids)).values(last=Subquery(latest))
    return {w.child_id: w for w in Weighing.objects.filter(pk__in=wanted).order_by()}


def child_urls() -> Callable[[uuid.UUID], str]:
    """Child-page URLs for thousands of children: one `reverse`, then each id in the sample's place (a `reverse`
    per child would be most of a city officer's page)."""
    sample = uuid.UUID(int=0)
    url = reverse("posyandu:child-detail", args=[sample])
    return lambda public_id: url.replace(str(sample), str(public_id))


def for_posyandus(posyandus: list, today: datetime.date) -> list[PosyanduOverview]:
    """The cards of these posyandu, in their order, with the same three queries however many posyandu and children:
    their sessions, their current children and those children's weighings of this month and the last."""
    month = month_start(today)
    cards = {p.pk: PosyanduOverview(posyandu=p) for p in posyandus}
    sessions = Session.objects.filter(Q(held_on__gte=today) | Q(month=month), posyandu_id__in=list(cards))
    for session in sessions.order_by("held_on"):
        card = cards[session.posyandu_id]
        if session.held_on >= today and card.next_session is None:
            card.next_session = session
        if session.month == month:
            card.this_session = session
    children = Child.objects.filter(posyandu_id__in=list(cards)).current(month_end(month))
    # A child's latest weighing counts for referral only when it is this month's or last month's, so older ones
    # need not be read; a weighing in a later month (a session opened ahead) is the latest and is not recent.
    recent = {month, add_months(month, -1)}
    latest: dict[int, Weighing] = {}
    weighed_now: set[int] = set()
    weighings = Weighing.objects.filter(child__posyandu_id__in=list(cards), month__gte=min(recent)).order_by("month")
    for weighing in weighings:
        latest[weighing.child_id] = weighing
        if weighing.month == month:
            weighed_now.add(weighing.child_id)
    # Cards show a count and linked names: a city officer's first posyandu hold thousands of children.
    url = child_urls()
    for child in children.select_related("person").only("public_id", "posyandu_id", "person__name"):
        child.url = url(child.public_id)
        card = cards[child.posyandu_id]
        card.children += 1
        if child.pk not in weighed_now:
            card.due.append(child)
        last = latest.get(child.pk)
        if last is not None and last.month in recent and last.needs_referral:
            card.to_refer.append((child, last))
    for posyandu_id, count in unfollowed_counts(posyandus, today).items():
        cards[posyandu_id].not_enrolled = count
    return list(cards.values())
