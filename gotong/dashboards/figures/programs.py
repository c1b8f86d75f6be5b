"""Empowerment programs (skills, literacy, tutoring, health counselling, entrepreneurship): reach and outcomes.

Counts over the programs module's scoped querysets; outcomes as recorded per participant (completed,
certified, started a business).
"""

from django.db.models import Count, Q

from gotong.core.policy import may_somewhere
from gotong.core.scoping import area_code_filter
from gotong.dashboards.figures.links import list_url
from gotong.posyandu.skdn import percent
from gotong.programs.models import Cohort, Enrolment, EnrolmentStatus, Program, Session


def figures(user, area, today) -> dict | None:
    in_area = area_code_filter([area.code])
    programs = Program.objects.visible_to(user).filter(in_area).count()
    if not programs:
        return None
    enrolments = (
        Enrolment.objects.visible_to(user)
        .filter(in_area)
        .aggregate(
            total=Count("pk"),
            active=Count("pk", filter=Q(status=EnrolmentStatus.ACTIVE)),
            completed=Count("pk", filter=Q(status=EnrolmentStatus.COMPLETED)),
            dropped=Count("pk", filter=Q(status=EnrolmentStatus.DROPPED)),
            certified=Count("pk", filter=Q(certified=True)),
            business=Count("pk", filter=Q(started_business=True)),
        )
    )
    cohorts = Cohort.objects.visible_to(user).filter(in_area)
    sessions = Session.objects.filter(cohort__in=cohorts, held_on__year=today.year).count()
    finished = enrolments["completed"] + enrolments["dropped"]
    return {
        "year": today.year,
        "programs": programs,
        "participants": enrolments["total"],
        "active": enrolments["active"],
        "completed": enrolments["completed"],
        "completion_rate": percent(enrolments["completed"], finished),
        "certified": enrolments["certified"],
        "started_business": enrolments["business"],
        "sessions": sessions,
        "url": list_url("programs:home", area),
        # Who the programs have not reached yet is a managing page (`programs.manage`).
        "left_out_url": list_url("programs:left-out", area) if may_somewhere(user, "programs.manage") else None,
    }
