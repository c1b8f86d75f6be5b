"""Who may do what on a case. Seeing a case at all is `Case.objects.visible_to(user)`."""

from django.db.models import Q

from gotong.accounts.roles import ROLES_WORKING_AREAS, Role


def on_team(user, case) -> bool:
    """The responsible worker, a helper or the supervisor named on the case."""
    if not user.is_authenticated:
        return False
    return user.pk in case.team_ids()


def team_cases(user, *, with_supervisor=True):
    """`on_team` in bulk, one query: the cases where the user is the worker, a helper or the supervisor.

    `with_supervisor=False` leaves out cases the user only supervises: the worker's own caseload and agenda.
    """
    from gotong.casework.models import Case

    if not user.is_authenticated:
        return Case.objects.none()
    query = Q(worker=user) | Q(team=user)
    if with_supervisor:
        query |= Q(supervisor=user)
    # `team=user` joins the helper table: distinct keeps one row per case.
    return Case.objects.filter(query).distinct()


def sees_health(user, case) -> bool:
    """Health details (condition, TB adherence, health needs notes) are for the case team only, not even admins."""
    return on_team(user, case)


def health_case_ids(user, case_ids) -> set[int]:
    """`sees_health` for many cases in one query: the ids among `case_ids` whose health details the user sees."""
    return set(team_cases(user).filter(pk__in=case_ids).values_list("pk", flat=True))


def recordable_cases(user):
    """`can_record` in bulk, one query: the open cases the user sees and may write on (the offline forms' list)."""
    from gotong.casework.models import Case

    return Case.objects.visible_to(user).open().filter(pk__in=team_cases(user).values("pk"))


def can_record(user, case) -> bool:
    """Visits, assessments, plans, assistance and referrals are written by the team while the case is open."""
    return case.is_open and on_team(user, case)


def can_close(user, case) -> bool:
    return case.is_open and user.is_authenticated and user.pk in {case.worker_id, case.supervisor_id}


def may_open_cases(user) -> bool:
    """Area workers (PSM, pendamping, city officers) and organisation staff (e.g. Tuah TB) open cases."""
    return user.is_authenticated and (
        user.is_superuser or user.role in ROLES_WORKING_AREAS or user.role == Role.ORG_STAFF
    )


def supervises_anyone(user) -> bool:
    from gotong.casework.models import Case

    return user.is_authenticated and (
        user.is_superuser or user.role == Role.CITY_OFFICER or Case.objects.filter(supervisor=user).exists()
    )
