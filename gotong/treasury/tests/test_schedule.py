"""Schedule maths checked by hand, and by hypothesis for sums and rounding."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gotong.treasury.schedule import DECLINING, FLAT, Due, add_months, allocate, build_schedule


def test_flat_by_hand():
    # Rp1.000.000 at 1,5 %/month for 3 months: interest 15.000 a month, principal 333.333 ×2 + 333.334.
    rows = build_schedule(1_000_000, Decimal("1.5"), 3, FLAT, date(2026, 1, 31))
    assert [(r.principal, r.interest) for r in rows] == [(333_333, 15_000), (333_333, 15_000), (333_334, 15_000)]
    assert [r.due_on for r in rows] == [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31)]
    assert [r.balance_after for r in rows] == [666_667, 333_334, 0]


def test_flat_interest_remainder_on_last():
    # 100.000 at 1 % for 7 months: total interest 7.000 → 1.000 each; 1.001 at 1 % for 3 months: 30,03 → 30.
    rows = build_schedule(1_001, Decimal("1"), 3, FLAT, date(2026, 1, 1))
    assert [r.interest for r in rows] == [10, 10, 10]
    rows = build_schedule(1_000, Decimal("1.15"), 3, FLAT, date(2026, 1, 1))  # 34,5 → 35 (half up)
    assert [r.interest for r in rows] == [11, 11, 13]
    assert [r.principal for r in rows] == [333, 333, 334]


def test_declining_by_hand():
    # Rp1.200.000 at 2 %/month for 3 months: principal 400.000 each; interest on 1,2 jt, 800 rb, 400 rb.
    rows = build_schedule(1_200_000, Decimal("2"), 3, DECLINING, date(2026, 2, 10))
    assert [(r.principal, r.interest) for r in rows] == [(400_000, 24_000), (400_000, 16_000), (400_000, 8_000)]


def test_declining_rounds_half_up_each_month():
    # 1.000.000 at 1,25 % for 3: 12.500; 666.667 × 1,25 % = 8.333,34 → 8.333; 333.334 → 4.166,675 → 4.167.
    rows = build_schedule(1_000_000, Decimal("1.25"), 3, DECLINING, date(2026, 2, 10))
    assert [r.interest for r in rows] == [12_500, 8_333, 4_167]
    assert [r.principal for r in rows] == [333_333, 333_333, 333_334]


def test_add_months_end_of_month():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2027, 12, 15), 2) == date(2028, 2, 15)


def test_rejects_nonsense():
    with pytest.raises(ValueError):
        build_schedule(0, Decimal("1"), 3, FLAT, date(2026, 1, 1))
    with pytest.raises(ValueError):
        build_schedule(100, Decimal("1"), 3, "weird", date(2026, 1, 1))


amounts = st.integers(min_value=1, max_value=10**10)
terms = st.integers(min_value=1, max_value=60)
rates = st.decimals(min_value=0, max_value=10, places=2)
# The machine is shared: generation speed is not what these tests are about.
relaxed = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None, max_examples=150)


@relaxed
@given(amounts, rates, terms)
def test_flat_sums_to_principal_plus_rounded_interest(principal, rate, term):
    rows = build_schedule(principal, rate, term, FLAT, date(2026, 1, 1))
    assert sum(r.principal for r in rows) == principal
    expected = int((principal * rate * term / 100).quantize(Decimal(1), rounding="ROUND_HALF_UP"))
    assert sum(r.interest for r in rows) == expected
    assert all(r.principal >= 0 and r.interest >= 0 for r in rows)
    # Only the last instalment differs, and by less than one instalment's worth.
    assert len({r.principal for r in rows[:-1]}) <= 1
    assert rows[-1].balance_after == 0


@relaxed
@given(amounts, rates, terms)
def test_declining_interest_never_grows(principal, rate, term):
    rows = build_schedule(principal, rate, term, DECLINING, date(2026, 1, 1))
    assert sum(r.principal for r in rows) == principal
    interests = [r.interest for r in rows[:-1]]
    assert interests == sorted(interests, reverse=True)
    assert sum(r.interest for r in rows) <= round(principal * rate * term / 100) + term


@relaxed
@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 10**6)), min_size=1, max_size=12), st.data())
def test_allocation_interest_first_and_exact(dues, data):
    items = [Due(i, interest, principal) for i, (interest, principal) in enumerate(dues)]
    owed = sum(i + p for i, p in dues)
    if owed == 0:
        return
    amount = data.draw(st.integers(1, owed))
    parts = allocate(amount, items)
    assert sum(i + p for _k, i, p in parts) == amount
    # No principal is paid while an earlier or the same instalment's interest is still open.
    for k, interest, principal in parts[:-1]:
        assert interest == items[k].interest and principal == items[k].principal
    last_key, last_interest, last_principal = parts[-1]
    assert last_principal == 0 or last_interest == items[last_key].interest


def test_allocation_rejects_overpayment():
    with pytest.raises(ValueError):
        allocate(101, [Due("a", 1, 99)])
