"""Coverage: the under-fives living in a posyandu's area (wilayah kerja) that no posyandu follows.

SKDN's S is "jumlah seluruh balita yang ada di wilayah kerja posyandu" and K "jumlah balita yang terdaftar dan
memiliki KMS" (Kemenkes/Depkes RI, Pedoman Pemantauan Pertumbuhan; as quoted by e.g. nakita.grid.id, "Penjelasan
lengkap mengenai SKDN posyandu", and puisilita.com, "Indikator keberhasilan posyandu bayi dan balita"). So S counts,
beside the children a posyandu follows, the registry's 0–59-month-olds of its area whom no posyandu follows: the
119 under-fives of a village who are in the registry but enrolled nowhere are S, not missing.

Who owns an unfollowed under-five: the posyandu whose area is the most specific one holding the child's home (an RT's
posyandu before its village's); among posyandu of the very same area, the one registered first (lowest id). One
owner, so summing posyandu into a village or a city counts each child once. The not-enrolled list
(`not_enrolled`) shows a posyandu every unfollowed under-five of its area, whoever owns them for S.

"Followed on a day" is the child's posyandu record on that day: registered on or before it and not left by then.
Where people lived in past months is not recorded, so past months count today's registry residents.
"""

import datetime
from collections.abc import Iterable

from django.db.models import Count, Exists, OuterRef, Q

from gotong.core.area_codes import ancestor_codes
from gotong.core.scoping import area_code_filter
from gotong.posyandu.dates import five_years_before

CODES_PER_QUERY = 200  # prefix conditions per query: SQLite refuses expression trees deeper than 1000


def _models(child_model):
    """The registry's Person and the Organization beside `child_model` (a migration's historical models too)."""
    apps = child_model._meta.apps
    return apps.get_model("registry", "Person"), apps.get_model("organizations", "Organization")


def outermost(codes: Iterable[str]) -> list[str]:
    """`codes` without those lying inside another of them: the fewest prefixes that cover the same areas."""
    kept: list[str] = []
    for code in sorted(set(codes), key=lambda c: (c.count("."), c)):
        if not any(code == k or code.startswith(f"{k}.") for k in kept):
            kept.append(code)
    return kept


def followed_on(on: datetime.date, *, child_model=None, person_field: str = "pk") -> Exists:
    """True for a person some posyandu follows on `on` (its child record then open)."""
    if child_model is None:
        from gotong.posyandu.models import Child as child_model
    return Exists(
        child_model.objects.filter(person_id=OuterRef(person_field), registered_on__lte=on).filter(
            Q(left_on__isnull=True) | Q(left_on__gt=on)
        )
    )


def owners(person_codes: Iterable[str], *, child_model=None) -> dict[str, int]:
    """Area code of a home → the posyandu that counts its unfollowed under-fives in S (see the module's rule)."""
    if child_model is None:
        from gotong.posyandu.models import Child as child_model
    _person, organization = _models(child_model)
    person_codes = set(person_codes)
    wanted = person_codes | {a for code in person_codes for a in ancestor_codes(code)}
    by_code: dict[str, int] = {}
    for pk, code in (
        organization.objects.filter(kind="posyandu", area_code__in=wanted)
        .order_by("-pk")
        .values_list("pk", "area_code")
    ):
        by_code[code] = pk  # descending ids: the lowest id of an area wins
    result = {}
    for code in person_codes:
        for candidate in [code, *reversed(ancestor_codes(code))]:
            if candidate in by_code:
                result[code] = by_code[candidate]
                break
    return result


def unfollowed_counts(posyandus, on: datetime.date) -> dict[int, int]:
    """Posyandu id → its unfollowed under-fives (0–59 months) on `on`, counted in grouped queries per area code.

    `posyandus` are objects with `pk` and `area_code`; owners outside them are left out."""
    from gotong.registry.models import Person

    posyandus = list(posyandus)
    ids = {p.pk for p in posyandus}
    codes = outermost(p.area_code for p in posyandus)
    per_code: dict[str, int] = {}
    for start in range(0, len(codes), CODES_PER_QUERY):
        under_fives = Person.objects.filter(
            area_code_filter(codes[start : start + CODES_PER_QUERY]),
            birth_date__lte=on,
            birth_date__gt=five_years_before(on),
        ).filter(~followed_on(on))
        for code, n in under_fives.values("area_code").order_by().annotate(n=Count("pk")).values_list("area_code", "n"):
            per_code[code] = per_code.get(code, 0) + n
    counts: dict[int, int] = {}
    for code, owner in owners(per_code).items():
        if owner in ids:
            counts[owner] = counts.get(owner, 0) + per_code[code]
    return counts


def not_enrolled(posyandu, on: datetime.date):
    """The registry's under-fives of the posyandu's area whom no posyandu follows on `on` (the coverage list)."""
    from gotong.registry.models import Person

    return (
        Person.objects.filter(
            area_code_filter([posyandu.area_code]),
            birth_date__lte=on,
            birth_date__gt=five_years_before(on),
        )
        .filter(~followed_on(on))
        .select_related("household")
    )


def unfollowed_residents(spans: dict[int, tuple], *, child_model) -> dict[int, list[tuple]]:
    """For `tallies.compute`: posyandu id → (birth date, [(registered, left), …]) of each registry under-five it
    owns who may be under five in its months (`spans`: id → (first month, last month))."""
    person, organization = _models(child_model)
    if not spans:
        return {}
    areas = dict(organization.objects.filter(pk__in=list(spans)).values_list("pk", "area_code"))
    codes = outermost(areas.values())
    earliest = min(first for first, _last in spans.values())
    residents, records = [], {}
    for start in range(0, len(codes), CODES_PER_QUERY):
        inside = area_code_filter(codes[start : start + CODES_PER_QUERY])
        residents += list(
            person.objects.filter(inside, birth_date__gt=five_years_before(earliest))
            .order_by()
            .values_list("pk", "area_code", "birth_date")
        )
        child_inside = area_code_filter(codes[start : start + CODES_PER_QUERY], field="person__area_code")
        for person_id, registered, left in (
            child_model.objects.filter(child_inside).order_by().values_list("person_id", "registered_on", "left_on")
        ):
            records.setdefault(person_id, []).append((registered, left))
    owner_of = owners({code for _pk, code, _birth in residents}, child_model=child_model)
    result: dict[int, list[tuple]] = {}
    for pk, code, birth in residents:
        owner = owner_of.get(code)
        if owner in spans:
            result.setdefault(owner, []).append((birth, records.get(pk, [])))
    return result


def is_followed(records: list[tuple], on: datetime.date) -> bool:
    return any(registered <= on and (left is None or left > on) for registered, left in records)
