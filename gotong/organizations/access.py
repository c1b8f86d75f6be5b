"""Who may change an organisation: officers and facilitators in their area, and its own chair or manager."""

from gotong.accounts.roles import Role
from gotong.core.scoping import code_inside, visible_area_codes
from gotong.organizations.choices import MemberRole
from gotong.organizations.models import Membership

MANAGING_MEMBER_ROLES = (MemberRole.CHAIR, MemberRole.MANAGER)
AREA_ROLES = (Role.CITY_OFFICER, Role.FACILITATOR)


def can_create_organization(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in AREA_ROLES)


def can_manage_organization(user, organization) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if user.role in AREA_ROLES:
        return code_inside(organization.area_code, visible_area_codes(user))
    if user.role == Role.ORG_STAFF:
        return (
            Membership.objects.active()
            .filter(organization=organization, user=user, role__in=MANAGING_MEMBER_ROLES)
            .exists()
        )
    return False
