"""Which platform accounts work in an area: the only accounts a picker of an area's record may offer.

An account works in an area when it is a city officer's or facilitator's work area (covering the area or inside it),
or when it holds an active membership of an organisation whose area covers or lies inside it (or of one of the
organisations named). Superusers and inactive accounts are never offered: an admin account is not a colleague.
Pickers built on this never reveal that an account exists elsewhere.
"""

from django.db.models import Q, QuerySet

from gotong.accounts.roles import ROLES_WORKING_AREAS
from gotong.core.area_codes import ancestors_of_all
from gotong.core.scoping import area_code_filter


def overlapping(codes, field: str) -> Q:
    """`field` (an area code) is one of `codes`, lies below one of them, or lies above one of them."""
    codes = sorted(set(codes))
    if not codes:
        return Q(pk__in=[])
    return Q(**{f"{field}__in": sorted(ancestors_of_all(codes) | set(codes))}) | area_code_filter(codes, field)


def accounts_working_in(codes, organization_ids=()) -> QuerySet:
    from gotong.accounts.models import User
    from gotong.areas.models import WorkAssignment
    from gotong.organizations.models import Membership

    work = WorkAssignment.objects.filter(overlapping(codes, "area__code"), user__role__in=ROLES_WORKING_AREAS)
    organizations = overlapping(codes, "organization__area_code")
    if organization_ids:
        organizations |= Q(organization_id__in=list(organization_ids))
    members = Membership.objects.active().filter(organizations, user__isnull=False)
    return User.objects.filter(
        Q(pk__in=work.values("user_id")) | Q(pk__in=members.values("user_id")), is_active=True, is_superuser=False
    )


def addable_accounts(acting_user, organization) -> QuerySet:
    """Accounts a manager of `organization` may add as members: those working in its area, members of
    organisations there, and residents whose household lives there. Nothing for someone who does not manage it.

    An admin (who manages every organisation) may add any account but another superuser: that is how a new
    organisation-staff account, which works nowhere yet, gets its first membership."""
    from gotong.accounts.models import User
    from gotong.core.policy import can
    from gotong.core.policy.decide import reaches

    if not can(acting_user, "organizations.manage", organization):
        return User.objects.none()
    if reaches(acting_user, "organizations.manage").everything:
        return User.objects.filter(is_active=True, is_superuser=False)
    residents = User.objects.filter(
        area_code_filter([organization.area_code], "person__area_code"), is_active=True, is_superuser=False
    )
    working = accounts_working_in([organization.area_code], [organization.pk])
    return User.objects.filter(Q(pk__in=working.values("pk")) | Q(pk__in=residents.values("pk")))
