"""The `province_code` column every province-distributed row carries: Citus's distribution column, kept now.

One field class does it for all of them (`gotong.core.distribution.PLACEMENT` says where each row's province comes
from): Django calls `Field.pre_save` on every `save()` and for every row of `bulk_create`, so the value is derived
there, from what is already in hand (the row's own `area_code`, or its `via` parent when loaded) and with one
`parent_id` look-up otherwise. Paths that write SQL themselves (COPY in the bulk import and the synthetic city,
`QuerySet.update`) fill the column themselves; `gotong distribution check` proves every table agrees. The
many-to-many link tables' rows come from Django's `add()`/`set()`, whose `bulk_create` knows only the owner's id:
their `LinkQuerySet` reads the owners' provinces once per batch.

A row whose province changes on update (a household moved to a city in another province) takes its descendants
along — persons, dwelling, cases and their visits … — in the same transaction (`move_descendants`). Citus refuses
such an UPDATE of the distribution column ("modifying the partition value of rows is not allowed"), so after the
switch-over the same move becomes copy-and-delete (docs/scaling.md, Step 4); until then one UPDATE per table keeps
every row right.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gotong.core.distribution import PLACEMENT, PROVINCE_COLUMN, ByProvince


def province_of_area_code(code: str | None) -> str | None:
    """The Kemendagri province code: the first two digits of any area code ("21.72.03" → "21")."""
    return code[:2] if code else None


class ProvinceCodeField(models.CharField):
    """`province_code`: the first two digits of the row's area code, derived on save (see the module docstring)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 2)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("verbose_name", _("kode provinsi"))
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        for key, default in (("max_length", 2), ("editable", False), ("verbose_name", _("kode provinsi"))):
            if kwargs.get(key, default) == default:
                kwargs.pop(key, None)
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        stored = getattr(model_instance, self.attname)
        derived = derive_province(model_instance, given=stored if add else None)
        if not add and stored is not None and derived != stored and model_instance.pk is not None:
            move_descendants(type(model_instance), model_instance.pk, derived)
        setattr(model_instance, self.attname, derived)
        return derived


def _via(model) -> models.Field | None:
    placement = PLACEMENT.get(model._meta.label)
    if not isinstance(placement, ByProvince) or placement.via in ("area_code", PROVINCE_COLUMN):
        return None
    return model._meta.get_field(placement.via)


def parent_province_column(opts) -> str:
    """The column of a parent table (its `_meta`) that carries its province: its own `province_code`, else its area
    code (`area_code`, or an area's own `code`), whose first two digits are the province."""
    columns = {field.column for field in opts.concrete_fields}
    return next(column for column in (PROVINCE_COLUMN, "area_code", "code") if column in columns)


def _province_of_parent(parent) -> str | None:
    if isinstance(PLACEMENT.get(parent._meta.label), ByProvince):
        return getattr(parent, PROVINCE_COLUMN)
    return province_of_area_code(getattr(parent, "area_code", None) or getattr(parent, "code", None))


def derive_province(instance, *, given: str | None = None) -> str | None:
    """The row's province by `distribution.PLACEMENT`, from the cheapest source that is right.

    given: a value the caller set on a new row (bulk paths know it); kept unless the parent is in hand anyway.
    """
    via = _via(type(instance))
    if via is None:
        return province_of_area_code(instance.area_code)
    if via.is_cached(instance):
        parent = getattr(instance, via.name)
        return None if parent is None else _province_of_parent(parent)
    if given:
        return given
    parent_model = via.related_model
    own_area_code = getattr(instance, "area_code", None)
    if own_area_code and not isinstance(PLACEMENT.get(parent_model._meta.label), ByProvince):
        # Copied from an area or organisation (reference rows, which never change province under it).
        return province_of_area_code(own_area_code)
    parent_id = getattr(instance, via.attname)
    if parent_id is None:
        return None
    if isinstance(PLACEMENT.get(parent_model._meta.label), ByProvince):
        return _one_value(parent_model, parent_id, PROVINCE_COLUMN)
    return province_of_area_code(_one_value(parent_model, parent_id, parent_province_column(parent_model._meta)))


class LinkQuerySet(models.QuerySet):
    """The rows of a many-to-many link table (an explicit `through` model placed `ByProvince(via=<owner>)`).

    Django's `add()`/`set()` (forms' `save_m2m`, the services) write the link rows with `bulk_create` and only the
    two ids, from either side of the relation; the owners' provinces are read here, one query for the batch, instead
    of one look-up per row in `ProvinceCodeField.pre_save` (which keeps a value given on a new row).
    """

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        fill_from_parents(self.model, objs)
        return super().bulk_create(objs, *args, **kwargs)


class ProvinceLink(models.Model):
    """Base of the explicit many-to-many `through` models: the link-row manager above and a plain name."""

    objects = LinkQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self) -> str:
        owner, other = self._meta.unique_together[0]
        return f"{getattr(self, owner)} – {getattr(self, other)}"


def fill_from_parents(model, objs) -> None:
    """Set `province_code` on the new rows `objs` of `model` that lack it, from their `via` parents, in one query."""
    via = _via(model)
    if via is None:
        return
    pending = [obj for obj in objs if not getattr(obj, PROVINCE_COLUMN) and not via.is_cached(obj)]
    parent_ids = {getattr(obj, via.attname) for obj in pending} - {None}
    if not parent_ids:
        return
    parent = via.related_model
    if isinstance(PLACEMENT.get(parent._meta.label), ByProvince):
        column = PROVINCE_COLUMN
    else:
        column = parent_province_column(parent._meta)
    found = dict(parent._base_manager.filter(pk__in=parent_ids).order_by().values_list("pk", column))
    for obj in pending:
        setattr(obj, PROVINCE_COLUMN, province_of_area_code(found.get(getattr(obj, via.attname))))


def _one_value(model, pk, column: str):
    return model._base_manager.filter(pk=pk).order_by().values_list(column, flat=True).first()


def children_by_via(model) -> list[tuple[type[models.Model], models.Field]]:
    """(child model, its `via` foreign key) for every province-distributed table whose province comes from `model`."""
    from gotong.core.distribution_rules import province_distributed_models

    found = []
    for child in province_distributed_models():
        via = _via(child)
        if via is not None and via.related_model is model and has_province_column(child):
            found.append((child, via))
    return found


def has_province_column(model) -> bool:
    return any(isinstance(f, ProvinceCodeField) for f in model._meta.concrete_fields)


def move_descendants(model, pk, province: str | None) -> int:
    """Set `province` on every row that takes its province from row `pk` of `model`, down the whole tree.

    One UPDATE per descendant table, each selecting its rows by a subquery on its parent's; returns rows changed.
    """
    changed = 0
    pending = [(model, model._base_manager.filter(pk=pk))]
    while pending:
        parent, parents = pending.pop()
        for child, via in children_by_via(parent):
            rows = child._base_manager.filter(**{f"{via.name}__in": parents.values("pk")})
            changed += rows.exclude(**{PROVINCE_COLUMN: province}).update(**{PROVINCE_COLUMN: province})
            pending.append((child, rows))
    return changed
