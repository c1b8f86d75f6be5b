"""Who may add assessments: city officers and facilitators with the location in their work area."""

from gotong.accounts.roles import Role
from gotong.core.scoping import code_inside, visible_area_codes

ASSESSING_ROLES = (Role.CITY_OFFICER, Role.FACILITATOR)


def may_assess_at_all(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in ASSESSING_ROLES)


def can_assess(user, location) -> bool:
    return may_assess_at_all(user) and code_inside(location.area_code, visible_area_codes(user))
