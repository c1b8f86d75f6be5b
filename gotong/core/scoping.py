"""Who sees what: the one rule every page, search, export and API call goes through.

A record is visible when its area code lies inside one of the user's areas (prefix match on dotted codes).
City officers and facilitators get their areas from work assignments; organisation staff from the areas of the
organisations they serve (plus any work assignment); a resident sees their own household only; partners see no
named records.
"""

from django.db import models

from gotong.accounts.roles import ROLES_WORKING_AREAS, Role

# Both caches live on the user object, which Django loads afresh for every request: a change to assignments or
# memberships is seen on the next request (or at once after `forget_visible_area_codes`).
_CACHE_ATTR = "_gotong_visible_area_codes"
_MEMBERSHIPS_ATTR = "_gotong_active_memberships"


def visible_area_codes(user) -> list[str] | None:
    """The area codes whose contents the user may see; None means everything."""
    if not user.is_authenticated or not user.is_active:
        return []
    if user.is_superuser:
        return None
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    if user.role in (Role.CITY_OFFICER, Role.FACILITATOR):
        codes = list(user.work_assignments.values_list("area__code", flat=True))
    elif user.role == Role.ORG_STAFF:
        codes = [area_code for _org_id, _role, area_code in active_memberships(user)]
    else:
        codes = []
    codes = sorted(set(codes))
    setattr(user, _CACHE_ATTR, codes)
    return codes


def active_memberships(user) -> list[tuple[int, str, str]]:
    """(organisation id, member role, organisation area code) of the user's active memberships, read once per user
    object: a dashboard asks several modules, each of which needs them."""
    if not user.is_authenticated:
        return []
    cached = getattr(user, _MEMBERSHIPS_ATTR, None)
    if cached is not None:
        return cached
    from gotong.organizations.models import Membership

    rows = list(
        Membership.objects.active().filter(user=user).values_list("organization_id", "role", "organization__area_code")
    )
    setattr(user, _MEMBERSHIPS_ATTR, rows)
    return rows


def member_organization_ids(user) -> list[int]:
    """The organisations the user serves today through an active membership (staff, cadre, treasurer, …)."""
    return [org_id for org_id, _role, _area_code in active_memberships(user)]


def forget_visible_area_codes(user) -> None:
    """Call after changing a user's assignments or memberships within the same request."""
    for attr in (_CACHE_ATTR, _MEMBERSHIPS_ATTR):
        if hasattr(user, attr):
            delattr(user, attr)


def code_inside(code: str, codes: list[str] | None) -> bool:
    """True when `code` is one of `codes` or lies below one of them; None means everything."""
    if codes is None:
        return True
    return any(code == c or code.startswith(f"{c}.") for c in codes)


def code_overlaps(code: str, codes: list[str] | None) -> bool:
    """True when the area holds anything the user may see: it is inside their scope or contains part of it."""
    if codes is None:
        return True
    return code_inside(code, codes) or any(c.startswith(f"{code}.") for c in codes)


def is_area_worker(user) -> bool:
    """City officers and facilitators (and superusers): the people who record work done in an area."""
    return user.is_authenticated and (user.is_superuser or user.role in ROLES_WORKING_AREAS)


def works_in(user, code: str) -> bool:
    """An area worker whose scope covers `code`."""
    return is_area_worker(user) and code_inside(code, visible_area_codes(user))


def area_code_filter(codes: list[str], field: str = "area_code") -> models.Q:
    """Q matching records whose `field` equals one of `codes` or lies below it.

    Each code's condition leads with a plain prefix match (`LIKE '12.71%'`): on PostgreSQL's bytewise area-code
    columns (`AreaCodeField`) that is one range of an index, read in the index's order, so a list's first page
    of a city does not sort or skip the rest of a province; the exact rule then filters within the range.
    """
    query = models.Q(pk__in=[])
    for code in codes:
        exact = models.Q(**{field: code}) | models.Q(**{f"{field}__startswith": f"{code}."})
        query |= models.Q(**{f"{field}__startswith": code}) & exact
    return query


class AreaScopedQuerySet(models.QuerySet):
    """Base for querysets of records that carry an `area_code`."""

    # How to reach the household id from this model, for a resident's own records.
    household_field = "household_id"

    def visible_to(self, user) -> "AreaScopedQuerySet":
        codes = visible_area_codes(user)
        if codes is None:
            return self
        query = area_code_filter(codes)
        if user.is_authenticated and user.role == Role.RESIDENT and user.person_id:
            query |= models.Q(**{self.household_field: user.person.household_id})
        return self.filter(query)

    def in_area(self, code: str) -> "AreaScopedQuerySet":
        return self.filter(area_code_filter([code]))
