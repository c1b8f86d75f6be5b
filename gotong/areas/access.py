"""Who may do what with areas. Areas are public reference data; what lies inside them is scoped."""

from gotong.accounts.roles import Role
from gotong.core.scoping import code_inside, visible_area_codes


def is_city_officer(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role == Role.CITY_OFFICER)


def can_edit_units(user, village) -> bool:
    """Adding RW/RT is a city officer's job, and only in their own city."""
    return is_city_officer(user) and code_inside(village.code, visible_area_codes(user))


def can_assign_in(user, area) -> bool:
    return is_city_officer(user) and code_inside(area.code, visible_area_codes(user))
