"""The suppression rule on its own: primary, complementary, and an outsider solving the published lines."""

from decimal import Decimal
from itertools import product

from hypothesis import given, settings
from hypothesis import strategies as st

from gotong.portal.suppression import (
    HIDDEN,
    SMALL,
    WITHHELD,
    Line,
    protect,
    publish_count,
    publish_rate,
    suppress_group,
)


def possible_values(counts: dict, lines: list[Line], cells: dict, slack: int = 6) -> dict:
    """Every value each "<5" cell can take given all published cells and lines (brute force).

    A "—" cell is tried only from 5 to its true value + `slack`: capping the unknowns only helps the
    outsider, so finding two possible values here proves there are at least two in truth.
    """
    hidden = [k for k, c in cells.items() if c.hidden]
    ranges = [_outsider_range(cells[k], counts[k], slack) for k in hidden]
    values = {k: counts[k] for k, c in cells.items() if not c.hidden}
    possible = {k: set() for k in hidden if not cells[k].complementary}
    for combo in product(*ranges):
        values.update(zip(hidden, combo, strict=True))
        if all(values[line.total] == sum(values[p] for p in line.parts) for line in lines):
            for key in possible:
                possible[key].add(values[key])
    return possible


def _outsider_range(cell, count, slack):
    if cell.withheld:
        return range(0, count + slack)
    if cell.complementary:
        return range(5, count + slack)
    return range(1, 5)


def test_a_line_of_only_small_counts_is_withheld_not_betrayed():
    # Four households of 1 with a total of 4: as "<5" each, every one would be known to be exactly 1.
    cells = suppress_group({"a": 1, "b": 1, "c": 1, "d": 1})
    assert {cells[k].shown for k in ("a", "b", "c", "d", "total")} == {WITHHELD}


def test_small_counts_are_shown_as_less_than_five_and_others_exactly():
    assert [publish_count(n).shown for n in range(0, 6)] == ["0", SMALL, SMALL, SMALL, SMALL, "5"]
    assert publish_count(3).value is None and publish_count(3).hidden
    assert publish_count(12_348).shown == "12.348"


def test_one_small_cell_takes_the_next_smallest_with_it():
    cells = suppress_group({"a": 40, "b": 3, "c": 9, "d": 0, "e": 60})
    assert cells["b"].shown == SMALL
    assert cells["c"].shown == HIDDEN and cells["c"].complementary
    assert [cells[k].shown for k in "ade"] == ["40", "0", "60"]
    assert cells["total"].shown == "112"


def test_a_complement_too_close_to_five_takes_another_with_it():
    # 1 + 5 = 6 would tell an outsider that "<5" is 1 and "—" is 5.
    cells = suppress_group({"a": 1, "b": 5, "c": 30})
    assert [cells[k].shown for k in ("a", "b", "c", "total")] == [SMALL, HIDDEN, HIDDEN, "36"]


def test_two_small_cells_whose_sum_would_betray_them_are_protected():
    # 1 + 1 = 2: both would be known to be 1.
    cells = suppress_group({"a": 1, "b": 1, "c": 30})
    assert cells["c"].shown == HIDDEN


def test_a_small_total_hides_its_only_parts():
    cells = suppress_group({"a": 3, "b": 0})
    assert [cells[k].shown for k in ("a", "b", "total")] == [SMALL, "0", SMALL]


def test_rates_need_a_denominator_of_five():
    assert publish_rate(3, 4) is None
    assert publish_rate(4, 5) == Decimal(80)
    assert publish_rate(2, 9) == Decimal(22)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(0, 14), min_size=1, max_size=5))
def test_no_small_cell_of_a_breakdown_can_be_worked_out_from_its_total(values):
    counts = {f"c{i}": v for i, v in enumerate(values)} | {"total": sum(values)}
    lines = [Line("total", tuple(k for k in counts if k != "total"))]
    cells = protect(counts, lines)
    for key, options in possible_values(counts, lines, cells).items():
        assert counts[key] in options
        assert len(options) >= 2, (counts, key, options)
