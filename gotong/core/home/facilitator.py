"""A facilitator's (PSM, pendamping) home: today's visits, overdue visits and overdue commitments."""

from gotong.accounts.roles import Role
from gotong.casework.lists import agenda_rows
from gotong.collaboration.health.warnings import top_warnings
from gotong.core.home import Section
from gotong.core.home.commitments import overdue_commitments

SHOWN = 5
HEALTH_SHOWN = 3  # the top collaboration-health warnings; the rest are one click away


def section(user, today) -> Section | None:
    agenda = agenda_rows(user, {}, today)
    # Anyone with a caseload of their own (a waste bank's field worker too) has an agenda; a facilitator always.
    if user.role != Role.FACILITATOR and not agenda["open_count"]:
        return None
    commitments, late_count = overdue_commitments(user, today, SHOWN)
    context = {
        "today_rows": agenda["today"][:SHOWN],
        "today_count": len(agenda["today"]),
        "overdue_rows": agenda["overdue"][:SHOWN],
        "overdue_count": len(agenda["overdue"]),
        "week_count": len(agenda["week"]),
        "open_count": agenda["open_count"],
        "commitments": commitments,
        "late_commitments": late_count,
        "today": today,
    }
    context["health_warnings"], context["health_count"] = top_warnings(user, today, HEALTH_SHOWN)
    return Section("facilitator.html", context)
