"""Who may do what on a case. Seeing a case at all is `Case.objects.visible_to(user)`."""

from gotong.accounts.roles import ROLES_WORKING_AREAS, Role


def on_team(user, case) -> bool:
    """The responsible worker, a helper or the supervisor named on the case."""
    if not user.is_authenticated:
        return False
    return user.pk in case.team_ids()


def sees_health(user, case) -> bool:
    """Health details (condition, TB adherence, health needs notes) are for the case team only, not even admins."""
    return on_team(user, case)


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
