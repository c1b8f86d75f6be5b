"""What a cadre needs at a glance: next session, children not yet weighed this month, children to refer."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch

from gotong.posyandu.dates import add_months, month_start
from gotong.posyandu.models import Child, Session, Weighing
from gotong.posyandu.skdn import month_end


@dataclass
class PosyanduOverview:
    posyandu: object
    next_session: Session | None
    this_session: Session | None
    children: int
    due: list = field(default_factory=list)  # children not weighed this month
    to_refer: list = field(default_factory=list)  # (child, weighing) with T, 2T or BGM in the latest month


def latest_weighings(children) -> dict[int, Weighing]:
    latest = {}
    for weighing in Weighing.objects.filter(child__in=children).order_by("child_id", "month"):
        latest[weighing.child_id] = weighing
    return latest


def for_posyandu(posyandu, today: datetime.date) -> PosyanduOverview:
    month = month_start(today)
    sessions = Session.objects.filter(posyandu=posyandu)
    children = list(
        Child.objects.filter(posyandu=posyandu)
        .current(month_end(month))
        .select_related("person")
        .prefetch_related(Prefetch("weighings", queryset=Weighing.objects.order_by("month")))
    )
    overview = PosyanduOverview(
        posyandu=posyandu,
        next_session=sessions.filter(held_on__gte=today).order_by("held_on").first(),
        this_session=sessions.filter(month=month).first(),
        children=len(children),
    )
    recent = {month, add_months(month, -1)}
    for child in children:
        weighings = list(child.weighings.all())
        if not any(w.month == month for w in weighings):
            overview.due.append(child)
        last = weighings[-1] if weighings else None
        if last is not None and last.month in recent and last.needs_referral:
            overview.to_refer.append((child, last))
    return overview
