"""Who is left out: households in the user's scope where no member is enrolled in any program.

Any enrolment counts, in any program and any year, even one the user cannot see: the question is whether the
household was reached at all. Households are listed poorest first (welfare decile 1 … 10, unknown last).
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef

from gotong.areas.models import Area
from gotong.programs.models import Enrolment
from gotong.registry.models import Household


def left_out_households(user, *, area_code: str = "", max_decile: int | None = None):
    reached = Enrolment.objects.filter(person__household=OuterRef("pk"))
    households = Household.objects.visible_to(user)
    if area_code:
        households = households.in_area(area_code)
    households = households.annotate(reached=Exists(reached)).filter(reached=False)
    if max_decile is not None:
        households = households.filter(welfare_decile__lte=max_decile)
    return households.annotate(member_count=Count("members")).order_by(
        F("welfare_decile").asc(nulls_last=True), "area_code", "family_card_number"
    )


@dataclass
class UnitCount:
    code: str
    name: str
    level: str
    households: int
    left_out: int

    @property
    def depth(self) -> int:
        return self.code.count(".") + 1

    @property
    def indent_class(self) -> str:
        return {4: "ps-1", 5: "ps-3", 6: "ps-5"}.get(self.depth, "")

    @property
    def percent(self):
        return round(100 * self.left_out / self.households, 1) if self.households else None


def _unit(code: str, depth: int) -> str | None:
    parts = code.split(".")
    return ".".join(parts[:depth]) if len(parts) >= depth else None


def counts_by_unit(user, *, area_code: str = "", max_decile: int | None = None) -> list[UnitCount]:
    """Left-out and all households per village, RW and RT (the RW/RT rows only where the registry knows them)."""
    everyone = Household.objects.visible_to(user)
    if area_code:
        everyone = everyone.in_area(area_code)
    if max_decile is not None:
        everyone = everyone.filter(welfare_decile__lte=max_decile)
    left = left_out_households(user, area_code=area_code, max_decile=max_decile)
    totals: dict[str, list[int]] = {}
    for codes, index in (
        (everyone.values_list("area_code", flat=True), 0),
        (left.values_list("area_code", flat=True), 1),
    ):
        for code in codes:
            for depth in (4, 5, 6):
                unit = _unit(code, depth)
                if unit:
                    totals.setdefault(unit, [0, 0])[index] += 1
    areas = {a.code: a for a in Area.objects.filter(code__in=list(totals))}
    rows = []
    for code in sorted(totals):
        area = areas.get(code)
        label = area.get_level_display() if area else ""
        rows.append(UnitCount(code, area.name if area else code, label, totals[code][0], totals[code][1]))
    return rows
