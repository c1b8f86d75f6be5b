"""Social casework: open cases and visits overdue by their visit plans (gotong.casework.schedule).

Counts only; shown only to users who see cases there (the case team, city officers, the running organisation).
"""

from gotong.casework import schedule
from gotong.casework.models import Case
from gotong.dashboards.figures.links import list_url


def figures(user, area, today) -> dict | None:
    cases = Case.objects.visible_to(user).in_area(area.code)
    if not cases.exists():
        return None
    return {
        **schedule.overdue_summary(cases, today),
        "closed": cases.filter(closed_on__isnull=False).count(),
        "url": list_url("casework:list", area, status="open"),
    }
