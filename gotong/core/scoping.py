"""Who sees which records: one scoped queryset base whose `visible_to` is built from the access policy's grants.

Every scoped model's queryset subclasses `ScopedQuerySet` and declares its `scope_hooks`: the module whose
`<module>.view` grant decides, and the paths from the record to its area code, organisation, person, household and
case team. `visible_to(user)` is then the union of what the user's grant reaches (`gotong.core.policy.grants`), and
`gotong.core.policy.decide` reads the same hooks to ask "may this user do X to this record".
"""

from dataclasses import dataclass
from typing import NamedTuple

from django.db import models

from gotong.accounts.roles import ROLES_WORKING_AREAS, Role
from gotong.core.area_codes import ancestors_of_all, code_inside, code_overlaps  # noqa: F401  (re-exported)

# Both caches live on the user object, which Django loads afresh for every request: a change to assignments or
# memberships is seen on the next request (or at once after `forget_visible_area_codes`).
_CACHE_ATTR = "_gotong_visible_area_codes"
_WORK_ATTR = "_gotong_work_area_codes"
_MEMBERSHIPS_ATTR = "_gotong_active_memberships"


class ActiveMembership(NamedTuple):
    organization_id: int
    role: str
    area_code: str
    kind: str


def active_memberships(user) -> list[ActiveMembership]:
    """The user's active memberships, read once per user object: a dashboard asks several modules."""
    if not user.is_authenticated:
        return []
    cached = getattr(user, _MEMBERSHIPS_ATTR, None)
    if cached is not None:
        return cached
    from gotong.organizations.models import Membership

    rows = [
        ActiveMembership(*row)
        for row in Membership.objects.active()
        .filter(user=user)
        .values_list("organization_id", "role", "organization__area_code", "organization__kind")
    ]
    setattr(user, _MEMBERSHIPS_ATTR, rows)
    return rows


def work_area_codes(user) -> list[str]:
    """The areas assigned to a city officer or facilitator (empty for every other role)."""
    if not user.is_authenticated or user.role not in ROLES_WORKING_AREAS:
        return []
    cached = getattr(user, _WORK_ATTR, None)
    if cached is None:
        cached = sorted(set(user.work_assignments.values_list("area__code", flat=True)))
        setattr(user, _WORK_ATTR, cached)
    return cached


def _serves(membership: ActiveMembership) -> bool:
    from gotong.organizations.choices import MemberRole

    return membership.role != MemberRole.MEMBER


def visible_area_codes(user) -> list[str] | None:
    """The areas whose named records the user works with; None means everything.

    City officers and facilitators: their work areas. Organisation staff: the areas of the organisations they serve
    in an officer's role (a plain anggota serves none). Residents and partners: none (they see their own records and
    aggregates through the policy's other reaches).
    """
    if not user.is_authenticated or not user.is_active:
        return []
    if user.is_superuser:
        return None
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    if user.role in ROLES_WORKING_AREAS:
        codes = work_area_codes(user)
    elif user.role == Role.ORG_STAFF:
        codes = sorted({m.area_code for m in active_memberships(user) if _serves(m)})
    else:
        codes = []
    setattr(user, _CACHE_ATTR, codes)
    return codes


def member_organization_ids(user) -> list[int]:
    """The organisations the user serves today in an officer's role (not as a plain anggota)."""
    if user.is_authenticated and user.role != Role.ORG_STAFF:
        return []
    return [m.organization_id for m in active_memberships(user) if _serves(m)]


def forget_visible_area_codes(user) -> None:
    """Call after changing a user's assignments or memberships within the same request."""
    from gotong.core.policy.decide import forget

    for attr in (_CACHE_ATTR, _WORK_ATTR, _MEMBERSHIPS_ATTR):
        if hasattr(user, attr):
            delattr(user, attr)
    forget(user)


def is_area_worker(user) -> bool:
    """City officers and facilitators (and superusers): the people who record work done in an area."""
    return user.is_authenticated and (user.is_superuser or user.role in ROLES_WORKING_AREAS)


def works_in(user, code: str) -> bool:
    """An area worker whose scope covers `code`."""
    return is_area_worker(user) and code_inside(code, visible_area_codes(user))


def area_code_filter(codes, field: str = "area_code") -> models.Q:
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


def _follow(obj, path: str | None):
    if path is None:
        return None
    if path == "":
        return obj
    for name in path.split("__"):
        if obj is None:
            return None
        obj = getattr(obj, name)
    return obj


@dataclass(frozen=True)
class ScopeHooks:
    """How a model's records are reached: field paths (Django `__` lookups) from the record.

    module: whose `<module>.view` grant (or `view`, when named) decides who sees the records.
    area: the record's area code. organization: its organisation's id. person / household: whose own record it is
    (a resident's). team: the case whose team may see it (casework; "" when the record is the case).
    """

    module: str
    area: str | None = "area_code"
    organization: str | None = None
    person: str | None = None
    household: str | None = None
    team: str | None = None
    # The capability whose grant decides who sees the records; `<module>.view` unless the records are narrower
    # (a treasury's named savings and loans: `treasury.view_records`).
    view: str | None = None
    # Records filed at an area that CONTAINS one of the user's areas are reached too (a city-wide survey round is
    # seen by the facilitator of one of its villages).
    ancestors: bool = False
    # A figures-only grant (partners, residents: AGGREGATE) sees every record: the records name no one and what
    # they show such viewers is suppressed aggregates (survey rounds, treasuries' totals).
    aggregate_sees_all: bool = False
    # A resident's own records include those filed at an area that contains their home (a planning round of their
    # RW or kelurahan and its proposals): what an OWN grant reaches there, beside their person and household.
    residents: bool = False

    @property
    def view_capability(self) -> str:
        return self.view or f"{self.module}.view"

    def place(self, record):
        from gotong.core.policy.decide import Place

        case = _follow(record, self.team)
        return Place(
            area_code=_follow(record, self.area),
            organization_id=_follow(record, self.organization),
            person_id=_follow(record, self.person),
            household_id=_follow(record, self.household),
            team_ids=frozenset(case.team_ids()) if case is not None else None,
            residents_area_code=_follow(record, self.area) if self.residents else None,
        )


class ScopedQuerySet(models.QuerySet):
    """Base of every scoped model's queryset: `visible_to(user)` is what the module's view grant reaches."""

    scope_hooks: ScopeHooks

    def visible_to(self, user):
        return self.reached_by(user, self.scope_hooks.view_capability)

    def reached_by(self, user, capability: str, *, named_only: bool = False):
        """The records `capability` reaches for `user`, as one query: what `can(user, capability, record)` answers
        record by record (form choices, the offline forms' lists, "the posyandus this cadre records in").
        `named_only` leaves out what a figures-only grant sees (`aggregate_sees_all`)."""
        from gotong.core.policy.decide import reaches

        hooks = self.scope_hooks
        reached = reaches(user, capability)
        if reached.everything or (hooks.aggregate_sees_all and reached.aggregate and not named_only):
            return self
        query = models.Q(pk__in=[])
        codes = sorted(reached.area_codes | reached.organization_area_codes)
        if hooks.area and codes:
            query |= area_code_filter(codes, hooks.area)
            if hooks.ancestors:
                query |= models.Q(**{f"{hooks.area}__in": sorted(ancestors_of_all(codes))})
        if hooks.organization and reached.organization_ids:
            query |= models.Q(**{f"{hooks.organization}__in": sorted(reached.organization_ids)})
        if reached.own and user.person_id:
            query |= self.own_records(user)
        distinct = False
        if reached.team and hooks.team is not None:
            query |= self.team_records(user)
            distinct = True
        scoped = self.filter(query)
        # The team join can repeat a record once per helper: distinct keeps one row.
        return scoped.distinct() if distinct else scoped

    def own_records(self, user) -> models.Q:
        """A resident's own records: those of their person or household."""
        hooks = self.scope_hooks
        query = models.Q(pk__in=[])
        if hooks.person:
            query |= models.Q(**{hooks.person: user.person_id})
        if hooks.household:
            query |= models.Q(**{hooks.household: user.person.household_id})
        if hooks.residents and hooks.area and user.person.area_code:
            home = user.person.area_code
            query |= models.Q(**{f"{hooks.area}__in": sorted(ancestors_of_all([home]) | {home})})
        return query

    def team_records(self, user) -> models.Q:
        prefix = f"{self.scope_hooks.team}__" if self.scope_hooks.team else ""
        return (
            models.Q(**{f"{prefix}worker": user})
            | models.Q(**{f"{prefix}supervisor": user})
            | models.Q(**{f"{prefix}team": user})
        )

    def in_area(self, code: str):
        return self.filter(area_code_filter([code], self.scope_hooks.area or "area_code"))
