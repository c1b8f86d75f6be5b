"""The registry figures of the user's scope (households, residents, PKH/BPNT, deciles): for the area workers.

Partners read aggregates on the dashboards, not the registry's tallies (their home links there)."""

from gotong.accounts.roles import Role
from gotong.core.dashboard import dashboard_for
from gotong.core.home import Section

READERS = (Role.CITY_OFFICER, Role.FACILITATOR)


def section(user, today) -> Section | None:
    if user.role not in READERS and not user.is_superuser:
        return None
    context = dashboard_for(user)
    # A city officer's attention section already leads to the dashboards.
    context["links_dashboards"] = user.role != Role.CITY_OFFICER and not user.is_superuser
    return Section("figures.html", context)
