"""Casework's questions to the access policy, in bulk and per case. Nothing here decides who may do what: the grants
of `casework.view`, `casework.open`, `casework.record`, `casework.see_health` and `casework.supervise` in
`gotong.core.policy.grants` do; these helpers apply them to cases in one query, and add the two rules that are about
a case's state rather than about a person: recording needs an open case, and closing it or changing its team is for
the responsible worker or the supervisor named on it.

`recordable_cases(user)` and `can_record(user, case)` are used by the field app and ODK as well.
"""

from django.db.models import Q

from gotong.core.policy import can
from gotong.core.policy.decide import reaches
from gotong.core.scoping import area_code_filter


def team_cases(user, *, with_supervisor=True):
    """The cases where the user is the worker, a helper or (unless `with_supervisor=False`) the supervisor: the
    TEAM reach, in one query. Without the supervisor: the worker's own caseload and agenda."""
    from gotong.casework.models import Case

    if not user.is_authenticated:
        return Case.objects.none()
    query = Q(worker=user) | Q(team=user)
    if with_supervisor:
        query |= Q(supervisor=user)
    # `team=user` joins the helper table: distinct keeps one row per case.
    return Case.objects.filter(query).distinct()


def cases_reached(user, capability: str):
    """The cases `capability` reaches for `user`, as one query (what `can(user, capability, case)` answers per case,
    before the case must also be visible)."""
    from gotong.casework.models import Case

    return Case.objects.reached_by(user, capability)


def health_case_ids(user, case_ids) -> set[int]:
    """`casework.see_health` for many cases in one query: the ids among `case_ids` whose health details the user
    sees (the case team only, not even admins)."""
    return set(cases_reached(user, "casework.see_health").filter(pk__in=case_ids).values_list("pk", flat=True))


def recordable_cases(user):
    """The open cases the user sees and may record on (`casework.record`), in one query: the offline forms' list."""
    from gotong.casework.models import Case

    return Case.objects.visible_to(user).open().filter(pk__in=cases_reached(user, "casework.record").values("pk"))


def can_record(user, case) -> bool:
    """Visits, assessments, plans, assistance and referrals: `casework.record` on the case, while it is open."""
    return case.is_open and can(user, "casework.record", case)


def leads(user, case) -> bool:
    """Closing a case and changing its team: the responsible worker or the named supervisor, who may record on it."""
    return user.is_authenticated and user.pk in {case.worker_id, case.supervisor_id} and can_record(user, case)


def supervised_cases(user):
    """The cases the user supervises (`casework.supervise`): everything for admins, a city officer's areas, and on a
    team the cases naming the user as their supervisor (a helper does not supervise the worker)."""
    from gotong.casework.models import Case

    reached = reaches(user, "casework.supervise")
    if reached.everything:
        return Case.objects.all()
    query = Q(pk__in=[])
    codes = sorted(reached.area_codes | reached.organization_area_codes)
    if codes:
        query |= area_code_filter(codes)
    if reached.organization_ids:
        query |= Q(organization_id__in=sorted(reached.organization_ids))
    if reached.team and user.is_authenticated:
        query |= Q(supervisor=user)
    return Case.objects.filter(query)


def supervises_anyone(user) -> bool:
    """Shows the supervision page: an admin, an officer with work areas, or someone named supervisor of a case."""
    reached = reaches(user, "casework.supervise")
    if reached.everything or reached.area_codes or reached.organization_area_codes or reached.organization_ids:
        return True
    from gotong.casework.models import Case

    return bool(reached.team and user.is_authenticated and Case.objects.filter(supervisor=user).exists())
