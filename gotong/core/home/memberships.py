"""The organisations the user belongs to, and the gotong royong coming up that they may see: the home of someone
whose memberships lead to no daily work section (a plain anggota, a sekretaris)."""

from gotong.activities.models import Event
from gotong.core.home import Section
from gotong.core.home.resident import UPCOMING
from gotong.organizations.models import Membership


def section(user, today) -> Section:
    mine = list(Membership.objects.active().filter(user=user).select_related("organization"))
    events = list(Event.objects.visible_to(user).filter(held_on__gte=today).order_by("held_on", "pk")[:UPCOMING])
    return Section("memberships.html", {"memberships": mine, "events": events})
