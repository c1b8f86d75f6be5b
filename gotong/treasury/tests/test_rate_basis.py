"""Rates as the lender states them, checked on published worked examples to the rupiah."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from gotong.treasury import services
from gotong.treasury.forms import ProductForm
from gotong.treasury.models import Installment
from gotong.treasury.schedule import DECLINING, FLAT, PER_MONTH, PER_YEAR, build_schedule
from gotong.treasury.tests.conftest import cempako_category, key


def test_bank_indonesia_reducing_balance_example():
    # BI, "Memahami Bunga Kredit", Metode Efektif: Rp24.000.000, 24 months, 10 % a year, Rp1.000.000 principal a
    # month; interest month 1 Rp200.000, month 2 Rp23.000.000 × 10 % × 30/360 = Rp191.666,67.
    rows = build_schedule(24_000_000, Decimal("10"), 24, DECLINING, datetime.date(2026, 2, 1), rate_period=PER_YEAR)
    assert [r.principal for r in rows] == [1_000_000] * 24
    assert [r.interest for r in rows[:3]] == [200_000, 191_667, 183_333]
    assert [r.total for r in rows[:2]] == [1_200_000, 1_191_667]
    assert rows[-1].interest == 8_333  # 1.000.000 × 10 % / 12
    # The stored 2-decimal monthly rate this replaces could not say it: 0,83 %/bulan gives 199.200.
    old = build_schedule(24_000_000, Decimal("0.83"), 24, DECLINING, datetime.date(2026, 2, 1), rate_period=PER_MONTH)
    assert old[0].interest == 199_200


def test_ojk_flat_example():
    # OJK, "Mengenal Otoritas Jasa Keuangan", Ilustrasi Tabel Angsuran Pembiayaan: Rp12.000.000, 17 % a year flat,
    # 12 months → interest Rp2.040.000 in all, instalment Rp1.170.000.
    rows = build_schedule(12_000_000, Decimal("17"), 12, FLAT, datetime.date(2026, 2, 1), rate_period=PER_YEAR)
    assert sum(r.interest for r in rows) == 2_040_000
    assert {r.total for r in rows} == {1_170_000}


def test_yearly_and_monthly_statements_of_one_rate_agree():
    per_year = build_schedule(5_000_000, Decimal("18"), 10, DECLINING, datetime.date(2026, 1, 1), rate_period=PER_YEAR)
    per_month = build_schedule(5_000_000, Decimal("1.5"), 10, DECLINING, datetime.date(2026, 1, 1))
    assert per_year == per_month


def test_unknown_rate_period_is_refused():
    with pytest.raises(ValueError):
        build_schedule(1_000, Decimal("1"), 2, FLAT, datetime.date(2026, 1, 1), rate_period="minggu")


@pytest.mark.django_db
def test_loan_at_a_yearly_rate_stores_the_bank_indonesia_schedule_and_shows_the_rate(client, funded, member, treasurer):
    services.record_cash_entry(
        funded, category=cempako_category(funded, "Penjualan hasil panen"), occurred_on=datetime.date(2025, 12, 2),
        amount=10_000_000, description="Panen cabai", key=key(), acting_user=treasurer,
    )  # fmt: skip
    product = services.create_product(
        funded, name="Kredit efektif", rate="10", rate_period=PER_YEAR, method=DECLINING, max_term_months=24,
        max_amount=24_000_000, acting_user=treasurer,
    )  # fmt: skip
    loan = services.disburse_loan(
        member, product=product, principal=24_000_000, term_months=24, disbursed_on=datetime.date(2025, 12, 10),
        key=key(), acting_user=treasurer,
    )  # fmt: skip
    assert (loan.rate, loan.rate_period) == (Decimal("10"), PER_YEAR)
    first, second = Installment.objects.filter(loan=loan).order_by("number")[:2]
    assert (first.interest_due, second.interest_due) == (200_000, 191_667)

    client.force_login(treasurer)
    with translation.override("id"):
        page = client.get(reverse("treasury:loan-detail", args=[loan.public_id])).content.decode()
        products = client.get(reverse("treasury:products", args=[funded.pk])).content.decode()
    assert "10 % per tahun, Menurun (saldo pokok)" in page
    assert "10 % per tahun" in products


@pytest.mark.django_db
def test_product_form_takes_the_rate_as_stated():
    def form(rate, period):
        return ProductForm(
            {"name": "P", "rate": rate, "rate_period": period, "method": FLAT, "max_term_months": 12,
             "max_amount": "1.000.000", "admin_fee": "0"}
        )  # fmt: skip

    precise = form("0,8333", PER_MONTH)
    assert precise.is_valid(), precise.errors
    assert precise.cleaned_data["rate"] == Decimal("0.8333")
    assert form("24", PER_YEAR).is_valid()
    with translation.override("id"):
        too_high = form("24", PER_MONTH)
        assert not too_high.is_valid()
        assert too_high.errors["rate"] == ["Bunga per bulan harus 0 sampai 10 %."]
