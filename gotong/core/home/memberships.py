"""The organisations the user belongs to: the home of someone whose memberships lead to no daily work section."""

from gotong.core.home import Section
from gotong.organizations.models import Membership


def section(user, today) -> Section:
    mine = list(Membership.objects.active().filter(user=user).select_related("organization"))
    return Section("memberships.html", {"memberships": mine})
