"""Business rules for areas: finding them, neighbourhood units (RW/RT), work assignments."""

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext as _

from gotong.areas.models import Area, Level, WorkAssignment
from gotong.areas.names import normalize_area_name
from gotong.core.scoping import forget_visible_area_codes


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
    """The RW (and RT) unit under a village, created on first use."""
    if village.level != Level.VILLAGE:
        raise ValidationError(_("RW/RT hanya bisa dibuat di bawah kelurahan/desa."))
    rw_number, rt_number = int(rw), (int(rt) if rt not in (None, "") else None)
    if not 1 <= rw_number <= 999 or (rt_number is not None and not 1 <= rt_number <= 999):
        raise ValidationError(_("Nomor RT/RW harus antara 1 dan 999."))
    rw_unit, _created = Area.objects.get_or_create(
        code=neighbourhood_code(village.code, rw_number),
        defaults={"name": f"RW {rw_number:03d}", "level": Level.RW, "kind": "rw", "parent": village},
    )
    if rt_number is None:
        return rw_unit
    rt_unit, _created = Area.objects.get_or_create(
        code=neighbourhood_code(village.code, rw_number, rt_number),
        defaults={"name": f"RT {rt_number:03d}", "level": Level.RT, "kind": "rt", "parent": rw_unit},
    )
    return rt_unit


@transaction.atomic
def assign_work_area(user, area: Area, *, acting_user) -> WorkAssignment:
    with set_actor(acting_user):
        assignment, _created = WorkAssignment.objects.get_or_create(
            user=user, area=area, defaults={"assigned_by": acting_user}
        )
    forget_visible_area_codes(user)
    return assignment


@transaction.atomic
def unassign_work_area(user, area: Area, *, acting_user) -> None:
    with set_actor(acting_user):
        for assignment in WorkAssignment.objects.filter(user=user, area=area):
            assignment.delete()
    forget_visible_area_codes(user)
