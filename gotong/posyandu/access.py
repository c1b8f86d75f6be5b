"""Who may do what in a posyandu. Seeing is decided by the querysets in models.py; this is about writing."""

from gotong.accounts.roles import ROLES_WORKING_AREAS, Role
from gotong.core.scoping import code_inside, member_organization_ids, visible_area_codes
from gotong.organizations.choices import OrganizationKind
from gotong.organizations.models import Organization


def posyandus_for(user):
    """The posyandu whose children the user may see: their own as cadre, or those inside their work areas."""
    posyandus = Organization.objects.filter(kind=OrganizationKind.POSYANDU)
    if not user.is_authenticated:
        return posyandus.none()
    if user.is_superuser:
        return posyandus
    if user.role in ROLES_WORKING_AREAS:
        from gotong.core.scoping import area_code_filter

        return posyandus.filter(area_code_filter(visible_area_codes(user) or []))
    if user.role == Role.ORG_STAFF:
        return posyandus.filter(pk__in=member_organization_ids(user))
    return posyandus.none()


def can_record(user, posyandu) -> bool:
    """Cadres of the posyandu, and officers/facilitators whose area covers it, record children and weighings."""
    if not user.is_authenticated or posyandu.kind != OrganizationKind.POSYANDU:
        return False
    if user.is_superuser:
        return True
    if user.role in ROLES_WORKING_AREAS:
        return code_inside(posyandu.area_code, visible_area_codes(user))
    if user.role == Role.ORG_STAFF:
        return posyandu.pk in member_organization_ids(user)
    return False


def may_record_somewhere(user) -> bool:
    """Whoever sees a posyandu may record in it (`can_record` applies the rule of `posyandus_for` to one of them), so
    one row answers: a city officer's thousands of posyandu are not loaded to find the first."""
    return posyandus_for(user).exists()
