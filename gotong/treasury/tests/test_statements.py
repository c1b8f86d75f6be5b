"""Financial statements against a fixture worked out by hand, and the balance sheet balancing by construction."""

import datetime

import pytest

from gotong.treasury import services
from gotong.treasury.services.statements import (
    Line,
    default_period,
    financial_statements,
    month_period,
    parse_period,
    period_choices,
    quarter_period,
    year_period,
)
from gotong.treasury.tests.conftest import key

pytestmark = pytest.mark.django_db

D = datetime.date


def amounts(lines: list[Line]) -> dict[str, int]:
    return {line.label: line.amount for line in lines}


def test_january_by_hand(two_months):
    s = financial_statements(two_months, month_period(D(2026, 1, 1)))
    flow = s.cash_flow
    assert flow.opening == 0
    # In: 2.000.000 + 100.000 + 50.000 + 15.000 = 2.165.000 (the in-kind aid moves no cash).
    assert amounts(flow.inflows) == {
        "Penjualan hasil panen": 2_000_000,
        "Setoran simpanan pokok": 100_000,
        "Setoran simpanan wajib": 50_000,
        "Pendapatan biaya administrasi": 15_000,
    }
    # Out: the loan's full principal 1.500.000 (its fee is counted as money in) + upkeep 300.000 = 1.800.000.
    assert amounts(flow.outflows) == {"Pinjaman disalurkan": 1_500_000, "Pemeliharaan kebun": 300_000}
    assert (flow.total_in, flow.total_out) == (2_165_000, 1_800_000)
    # Closing: 0 + 2.165.000 − 1.800.000 = 365.000.
    assert flow.closing == 365_000

    # Surplus: income 2.000.000 + 4.000.000 (aid at value) + 15.000 = 6.015.000;
    # expenses 1.000.000 (sembako) + 300.000 = 1.300.000; SHU 6.015.000 − 1.300.000 = 4.715.000.
    assert s.surplus.label == "Sisa hasil usaha (SHU)"  # the group saves and lends with its members
    assert amounts(s.surplus.income) == {
        "Penjualan hasil panen": 2_000_000,
        "Bantuan mitra": 4_000_000,
        "Pendapatan biaya administrasi": 15_000,
    }
    assert amounts(s.surplus.expenses) == {"Pembagian sembako": 1_000_000, "Pemeliharaan kebun": 300_000}
    assert s.surplus.amount == 4_715_000

    # Balance sheet on 31 Jan: cash 365.000 + goods 4.000.000 − 1.000.000 = 3.000.000 + loan 1.500.000
    # = 4.865.000; savings 100.000 + 50.000 = 150.000; equity 0 brought forward + 4.715.000 this month;
    # 150.000 + 4.715.000 = 4.865.000.
    sheet = s.balance_sheet
    assert amounts(sheet.assets) == {
        "Kas tunai": 365_000,
        "Barang bantuan (natura)": 3_000_000,
        "Piutang pinjaman anggota": 1_500_000,
    }
    assert amounts(sheet.liabilities) == {"Simpanan pokok": 100_000, "Simpanan wajib": 50_000}
    assert amounts(sheet.equity) == {"Surplus akumulasi s.d. Desember 2025": 0, "Surplus periode ini": 4_715_000}
    assert sheet.total_assets == sheet.total_liabilities_and_equity == 4_865_000


def test_february_by_hand(two_months):
    s = financial_statements(two_months, month_period(D(2026, 2, 1)))
    flow = s.cash_flow
    # Opening = January's closing 365.000. In: 500.000 principal + 15.000 interest + 200.000 sukarela = 715.000.
    # Out: 80.000 withdrawn. Closing: 365.000 + 715.000 − 80.000 = 1.000.000.
    assert flow.opening == 365_000
    assert amounts(flow.inflows) == {
        "Angsuran pokok": 500_000,
        "Pendapatan bunga pinjaman": 15_000,
        "Setoran simpanan sukarela": 200_000,
    }
    assert amounts(flow.outflows) == {"Penarikan simpanan sukarela": 80_000}
    assert flow.closing == 1_000_000
    assert s.surplus.amount == 15_000  # the interest only
    # 28 Feb: cash 1.000.000 + goods 3.000.000 + loan 1.500.000 − 500.000 = 5.000.000;
    # savings 100.000 + 50.000 + 120.000 = 270.000; equity 4.715.000 + 15.000 = 4.730.000; 270.000 + 4.730.000.
    sheet = s.balance_sheet
    assert amounts(sheet.assets)["Piutang pinjaman anggota"] == 1_000_000
    assert amounts(sheet.liabilities) == {"Simpanan pokok": 100_000, "Simpanan wajib": 50_000,
                                          "Simpanan sukarela": 120_000}  # fmt: skip
    assert amounts(sheet.equity) == {"Surplus akumulasi s.d. Januari 2026": 4_715_000, "Surplus periode ini": 15_000}
    assert sheet.total_assets == sheet.total_liabilities_and_equity == 5_000_000


def test_quarter_and_year_span_the_months(two_months):
    quarter = financial_statements(two_months, quarter_period(2026, 1))
    assert (quarter.cash_flow.opening, quarter.cash_flow.closing) == (0, 1_000_000)
    assert quarter.surplus.amount == 4_715_000 + 15_000
    # The loan paid out (1.500.000) and repaid (500.000) in the quarter show gross, not netted.
    assert amounts(quarter.cash_flow.outflows)["Pinjaman disalurkan"] == 1_500_000
    assert amounts(quarter.cash_flow.inflows)["Angsuran pokok"] == 500_000
    year = financial_statements(two_months, year_period(2026))
    assert year.balance_sheet.total_assets == 5_000_000
    assert year.open_months[0] == D(2026, 1, 1) and len(year.open_months) == 12


def test_cancelled_entry_counts_against_its_own_heading(two_months, treasurer):
    """A cancellation is dated the day it is made (an open month) and reduces the heading it cancels."""
    from django.utils import timezone

    from gotong.treasury.models import CashEntry

    upkeep = CashEntry.objects.get(organization=two_months, description="Pemeliharaan kebun")
    services.cancel_cash_entry(upkeep, reason="Salah catat", acting_user=treasurer)
    s = financial_statements(two_months, month_period(timezone.localdate()))
    # The 300.000 spent in January comes back today: −300.000 under its own heading, cash 1.000.000 → 1.300.000.
    assert amounts(s.cash_flow.outflows) == {"Pemeliharaan kebun": -300_000}
    assert (s.cash_flow.opening, s.cash_flow.closing) == (1_000_000, 1_300_000)
    assert amounts(s.surplus.expenses) == {"Pemeliharaan kebun": -300_000}
    assert s.balance_sheet.balances


def test_empty_treasury_is_all_zero_and_balanced(cempako):
    s = financial_statements(cempako, month_period(D(2026, 1, 1)))
    assert s.cash_flow.opening == s.cash_flow.closing == 0
    assert s.balance_sheet.balances and s.balance_sheet.total_assets == 0
    assert s.surplus.label == "Surplus / defisit"  # no savings members: nothing is shared out


def test_periods_parse_and_label():
    assert parse_period("2026-03") == month_period(D(2026, 3, 1))
    assert parse_period("2026-t2") == quarter_period(2026, 2)
    assert quarter_period(2026, 2).end == D(2026, 6, 30)
    assert parse_period("2026") == year_period(2026)
    for bad in ("", "2026-13", "2026-T5", "kemarin", "26-01", "2026-00"):
        assert parse_period(bad) is None
    assert quarter_period(2026, 4).label == "Triwulan IV 2026"
    assert month_period(D(2026, 3, 1)).code == "2026-03" and quarter_period(2026, 1).code == "2026-T1"


def test_default_period_is_last_closed_month_else_last_ended(two_months, treasurer):
    today = D(2026, 3, 10)
    assert default_period(two_months, today=today) == month_period(D(2026, 2, 1))
    services.close_month(two_months, month=D(2026, 1, 1), counted_cash=365_000, key=key(), acting_user=treasurer)
    assert default_period(two_months, today=today) == month_period(D(2026, 1, 1))
    codes = [p.code for p in period_choices(two_months, today=today)]
    assert codes == ["2026-03", "2026-02", "2026-01", "2026-T1", "2026"]
