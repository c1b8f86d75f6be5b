"""What a picker's search box finds: persons, households and accounts, by the start of a name or by a number.

City scale (a city of 2.5 M persons): a name is found by a range on the index of the lower-cased name
(`person_name_lower_idx`: "aisyah" ≤ key < "aisyai", the same on SQLite and PostgreSQL), a NIK or KK number by
equality or a range on its unique index. Only the first word of the name uses the index; the other words, and an
"RT 3" / "RW 5" in the text, narrow that already small set. Nothing scans a table with `LIKE '%…%'`.
"""

import re
from dataclasses import dataclass, field

from django.db.models import Q
from django.db.models.functions import Lower

LIMIT = 20
MIN_NAME_LENGTH = 2
MIN_DIGITS = 4

_UNIT = re.compile(r"\b(rt|rw)\s*[.:]?\s*0*(\d{1,3})\b", re.IGNORECASE)
_NUMBER_SEPARATORS = re.compile(r"[\s.\-]")


@dataclass
class Query:
    """A search text taken apart: the digits of a NIK/KK, the words of a name, an RT and RW."""

    digits: str = ""
    words: list[str] = field(default_factory=list)
    rt: int | None = None
    rw: int | None = None

    @property
    def searchable(self) -> bool:
        return len(self.digits) >= MIN_DIGITS or (bool(self.words) and len(self.words[0]) >= MIN_NAME_LENGTH)


def parse(text: str) -> Query:
    """ "1271 0123 4567 0001" (a KTP's spacing), "aisyah rt 3", "siti am" …"""
    text = " ".join(str(text or "").split())
    query = Query()
    for unit, number in _UNIT.findall(text):
        setattr(query, unit.lower(), int(number))
    text = _UNIT.sub(" ", text).strip()
    compact = _NUMBER_SEPARATORS.sub("", text)
    if compact.isdigit():
        query.digits = compact
    else:
        query.words = text.lower().replace("/", " ").split()
    return query


def _prefix_range(field_name: str, prefix: str) -> Q:
    """`field` starts with `prefix`, as a range an ordinary B-tree index reads (key ≥ prefix, key < next prefix).

    Exact under a bytewise order (SQLite; PostgreSQL's "C" collations); under a language collation the extra
    `startswith` in `name_filter` keeps the result exact."""
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return Q(**{f"{field_name}__gte": prefix, f"{field_name}__lt": upper})


def number_filter(field_name: str, digits: str) -> Q:
    if len(digits) >= 16:
        return Q(**{field_name: digits})
    return _prefix_range(field_name, digits)


def unit_filter(query: Query, field_name: str = "area_code") -> Q:
    """RT and RW are the last two parts of an RT's area code (`12.71.08.1002.005.003`: RW 005, RT 003)."""
    condition = Q()
    if query.rt is not None:
        condition &= Q(**{f"{field_name}__endswith": f".{query.rt:03d}"}) & Q(
            **{f"{field_name}__regex": r"^[^.]+\.[^.]+\.[^.]+\.[^.]+\.[^.]+\.[^.]+$"}
        )
    if query.rw is not None:
        condition &= Q(**{f"{field_name}__regex": rf"^[^.]+\.[^.]+\.[^.]+\.[^.]+\.0*{query.rw}(\.|$)"})
    return condition


def search_persons(queryset, text: str):
    """Persons of `queryset` (already scoped) matching `text`, in name order; empty when too little was typed."""
    query = parse(text)
    if not query.searchable:
        return queryset.none()
    if query.digits:
        found = queryset.filter(number_filter("nik", query.digits))
    else:
        found = queryset.alias(name_key=Lower("name")).filter(_name_condition(query.words))
    found = found.filter(unit_filter(query))
    return found.select_related("household__area__parent__parent").order_by(
        Lower("name"), "area_code", "birth_date", "pk"
    )


def _name_condition(words: list[str]) -> Q:
    first, rest = words[0], words[1:]
    condition = _prefix_range("name_key", first) & Q(name_key__startswith=first)
    for word in rest:
        condition &= Q(name_key__contains=word)
    return condition


def search_households(queryset, text: str):
    """Households of `queryset` (already scoped) by KK number, a member's NIK or a member's name."""
    from gotong.registry.models import Person

    query = parse(text)
    if not query.searchable:
        return queryset.none()
    if query.digits:
        members = Person.objects.filter(number_filter("nik", query.digits))
        found = queryset.filter(
            number_filter("family_card_number", query.digits) | Q(pk__in=members.values("household_id"))
        )
    else:
        members = Person.objects.alias(name_key=Lower("name")).filter(_name_condition(query.words))
        found = queryset.filter(pk__in=members.values("household_id"))
    found = found.filter(unit_filter(query))
    return found.with_head_and_size().select_related("area__parent__parent").order_by("area_code", "address", "pk")


def search_organizations(queryset, text: str):
    """Organisations of `queryset` (already scoped) whose name holds every word typed, in name order.

    A province holds tens of thousands of posyandu, not millions: a `contains` match finds "melati" in
    "Posyandu Melati 3" and stays cheap on the scoped rows."""
    words = " ".join(str(text or "").split()).lower().split()
    if not words or len(words[0]) < MIN_NAME_LENGTH:
        return queryset.none()
    condition = Q()
    for word in words:
        condition &= Q(name__icontains=word)
    return queryset.filter(condition).order_by("name", "area_code", "pk")


def search_users(queryset, text: str):
    """Accounts of `queryset` (already narrowed to whom the form may name) by name or username.

    Accounts are thousands, not millions: a `contains` match is fine here and finds a surname too."""
    words = " ".join(str(text or "").split()).lower().split()
    if not words or len(words[0]) < MIN_NAME_LENGTH:
        return queryset.none()
    condition = Q()
    for word in words:
        condition &= Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(username__icontains=word)
    return queryset.filter(condition).order_by("first_name", "last_name", "username")
