"""Business rules for areas: finding them, neighbourhood units (RW/RT), work assignments."""

from auditlog.context import set_actor
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Case, Exists, IntegerField, OuterRef, Value, When
from django.utils.translation import gettext as _

from gotong.accounts.roles import ROLES_WORKING_AREAS
from gotong.areas.access import reach_codes
from gotong.areas.models import Area, Level, WorkAssignment
from gotong.areas.names import normalize_area_name
from gotong.core.policy import can
from gotong.core.scoping import area_code_filter, forget_visible_area_codes


def search_areas(text: str, *, level: int | None = None, within: str | None = None, limit: int = 20):
    """Areas whose name or an alias matches `text` however it is spelled; exact matches first."""
    key = normalize_area_name(text)
    if not key:
        return Area.objects.none()
    matches = models.Q(search_key__contains=key) | models.Q(aliases__search_key__contains=key)
    queryset = Area.objects.filter(pk__in=Area.objects.filter(matches).values("pk"))
    if level is not None:
        queryset = queryset.filter(level=level)
    if within:
        queryset = queryset.within(within)
    exact = models.Q(search_key=key) | models.Q(aliases__search_key=key)
    ranked = queryset.annotate(
        rank=Case(
            When(pk__in=Area.objects.filter(exact).values("pk"), then=Value(0)),
            When(search_key__startswith=key, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
    )
    return ranked.select_related("parent").order_by("rank", "level", "name")[:limit]


def neighbourhood_code(village_code: str, rw: int | str, rt: int | str | None = None) -> str:
    code = f"{village_code}.{int(rw):03d}"
    return f"{code}.{int(rt):03d}" if rt not in (None, "") else code


@transaction.atomic
def ensure_neighbourhood_unit(village: Area, rw: int | str, rt: int | str | None = None) -> Area:
    """The RW (and RT) unit under a village, created on first use with the village's postal code."""
    if village.level != Level.VILLAGE:
        raise ValidationError(_("RW/RT hanya bisa dibuat di bawah kelurahan/desa."))
    rw_number, rt_number = int(rw), (int(rt) if rt not in (None, "") else None)
    if not 1 <= rw_number <= 999 or (rt_number is not None and not 1 <= rt_number <= 999):
        raise ValidationError(_("Nomor RT/RW harus antara 1 dan 999."))
    postal = {"postal_code": village.postal_code}  # as ensure_neighbourhood_units gives them
    rw_unit, _created = Area.objects.get_or_create(
        code=neighbourhood_code(village.code, rw_number),
        defaults={"name": f"RW {rw_number:03d}", "level": Level.RW, "kind": "rw", "parent": village, **postal},
    )
    if rt_number is None:
        return rw_unit
    rt_unit, _created = Area.objects.get_or_create(
        code=neighbourhood_code(village.code, rw_number, rt_number),
        defaults={"name": f"RT {rt_number:03d}", "level": Level.RT, "kind": "rt", "parent": rw_unit, **postal},
    )
    return rt_unit


@transaction.atomic
def ensure_neighbourhood_units(places) -> dict[tuple[str, int, int], tuple[int, str]]:
    """Many RT units at once for bulk loads: (village code, RW, RT) → (RT area id, RT code), missing ones created.

    The same units as `ensure_neighbourhood_unit`, in a few queries instead of several per RT; created without
    per-row audit entries (a bulk load is logged as one event by its caller). Units inherit the village's postal code.
    """
    places = {(code, int(rw), int(rt)) for code, rw, rt in places}
    if any(not (1 <= rw <= 999 and 1 <= rt <= 999) for _code, rw, rt in places):
        raise ValidationError(_("Nomor RT/RW harus antara 1 dan 999."))
    villages = {area.code: area for area in Area.objects.filter(code__in={code for code, _rw, _rt in places})}
    if any(code not in villages or villages[code].level != Level.VILLAGE for code, _rw, _rt in places):
        raise ValidationError(_("RW/RT hanya bisa dibuat di bawah kelurahan/desa."))
    rw_units = {(code, rw): neighbourhood_code(code, rw) for code, rw, _rt in places}
    rt_units = {place: neighbourhood_code(*place) for place in places}
    _create_missing(rw_units, Level.RW, lambda key: villages[key[0]].pk, villages)
    rws = dict(Area.objects.filter(code__in=rw_units.values()).values_list("code", "id"))
    _create_missing(rt_units, Level.RT, lambda key: rws[rw_units[key[:2]]], villages)
    found = dict(Area.objects.filter(code__in=rt_units.values()).values_list("code", "id"))
    return {place: (found[code], code) for place, code in rt_units.items()}


def _create_missing(units: dict, level: int, parent_of, villages: dict) -> None:
    """Create the units of `units` (key → code) that do not exist yet; `parent_of(key)` gives the parent's id."""
    existing = set(Area.objects.filter(code__in=units.values()).values_list("code", flat=True))
    kind = "rw" if level == Level.RW else "rt"
    new = []
    for key, code in units.items():
        if code in existing:
            continue
        name = f"{kind.upper()} {key[-1]:03d}"
        postal_code = villages[key[0]].postal_code
        new.append(Area(code=code, name=name, level=level, kind=kind, parent_id=parent_of(key), postal_code=postal_code,
                        search_key=normalize_area_name(name)))  # fmt: skip
    Area.objects.bulk_create(new, batch_size=2000)


def assignments_in_reach(acting_user):
    """The work assignments inside the areas where `acting_user` hands out work areas (`areas.assign`)."""
    codes = reach_codes(acting_user, "areas.assign")
    assignments = WorkAssignment.objects.select_related("area", "user", "assigned_by")
    return assignments if codes is None else assignments.filter(area_code_filter(codes, field="area__code"))


def assignable_users(acting_user):
    """Whom `acting_user` may give a work area: active city officers and facilitators (the roles whose reach is
    their work areas), never superusers, who have no work area yet or already work inside the acting user's
    `areas.assign` reach. A city officer never sees, let alone takes over, the staff of another city."""
    users = get_user_model().objects.filter(is_active=True, is_superuser=False, role__in=ROLES_WORKING_AREAS)
    if not can(acting_user, "areas.assign"):
        return users.none()
    codes = reach_codes(acting_user, "areas.assign")
    if codes is not None:
        any_area = WorkAssignment.objects.filter(user=OuterRef("pk"))
        inside = any_area.filter(area_code_filter(codes, field="area__code"))
        users = users.filter(~Exists(any_area) | Exists(inside))
    return users.order_by("first_name", "last_name", "username")


@transaction.atomic
def assign_work_area(user, area: Area, *, acting_user) -> WorkAssignment:
    """Give `user` the work area `area`. `acting_user` None: the system (demo, synthetic data)."""
    if acting_user is not None:
        if not can(acting_user, "areas.assign", area):
            raise PermissionDenied(_("%(name)s di luar wilayah kerja Anda.") % {"name": area.name})
        if not assignable_users(acting_user).filter(pk=user.pk).exists():
            raise ValidationError({"user": _("Pengguna ini tidak bisa diberi wilayah kerja.")})
    with set_actor(acting_user):
        assignment, _created = WorkAssignment.objects.get_or_create(
            user=user, area=area, defaults={"assigned_by": acting_user}
        )
    forget_visible_area_codes(user)
    return assignment


@transaction.atomic
def unassign_work_area(user, area: Area, *, acting_user) -> None:
    if acting_user is not None and not can(acting_user, "areas.assign", area):
        raise PermissionDenied(_("%(name)s di luar wilayah kerja Anda.") % {"name": area.name})
    with set_actor(acting_user):
        for assignment in WorkAssignment.objects.filter(user=user, area=area):
            assignment.delete()
    forget_visible_area_codes(user)
