"""A city officer's home: what needs attention in their areas, from the modules' tallies."""

from gotong.accounts.roles import Role
from gotong.casework.models import Case
from gotong.casework.tallies import overdue_totals
from gotong.collaboration.health.warnings import top_warnings
from gotong.core.home import Section
from gotong.core.home.commitments import overdue_commitments
from gotong.core.policy import may_somewhere
from gotong.posyandu.access import reportable_posyandus
from gotong.posyandu.dates import add_months, month_start
from gotong.posyandu.models import MonthTally

SHOWN = 5
HEALTH_SHOWN = 3  # the top collaboration-health warnings; the rest are one click away


def quiet_posyandus(user, month) -> int:
    """Posyandu with children but no weighing in `month`: they did not open or did not report. Read from the
    monthly tallies (a city has two thousand posyandu); a month without rows yet counts none."""
    return MonthTally.objects.filter(posyandu__in=reportable_posyandus(user), month=month, s__gt=0, d=0).count()


def section(user, today) -> Section | None:
    if user.role != Role.CITY_OFFICER and not user.is_superuser:
        return None
    last_month = add_months(month_start(today), -1)
    cases = overdue_totals(Case.objects.visible_to(user), today) if may_somewhere(user, "casework.view") else None
    commitments, late_commitments = overdue_commitments(user, today, SHOWN)
    context = {
        "cases": cases,
        "quiet_posyandus": quiet_posyandus(user, last_month) if may_somewhere(user, "posyandu.report") else None,
        "last_month": last_month,
        "commitments": commitments,
        "late_commitments": late_commitments,
        "today": today,
    }
    context["health_warnings"], context["health_count"] = top_warnings(user, today, HEALTH_SHOWN)
    return Section("officer.html", context)
