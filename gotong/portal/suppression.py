"""How the public portal turns counts of people into publishable figures — the one place that decides.

The rule (also explained in the portal's footer, "Cara membaca angka"):

1. **Primary suppression.** A count of 1–4 persons or households is shown as "<5". Zero is shown as 0.
   Every other count is shown exactly.
2. **Lines.** Published counts are tied by additive "lines": the parts of a breakdown and its total (the
   villages of a city and the city's households; the city's welfare deciles and the same total). An outsider
   knows every line holds, that a "<5" lies in 1–4 and that a "—" is at least 5 (it is only ever put on a
   count of 5 or more).
3. **Complementary suppression.** In every line, each "<5" member must still be able to take every value
   1–4 given the other members; while it cannot (it is the only hidden part, or the other hidden parts sit
   too close to their lower bounds, e.g. 1 + 5 = 6), the smallest visible non-zero member is hidden too
   ("—"). This per-line test is exact for a line on its own; it is not enough where lines cross (a two-way
   table's rows and columns can be combined), so the portal publishes no cross-table: deciles are shown
   per city only, and two breakdowns of the same city meet only in their total, which is exact or hidden
   together with one of them.
4. **Withholding.** When a line is still exposed and has no visible non-zero member left to hide (e.g. four
   households of 1 with a total of 4: every "<5" would be known to be 1), its "<5" members are withheld as
   "×", which tells nothing — not even that the count is above zero.
5. **One decision per city, used by every view.** The city page, its villages' pages and the home page all
   read the same protected lines (`services.city_tables`), so "city total minus the villages' own pages"
   (the two-views attack) is exactly the line that was protected.

Rates (D/S participation) are published only over a denominator of at least 5, in whole percent.
Money, hectares and organisations are not persons and are shown in full.
"""

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

THRESHOLD = 5
SMALL = "<5"
HIDDEN = "—"
WITHHELD = "×"


@dataclass(frozen=True)
class Cell:
    """One published count: `value` is what may be shown, None when hidden."""

    value: int | None
    shown: str
    hidden: bool = False
    complementary: bool = False
    withheld: bool = False

    def __str__(self) -> str:
        return self.shown


@dataclass(frozen=True)
class Line:
    """`total` equals the sum of `parts` (keys into one table of counts)."""

    total: object
    parts: tuple


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def publish_count(n: int) -> Cell:
    """A count of persons or households as the public may see it, before complementary suppression."""
    if n < 0:
        raise ValueError("count cannot be negative")
    if n == 0:
        return Cell(0, "0")
    if n < THRESHOLD:
        return Cell(None, SMALL, hidden=True)
    return Cell(n, _thousands(n))


def _bounds(cell: Cell, exact: int) -> tuple[float, float]:
    """What an outsider knows about a published cell."""
    if not cell.hidden:
        return exact, exact
    if cell.withheld:
        return 0, math.inf
    if cell.complementary:
        return THRESHOLD, math.inf
    return 1, THRESHOLD - 1


def exposed(line: Line, counts: dict, cells: dict) -> bool:
    """True when some "<5" member of the line cannot take every value 1–4 given the line's other members."""
    members = [(line.total, -1), *((part, 1) for part in line.parts)]
    for key, sign in members:
        cell = cells[key]
        if not cell.hidden or cell.complementary or cell.withheld:
            continue
        # sign·x = −Σ other signed members; interval arithmetic over the outsider's bounds.
        low = high = 0.0
        for other, other_sign in members:
            if other == key:
                continue
            lo, hi = _bounds(cells[other], counts[other])
            if other_sign > 0:
                low, high = low - hi, high - lo
            else:
                low, high = low + lo, high + hi
        if sign < 0:
            low, high = -high, -low
        if low > 1 or high < THRESHOLD - 1:
            return True
    return False


def protect(counts: dict, lines: list[Line]) -> dict:
    """Primary then complementary suppression of a table of counts tied by lines; returns key -> Cell."""
    cells = {key: publish_count(n) for key, n in counts.items()}
    changed = True
    while changed:
        changed = False
        for line in lines:
            if not exposed(line, counts, cells):
                continue
            visible = [k for k in (*line.parts, line.total) if not cells[k].hidden and counts[k] > 0]
            if visible:
                smallest = min(visible, key=lambda k: counts[k])  # first of equals, in line order
                cells[smallest] = Cell(None, HIDDEN, hidden=True, complementary=True)
            else:
                for key in (*line.parts, line.total):
                    if cells[key].hidden and not cells[key].complementary:
                        cells[key] = Cell(None, WITHHELD, hidden=True, withheld=True)
            changed = True
    return cells


def suppress_group(counts: dict, total_key="total") -> dict:
    """A single breakdown published with its total: returns key -> Cell, the total under `total_key`."""
    table = {**counts, total_key: sum(counts.values())}
    return protect(table, [Line(total_key, tuple(counts))])


def publish_rate(part: int, whole: int) -> Decimal | None:
    """A percentage in whole points, only over a denominator of at least THRESHOLD."""
    if whole < THRESHOLD:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal(1), rounding=ROUND_HALF_UP)
