"""Who may update commitments: city officers and facilitators with the agreement's area in their scope."""

from gotong.accounts.roles import Role
from gotong.core.scoping import code_inside, visible_area_codes

UPDATING_ROLES = (Role.CITY_OFFICER, Role.FACILITATOR)


def may_update_at_all(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in UPDATING_ROLES)


def can_update(user, agreement) -> bool:
    return may_update_at_all(user) and code_inside(agreement.area_code, visible_area_codes(user))
