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
    open_cases = cases.open()
    # The schedule is computed from each plan's recurrence; open cases are tens per city, not thousands.
    rows = schedule.schedules(open_cases, today)
    return {
        "open": len(rows),
        "closed": cases.filter(closed_on__isnull=False).count(),
        "overdue_visits": sum(len(row.overdue) for row in rows),
        "cases_overdue": sum(1 for row in rows if row.overdue),
        "url": list_url("casework:list", area, status="open"),
    }
