"""Read-side helpers for the area pages: paths of search results and scoped counts per child area.

Both run a fixed number of queries however many areas are shown: a city can have 150+ villages.
"""

from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import Substr

from gotong.areas.access import reach_codes
from gotong.areas.models import Area
from gotong.core.area_codes import ancestor_codes, ancestors_of_all, code_overlaps
from gotong.registry.models import Household, Person


def attach_paths(areas) -> list[Area]:
    """Set `area.path` (ancestors from the province down) on each area, with one query for all of them."""
    areas = list(areas)
    wanted = ancestors_of_all(area.code for area in areas)
    names = dict(Area.objects.filter(code__in=wanted).values_list("code", "name")) if wanted else {}
    for area in areas:
        area.path = [names[c] for c in ancestor_codes(area.code) if c in names]
    return areas


@dataclass
class ChildRow:
    area: Area
    in_scope: bool
    households: int = 0
    persons: int = 0


def _counts_by_prefix(queryset, lengths: set[int]) -> dict[str, int]:
    """Count records per leading `length` characters of area_code, for codes that end there or at a dot."""
    counts: dict[str, int] = {}
    for length in lengths:
        rows = (
            queryset.annotate(prefix=Substr("area_code", 1, length), after=Substr("area_code", length + 1, 1))
            # "21.72.03.1005" must not collect "21.72.03.10051…": the next character ends the code or is a dot.
            .filter(after__in=["", "."])
            .values("prefix")
            .annotate(n=Count("pk"))
            .order_by()
        )
        counts.update({row["prefix"]: row["n"] for row in rows})
    return counts


def scoped_figures(area: Area, user) -> dict:
    """Households and persons inside `area` and each of its children, counting only what `user` may see
    (`registry.view`); a child is "in scope" when that grant reaches into it by area."""
    codes = reach_codes(user, "registry.view")
    children = list(area.children.order_by("code"))
    households = Household.objects.visible_to(user).in_area(area.code)
    persons = Person.objects.visible_to(user).in_area(area.code)
    lengths = {len(child.code) for child in children}
    household_counts = _counts_by_prefix(households, lengths)
    person_counts = _counts_by_prefix(persons, lengths)
    rows = [
        ChildRow(
            area=child,
            in_scope=code_overlaps(child.code, codes),
            households=household_counts.get(child.code, 0),
            persons=person_counts.get(child.code, 0),
        )
        for child in children
    ]
    return {
        "children": rows,
        "household_total": households.count(),
        "person_total": persons.count(),
        "area_in_scope": code_overlaps(area.code, codes),
    }
