"""Keyset ("seek") pages: the page after a row is `WHERE (order keys) > (that row's keys) ORDER BY … LIMIT n`.

OFFSET makes the database read and throw away every row before the page: page 20 000 of a city's persons read
a million rows (14 s on Medan). A seek reads only the page, from an index on the order keys, so page 1 000 costs
what page 1 costs. The price: a page is reached from its neighbour, not by number; a cursor in the link names the
row the page starts after (`?setelah=`) or before (`?sebelum=`).

Why this and not a library:
- DRF's `CursorPagination` keys on one field and, when that field has ties, adds an OFFSET into the run of equal
  values; our lists order by several fields with long runs of ties (every household of an RT shares its area
  code), mixed directions (cases: most overdue first, then oldest) and nullable fields (a household without a
  welfare decile). It also serves only the API, not the pages.
- Django 5.2's tuple lookups (`django.db.models.fields.tuple_lookups`: `Tuple`, `TupleGreaterThan`) write the
  row comparison `(a, b, pk) > (x, y, z)` that PostgreSQL answers as one range of a composite B-tree index, and
  expand it to `a > x OR (a = x AND …)` on SQLite. They compare one direction and no NULLs, so this module uses
  them for the longest leading run of same-direction, non-null keys and spells the rest out: for each later key
  "after" is "greater (or NULL, where NULLs sort last)" or "equal and after on the next key".
  The leading run is repeated as `>=`, so the planner sees an index range even when later keys need an OR.
- Every order ends with the primary key, so the order is total and no row is skipped or shown twice.
- NULLs sort last ascending and first descending on every engine (PostgreSQL's default, so its indexes still
  apply; SQLite is told `NULLS LAST`/`NULLS FIRST` explicitly).

A cursor is the signed JSON of the row's key values, a fingerprint of the order they belong to, and the page
number it leads to (shown as "Halaman n", cheap and approximate when rows come and go). It is signed with the
site's secret (`django.core.signing`), so a user cannot forge one; a cursor only narrows the already scoped
queryset, so even a forged one could not widen what a user sees.
"""

import datetime
import decimal
import hashlib
import uuid
from dataclasses import dataclass

from django.core import signing
from django.db.models import F, Q
from django.db.models.expressions import OrderBy
from django.db.models.fields.tuple_lookups import Tuple, TupleGreaterThanOrEqual, TupleLessThanOrEqual

_SALT = "gotong.keyset"


class Unkeyable(ValueError):
    """The queryset's order cannot be sought (random order, raw SQL, a relation's own ordering): page by OFFSET."""


class BadCursor(ValueError):
    """A cursor that is not ours, was changed, or belongs to another order."""


@dataclass(frozen=True)
class Key:
    path: str  # as in order_by: "area_code", "posyandu__name", an annotation, "pk"
    descending: bool
    nullable: bool
    nulls_last: bool
    field: object  # the model field (or annotation output field) that turns a cursor's JSON back into a value

    def order(self, reverse: bool = False) -> OrderBy:
        descending = self.descending != reverse
        if not self.nullable:
            return OrderBy(F(self.path), descending=descending)
        nulls_last = self.nulls_last != reverse
        return OrderBy(
            F(self.path), descending=descending, nulls_last=nulls_last or None, nulls_first=not nulls_last or None
        )


def keys_of(queryset) -> list[Key]:
    """The queryset's order as keys, ending with the primary key (added when missing) so the order is total."""
    query = queryset.query
    if query.extra_order_by:
        raise Unkeyable("extra order")
    ordering = query.order_by or (queryset.model._meta.ordering if query.default_ordering else ())
    keys = [_key(queryset, item) for item in ordering]
    pk = queryset.model._meta.pk
    if not any(key.path in ("pk", pk.name, pk.attname) for key in keys):
        keys.append(Key("pk", False, False, True, pk))
    return keys


def _key(queryset, item) -> Key:
    nulls = None
    if isinstance(item, str):
        if item == "?" or "." in item:
            raise Unkeyable(item)
        descending, path = item.startswith("-"), item.lstrip("-")
    elif isinstance(item, F):
        descending, path = False, item.name
    elif isinstance(item, OrderBy) and isinstance(item.expression, F):
        descending, path = item.descending, item.expression.name
        nulls = True if item.nulls_last else False if item.nulls_first else None
    else:
        raise Unkeyable(repr(item))
    field, nullable = _field_of(queryset, path)
    nulls_last = nulls if nulls is not None else not descending
    return Key(path, descending, nullable, nulls_last, field)


def _field_of(queryset, path: str):
    """The field at the end of `path` and whether the path can hold NULL (a nullable field or relation on the way)."""
    annotation = queryset.query.annotations.get(path)
    if annotation is not None:
        return annotation.output_field, True
    model, nullable = queryset.model, False
    names = path.split("__")
    for position, name in enumerate(names):
        field = model._meta.pk if name == "pk" else model._meta.get_field(name)
        last = position == len(names) - 1
        nullable = nullable or bool(getattr(field, "null", False))
        if field.is_relation:
            if last:
                if name != field.attname:
                    # Django would order by the related model's own ordering: seek on that path explicitly.
                    raise Unkeyable(path)
                return field.target_field, nullable
            model = field.related_model
        elif not last:
            raise Unkeyable(path)
    return field, nullable


def values_of(row, keys: list[Key]) -> list:
    return [_value_at(row, key.path) for key in keys]


def _value_at(row, path: str):
    if isinstance(row, dict):
        if path == "pk":
            return row.get("pk", row.get("id"))
        return row[path]
    value = row
    for name in path.split("__"):
        if value is None:
            return None
        value = getattr(value, name)
    return value


def fingerprint(keys: list[Key]) -> str:
    """Which order a cursor was made for: a cursor of another list (or an older order) is refused."""
    spelled = ",".join(f"{'-' if k.descending else ''}{k.path}{'~' if k.nulls_last else ''}" for k in keys)
    return hashlib.blake2b(spelled.encode(), digest_size=4).hexdigest()


def _plain(value):
    # JSON of each value at full precision: DjangoJSONEncoder cuts microseconds, which would make the cursor's
    # timestamp unequal to the row's and skip or repeat rows.
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    return value


def encode_cursor(keys: list[Key], row, page_number: int) -> str:
    payload = [fingerprint(keys), [_plain(v) for v in values_of(row, keys)], page_number]
    return signing.dumps(payload, salt=_SALT, compress=True)


def decode_cursor(keys: list[Key], cursor: str) -> tuple[list, int]:
    """The key values and page number a cursor carries; BadCursor when it is not one of ours for this order."""
    try:
        mark, raw_values, page_number = signing.loads(str(cursor), salt=_SALT)
        if mark != fingerprint(keys) or len(raw_values) != len(keys) or not isinstance(page_number, int):
            raise BadCursor(cursor)
        values = [None if raw is None else key.field.to_python(raw) for key, raw in zip(keys, raw_values, strict=True)]
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise BadCursor(cursor) from error
    except Exception as error:  # a field's ValidationError on a value it cannot read
        raise BadCursor(cursor) from error
    return values, max(page_number, 1)


def seek(queryset, keys: list[Key], values: list, *, reverse: bool = False):
    """The queryset's rows strictly after the row holding `values` (before it when `reverse`), in that direction."""
    queryset = queryset.filter(_after(keys, values, reverse))
    run = _leading_run(keys, values, reverse)
    descending = keys[0].descending != reverse
    if run:
        # The same condition again as index ranges, for the planner: `a >= x` reads the first key's index from
        # the cursor on even when later keys sit in joined tables (the under-fives list orders by posyandu and
        # child names); `(a, b) >= (x, y)` starts a composite index's scan at the cursor itself.
        queryset = queryset.filter(**{f"{run[0].path}__{'lte' if descending else 'gte'}": values[0]})
    if len(run) > 1:
        lookup = TupleLessThanOrEqual if descending else TupleGreaterThanOrEqual
        queryset = queryset.filter(lookup(Tuple(*(F(k.path) for k in run)), tuple(values[: len(run)])))
    return queryset.order_by(*(key.order(reverse) for key in keys))


def _leading_run(keys, values, reverse) -> list[Key]:
    run = []
    for key, value in zip(keys, values, strict=True):
        if key.nullable or value is None or key.descending != keys[0].descending:
            break
        run.append(key)
    return run


def _after(keys: list[Key], values: list, reverse: bool) -> Q:
    """Rows after `values`: after on the first key, or equal on it and after on the rest (built from the last key)."""
    condition = None  # None: no row (nothing comes after the cursor on the keys seen so far)
    for position, (key, value) in enumerate(reversed(list(zip(keys, values, strict=True)))):
        greater = _greater(key, value, reverse)
        equal = Q(**{f"{key.path}__isnull": True}) if value is None else Q(**{key.path: value})
        tail = None if position == 0 or condition is None else equal & condition
        condition = tail if greater is None else greater if tail is None else greater | tail
    return condition if condition is not None else Q(pk__in=[])


def _greater(key: Key, value, reverse: bool) -> Q | None:
    """Rows whose `key` comes strictly after `value` in the (possibly reversed) order; None when none can."""
    descending = key.descending != reverse
    nulls_last = key.nulls_last != reverse
    if value is None:
        return None if nulls_last else Q(**{f"{key.path}__isnull": False})
    greater = Q(**{f"{key.path}__{'lt' if descending else 'gt'}": value})
    if key.nullable and nulls_last:
        greater |= Q(**{f"{key.path}__isnull": True})
    return greater
