"""Who is left out: households in the user's scope where no member is enrolled in any program.

Any enrolment counts, in any program and any year, even one the user cannot see: the question is whether the
household was reached at all. Households are listed poorest first (welfare decile 1 … 10, unknown last).

A city holds hundreds of thousands of households, nearly all of them left out, so the page never counts them:
the households of each area come from the registry tallies (`gotong.dashboards.models.AreaTally`, exact per RT),
and only the reached households — as many as there are enrolments at most — are counted, for the units shown.
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Q, Sum
from django.db.models.functions import Substr
from django.utils.translation import gettext as _

from gotong.areas.models import Area
from gotong.core.scoping import visible_area_codes
from gotong.dashboards.models import AreaTally
from gotong.programs.models import Enrolment
from gotong.registry.models import Household

# Units shown below the chosen area: its children and their children (city → kecamatan → kelurahan,
# kelurahan → RW → RT).
LEVELS_BELOW = 2


def _households(user, area_code: str, max_decile: int | None):
    households = Household.objects.visible_to(user)
    if area_code:
        households = households.in_area(area_code)
    if max_decile is not None:
        households = households.filter(welfare_decile__lte=max_decile)
    return households


def _reached():
    return Exists(Enrolment.objects.filter(person__household=OuterRef("pk")))


def left_out_households(user, *, area_code: str = "", max_decile: int | None = None):
    """Left-out households poorest first, with the head's name and the number of members.

    The head and the count are subqueries the database runs for the rows fetched only (one page)."""
    return (
        _households(user, area_code, max_decile)
        .filter(~_reached())
        .with_head_and_size()
        .order_by(F("welfare_decile").asc(nulls_last=True), "area_code", "family_card_number", "pk")
    )


@dataclass
class UnitCount:
    code: str
    name: str
    level: str
    households: int
    left_out: int
    step: int = 0  # 0 the chosen area, 1 its children, 2 theirs

    @property
    def indent_class(self) -> str:
        return {1: "ps-2", 2: "ps-4"}.get(self.step, "")

    @property
    def percent(self):
        return round(100 * self.left_out / self.households, 1) if self.households else None


def _depth(code: str) -> int:
    return code.count(".") + 1 if code else 0


def _unit(code: str, depth: int) -> str | None:
    parts = code.split(".")
    return ".".join(parts[:depth]) if len(parts) >= depth else None


def root_codes(user, area_code: str = "") -> list[str]:
    """The areas the counts start from: the chosen one, else each area of the user's scope ("" = everything)."""
    if area_code:
        return [area_code]
    codes = visible_area_codes(user)
    if codes is None:
        return [""]
    # A city and a village inside it are one root, the city.
    return [c for c in codes if not any(c.startswith(f"{other}.") for other in codes)]


def _tally_households(max_decile: int | None):
    if max_decile is None:
        return Sum("households")
    columns = [F(f"decile_{d}") for d in range(1, max_decile + 1)]
    total = columns[0]
    for column in columns[1:]:
        total = total + column
    return Sum(total)


def counts_by_unit(user, *, area_code: str = "", max_decile: int | None = None) -> list[UnitCount]:
    """All and left-out households of the chosen area (or of each area of the user's scope) and of the units one
    and two levels below it that hold households; two grouped queries and a look-up of names per root."""
    rows = []
    for root in root_codes(user, area_code):
        rows += _root_counts(user, root, max_decile)
    return rows


def _root_counts(user, root: str, max_decile: int | None) -> list[UnitCount]:
    depth = _depth(root)
    wanted = range(depth + 1, depth + LEVELS_BELOW + 1)
    shown = Area.objects.filter(level__in=wanted)
    if root:
        shown = Area.objects.within(root).filter(Q(level__in=wanted) | Q(code=root))
    areas = {area.code: area for area in shown}
    # Group by the deepest unit shown (fixed-width codes: every unit of a level has the same length); a household
    # filed higher up (at its village, without RT) is grouped under its own, shorter code.
    length = max((len(code) for code, area in areas.items() if area.level in wanted), default=len(root))
    tallies = AreaTally.objects.visible_to(user)
    households = _households(user, root, max_decile).filter(_reached())
    if root:
        tallies = tallies.in_area(root)
    totals = tallies.values(unit=Substr("area_code", 1, length)).annotate(n=_tally_households(max_decile))
    reached = households.values(unit=Substr("area_code", 1, length)).annotate(n=Count("pk"))
    counts: dict[str, list[int]] = {}
    for index, grouped in ((0, totals), (1, reached)):
        for row in grouped.order_by():
            for unit in [root, *(_unit(row["unit"], d) for d in wanted)]:
                if unit is not None:
                    counts.setdefault(unit, [0, 0])[index] += row["n"] or 0
    result = []
    for code in sorted(counts):
        everyone, reached_count = counts[code]
        if not everyone:
            continue
        area = areas.get(code)
        result.append(
            UnitCount(
                code=code,
                name=area.name if area else code or _("Semua wilayah"),
                level=area.get_level_display() if area else "",
                households=everyone,
                left_out=everyone - reached_count,
                step=_depth(code) - depth,
            )
        )
    return result
