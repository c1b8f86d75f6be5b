"""Applying the role matrix of `grants.py` to one user, one capability and (optionally) one record or place."""

import enum
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.http import Http404

from gotong.core.area_codes import code_inside
from gotong.core.policy.grants import (
    ANONYMOUS_GRANTS,
    CAPABILITIES,
    MEMBER_GRANTS,
    MODULE_ORGANIZATION_KINDS,
    ROLE_GRANTS,
    ROLES_ACTING_BY_MEMBERSHIP,
    Reach,
    superuser_grants,
)
from gotong.organizations.choices import MemberRole

_CACHE_ATTR = "_gotong_policy_reaches"


class Decision(enum.Enum):
    ALLOW = "allow"
    # The user may see the record but not do this to it: 403.
    FORBID = "forbid"
    # The record is outside what the user may see: it does not exist for them, 404.
    HIDE = "hide"


@dataclass
class Reached:
    """One user's resolved grant of one capability: everything the reaches of `grants.py` point at."""

    everything: bool = False
    area_codes: set[str] = field(default_factory=set)
    organization_ids: set[int] = field(default_factory=set)
    organization_area_codes: set[str] = field(default_factory=set)
    own: bool = False
    team: bool = False
    aggregate: bool = False

    def __bool__(self) -> bool:
        return bool(
            self.everything
            or self.area_codes
            or self.organization_ids
            or self.organization_area_codes
            or self.own
            or self.team
            or self.aggregate
        )

    @property
    def named(self) -> bool:
        """Reaches at least one named record (more than aggregates)."""
        return bool(self.everything or self.area_codes or self.organization_ids or self.organization_area_codes
                    or self.own or self.team)  # fmt: skip


@dataclass(frozen=True)
class Place:
    """Where a record (or a record about to be made) sits, as far as the policy cares."""

    area_code: str | None = None
    organization_id: int | None = None
    person_id: int | None = None
    household_id: int | None = None
    team_ids: frozenset[int] | None = None
    # Residents living inside this area hold it as their own (`ScopeHooks.residents`: a planning round's area).
    residents_area_code: str | None = None


@dataclass(frozen=True)
class Needs:
    """A target that needs a second capability as well: an export of the case supervision list needs
    `exports.use` (the route's) and `casework.supervise` (the list's), on `target` (None: anywhere)."""

    capability: str
    target: object = None


def reaches(user, capability: str) -> Reached:
    """What `capability` reaches for `user`; cached on the user object (Django loads it afresh every request)."""
    if capability not in CAPABILITIES:
        raise KeyError(f"unknown capability {capability!r}: declare it in gotong/core/policy/grants.py")
    cache = getattr(user, _CACHE_ATTR, None)
    if cache is None:
        cache = {}
        setattr(user, _CACHE_ATTR, cache)
    if capability not in cache:
        cache[capability] = _resolve(user, capability)
    return cache[capability]


def forget(user) -> None:
    """Call after changing a user's role, assignments or memberships within the same request."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def _resolve(user, capability: str) -> Reached:
    from gotong.core.scoping import active_memberships, work_area_codes

    reached = Reached()
    if not user.is_authenticated or not user.is_active:
        _apply(reached, ANONYMOUS_GRANTS.get(capability, ()), user, work_codes=())
        return reached
    if user.is_superuser:
        _apply(reached, superuser_grants()[capability], user, work_codes=())
        return reached
    _apply(reached, ROLE_GRANTS.get(user.role, {}).get(capability, ()), user, work_codes=work_area_codes(user))
    module = capability.split(".", 1)[0]
    kinds = MODULE_ORGANIZATION_KINDS.get(module)
    acts_by_membership = user.role in ROLES_ACTING_BY_MEMBERSHIP
    for membership in active_memberships(user):
        if kinds is not None and membership.kind not in kinds:
            continue
        member_role = membership.role if acts_by_membership else MemberRole.MEMBER
        for reach in MEMBER_GRANTS.get(member_role, {}).get(capability, ()):
            if reach == Reach.ORGANIZATION:
                reached.organization_ids.add(membership.organization_id)
            elif reach == Reach.ORG_AREA:
                reached.organization_area_codes.add(membership.area_code)
            else:
                _apply(reached, (reach,), user, work_codes=())
    return reached


def _apply(reached: Reached, grant, user, *, work_codes) -> None:
    for reach in grant:
        if reach == Reach.ALL:
            reached.everything = True
        elif reach == Reach.AREA:
            reached.area_codes.update(work_codes)
        elif reach == Reach.OWN:
            reached.own = bool(user.is_authenticated)
        elif reach == Reach.TEAM:
            reached.team = bool(user.is_authenticated)
        elif reach == Reach.AGGREGATE:
            reached.aggregate = True


def may_somewhere(user, capability: str) -> bool:
    """The module-level question: may the user do this anywhere at all (show the menu, the button, the page)?"""
    return bool(reaches(user, capability))


def place_of(target) -> Place:
    """The policy's view of a record, from the scope hooks its queryset declares (see `gotong.core.scoping`)."""
    if isinstance(target, Place):
        return target
    if isinstance(target, str):
        return Place(area_code=target)
    from gotong.areas.models import Area

    if isinstance(target, Area):
        return Place(area_code=target.code)
    hooks = getattr(type(target)._default_manager.get_queryset(), "scope_hooks", None)
    if hooks is None:
        raise TypeError(f"{type(target).__name__} declares no scope hooks (gotong.core.scoping.ScopedQuerySet)")
    return hooks.place(target)


def _reaches_place(reached: Reached, place: Place, user) -> bool:
    if reached.everything:
        return True
    if place.area_code and (
        code_inside(place.area_code, reached.area_codes)
        or code_inside(place.area_code, reached.organization_area_codes)
    ):
        return True
    if place.organization_id is not None and place.organization_id in reached.organization_ids:
        return True
    if reached.own and user.is_authenticated and user.person_id:
        if place.person_id is not None and place.person_id == user.person_id:
            return True
        if place.household_id is not None and place.household_id == _own_household_id(user):
            return True
        if place.residents_area_code and code_inside(user.person.area_code, [place.residents_area_code]):
            return True
    return bool(reached.team and place.team_ids is not None and user.pk in place.team_ids)


def _own_household_id(user) -> int | None:
    return user.person.household_id if user.person_id else None


def _is_visible(user, target) -> bool:
    """Seeing a record is its scoped queryset's answer, so every list and every check agree."""
    if isinstance(target, (Place, str)):
        return True
    manager = type(target)._default_manager
    if not hasattr(manager.get_queryset(), "visible_to"):
        return True
    return manager.get_queryset().visible_to(user).filter(pk=target.pk).exists()


def decide(user, capability: str, target=None) -> Decision:
    """ALLOW, FORBID (sees it, may not do this: 403) or HIDE (may not see it: 404).

    `target` is None (anywhere at all), an area code or `Area` (doing something there), a `Place` (a record about
    to be made: its area and organisation) or a record (a model instance whose queryset declares scope hooks).
    """
    if isinstance(target, Needs):
        first = decide(user, capability, None)
        return first if first is not Decision.ALLOW else decide(user, target.capability, target.target)
    reached = reaches(user, capability)
    if target is None:
        return Decision.ALLOW if reached else Decision.FORBID
    from gotong.areas.models import Area

    if type(target) is Area:
        target = target.code  # a place, not a record: the reaches decide (areas themselves are public)
    if not _is_visible(user, target):
        return Decision.HIDE
    if capability.endswith(".view") and not isinstance(target, (Place, str)):
        # A record's visibility is the view capability itself (its queryset is built from the same grants).
        return Decision.ALLOW if reached else Decision.FORBID
    return Decision.ALLOW if _reaches_place(reached, place_of(target), user) else Decision.FORBID


def can(user, capability: str, target=None) -> bool:
    return decide(user, capability, target) is Decision.ALLOW


def require(user, capability: str, target=None) -> None:
    """Raise Http404 (hidden) or PermissionDenied (forbidden) unless the user may."""
    decision = decide(user, capability, target)
    if decision is Decision.HIDE:
        raise Http404
    if decision is Decision.FORBID:
        raise PermissionDenied
