"""Social casework: open cases and visits overdue by their visit plans (gotong.casework.tallies).

Counts only; shown only to users who see cases there (the case team, city officers, the running organisation).
"""

from gotong.casework import tallies
from gotong.casework.models import Case
from gotong.dashboards.figures.links import list_url


def figures(user, area, today) -> dict | None:
    summary = tallies.overdue_totals(Case.objects.visible_to(user).in_area(area.code), today)
    if not summary["open"] and not summary["closed"]:
        return None
    return {**summary, "url": list_url("casework:list", area, status="open")}
