"""Who may be put on a case's team or named its supervisor: people who work where the case is.

A team member sees the client's health details, so the pickers never list the whole country: only city officers,
facilitators and organisation staff whose work areas cover the case's area, who serve an organisation of that area
(its area covers the case's, e.g. Tuah TB for Pekanbaru), or who serve the organisation running the case.
The services check the chosen people again (`check_team`): a posted id outside this list is refused.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from gotong.accounts.roles import ROLES_WORKING_AREAS, Role
from gotong.core.policy.decide import reaches
from gotong.organizations.people import accounts_working_in

CASE_ROLES = (*sorted(ROLES_WORKING_AREAS), Role.ORG_STAFF)


def _ordered(users):
    return users.filter(role__in=CASE_ROLES).order_by("first_name", "username")


def colleagues_for_case(area_code: str, organization_id: int | None = None):
    """The people who may work on or supervise a case in `area_code` (run by `organization_id`, if any)."""
    return _ordered(accounts_working_in([area_code], [organization_id] if organization_id else []))


def colleagues_of(user):
    """Before a case exists (the open-case form): people working where the user may open cases. The case's own
    area is checked when it is saved."""
    from gotong.accounts.models import User

    reached = reaches(user, "casework.open")
    if reached.everything:
        return _ordered(User.objects.filter(is_active=True, is_superuser=False))
    codes = reached.area_codes | reached.organization_area_codes
    return _ordered(accounts_working_in(codes, reached.organization_ids))


def check_team(*, area_code: str, organization_id: int | None, supervisor=None, team=(), worker=None) -> None:
    """Refuse anyone who does not work where the case is, naming them; nothing is saved."""
    chosen = {"supervisor": [supervisor] if supervisor is not None else [], "team": list(team)}
    if worker is not None:
        chosen["worker"] = [worker]
    ids = {u.pk for people in chosen.values() for u in people}
    if not ids:
        return
    allowed = set(colleagues_for_case(area_code, organization_id).filter(pk__in=ids).values_list("pk", flat=True))
    errors = {}
    for field, people in chosen.items():
        outside = [u for u in people if u.pk not in allowed]
        if outside:
            names = ", ".join(u.get_full_name() or u.username for u in outside)
            errors[field] = _("%(names)s tidak bekerja di wilayah kasus ini atau di lembaga pendampingnya.") % {
                "names": names
            }
    if errors:
        raise ValidationError(errors)
