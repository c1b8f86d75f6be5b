"""The rules Citus enforces, checked against the models and the placement map in `gotong.core.distribution`.

`readiness_gaps()` names every unique constraint and foreign key that `create_distributed_table` /
`create_reference_table` would refuse, and every province-distributed table without its `province_code` column; the
test compares it with `KNOWN_GAPS`. Primary keys are not gaps: every distributed table keeps a single `id` (or a
one-to-one key to its parent) that the switch-over turns into `(province_code, id)`, the same step for every table
(docs/scaling.md).
"""

from django.apps import apps
from django.db import models

from gotong.core.distribution import (
    PLACEMENT,
    PROVINCE_COLUMN,
    UNIQUE_BY_CONSTRUCTION,
    ByOwnKey,
    ByProvince,
    Local,
    Placement,
    Reference,
)

_DISTRIBUTED = (ByProvince, ByOwnKey)


def models_to_place() -> list[type[models.Model]]:
    """Every model that owns a table, many-to-many link tables included."""
    return [
        model for model in apps.get_models(include_auto_created=True) if model._meta.managed and not model._meta.proxy
    ]


def placement_of(model) -> Placement | None:
    return PLACEMENT.get(model._meta.label)


def unplaced_models() -> list[str]:
    return sorted(m._meta.label for m in models_to_place() if placement_of(m) is None)


def placements_without_model() -> list[str]:
    known = {m._meta.label for m in models_to_place()}
    return sorted(set(PLACEMENT) - known)


def foreign_keys(model):
    return [f for f in model._meta.concrete_fields if f.is_relation and (f.many_to_one or f.one_to_one)]


def province_source(model) -> str:
    """Where a province-distributed row's province comes from in the end, e.g. "registry.Household.area_code".

    Follows `via` from table to table; raises ValueError when the path is broken (a missing field, a cycle, or a
    target that carries no area code).
    """
    seen = []
    while True:
        label = model._meta.label
        if label in seen:
            raise ValueError(f"province derivation loops: {' → '.join([*seen, label])}")
        seen.append(label)
        placement = placement_of(model)
        via = placement.via
        if via in ("area_code", PROVINCE_COLUMN):
            model._meta.get_field(via)  # raises FieldDoesNotExist when absent
            return f"{label}.{via}"
        field = model._meta.get_field(via)
        if not field.is_relation:
            raise ValueError(f"{label}.{via} is neither an area code nor a foreign key")
        target = field.related_model
        if isinstance(placement_of(target), ByProvince):
            model = target
            continue
        names = {f.name for f in target._meta.concrete_fields}
        for column in ("area_code", "code"):
            if column in names:
                return f"{target._meta.label}.{column}"
        raise ValueError(f"{label}.{via} points at {target._meta.label}, which carries no area code")


def _province_fields(model, placement: ByProvince) -> set[str]:
    """Fields whose value fixes the row's province: part of a unique constraint, they make it per-province.

    A link to any province-distributed row counts: where it may still point into another province, the link itself
    is a listed gap whose fix (same province, composite key) makes the constraint per-province too.
    """
    fields = {PROVINCE_COLUMN, "area_code", placement.via, *placement.same_province}
    fields |= {f.name for f in foreign_keys(model) if isinstance(placement_of(f.related_model), ByProvince)}
    return fields


def _unique_sets(model):
    """(name, field names) of every unique field and unique constraint other than the primary key."""
    opts = model._meta
    for field in opts.concrete_fields:
        if field.unique and not field.primary_key:
            yield f"unique {field.name}", {field.name}
    for together in opts.unique_together:
        yield f"unique {'+'.join(together)}", set(together)
    for constraint in opts.constraints:
        if isinstance(constraint, models.UniqueConstraint):
            yield f"unique {constraint.name}", set(constraint.fields)


def _key_gaps(model, placement) -> dict[str, str]:
    gaps = {}
    pk = model._meta.pk
    if isinstance(placement, ByProvince):
        allowed = _province_fields(model, placement)
        column = next((f for f in model._meta.concrete_fields if f.name == PROVINCE_COLUMN), None)
        if column is None:
            gaps[PROVINCE_COLUMN] = "no province_code column to distribute the table by"
        elif isinstance(column, models.GeneratedField):
            gaps[PROVINCE_COLUMN] = "a generated column cannot be Citus's distribution column"
        if not (pk.name == "id" and isinstance(pk, models.AutoField)) and pk.name not in allowed:
            gaps["primary key"] = f"primary key {pk.name} is neither an auto id nor the parent's key"
        for name, fields in _unique_sets(model):
            if fields & allowed or (len(fields) == 1 and fields <= set(UNIQUE_BY_CONSTRUCTION)):
                continue
            gaps[name] = f"unique on {sorted(fields) or 'an expression'} does not fix the province"
    auto_int4 = isinstance(pk, models.AutoField) and not isinstance(pk, models.BigAutoField)
    if isinstance(placement, _DISTRIBUTED) and auto_int4:
        # Citus gives an int4 sequence `worker_nextval`, which only the coordinator can call (citus#5126).
        gaps["int id"] = "an int4 id: only the coordinator can insert rows, and it wraps at 2.1 billion"
    if isinstance(placement, ByOwnKey):
        if pk.name != placement.column:
            gaps["primary key"] = f"primary key {pk.name} is not the distribution column {placement.column}"
        for name, fields in _unique_sets(model):
            if placement.column not in fields:
                gaps[name] = f"unique on {sorted(fields)} does not include {placement.column}"
    return gaps


def _link_gaps(model, placement) -> dict[str, str]:
    gaps = {}
    colocated = {placement.via, *placement.same_province} if isinstance(placement, ByProvince) else set()
    for field in foreign_keys(model):
        target = placement_of(field.related_model)
        if isinstance(target, Reference) or target is None:
            continue  # a missing placement is reported by `unplaced_models`
        if isinstance(placement, ByProvince) and isinstance(target, ByProvince):
            if field.name not in colocated:
                gaps[f"fk {field.name}"] = f"{field.related_model._meta.label} may sit in another province"
        elif isinstance(target, Local) and isinstance(placement, Local):
            continue
        else:
            gaps[f"fk {field.name}"] = (
                f"{type(placement).__name__} → {type(target).__name__} ({field.related_model._meta.label})"
            )
    return gaps


def readiness_gaps() -> dict[tuple[str, str], str]:
    """Every (model, constraint or foreign key) Citus would refuse, with what is wrong."""
    gaps = {}
    for model in models_to_place():
        placement = placement_of(model)
        if placement is None:
            continue
        for item, problem in {**_key_gaps(model, placement), **_link_gaps(model, placement)}.items():
            gaps[model._meta.label, item] = problem
    return gaps


def province_distributed_models() -> list[type[models.Model]]:
    return [m for m in models_to_place() if isinstance(placement_of(m), ByProvince)]


def tables_by_kind() -> dict[str, list[str]]:
    """Table names per placement kind, for the switch-over script and the doc."""
    kinds: dict[str, list[str]] = {}
    for model in models_to_place():
        placement = placement_of(model)
        if placement is not None:
            kinds.setdefault(type(placement).__name__, []).append(model._meta.db_table)
    return {kind: sorted(tables) for kind, tables in kinds.items()}
