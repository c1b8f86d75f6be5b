"""Services against the real ledger: cash book, savings, loans, repayments, arrears, idempotency, totals."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from gotong.ledger.services import balance, check_books
from gotong.treasury import services
from gotong.treasury.models import CashEntry, Installment, Loan, Repayment, SavingsMovement
from gotong.treasury.tests.conftest import cempako_category, key

pytestmark = pytest.mark.django_db


def test_cash_book_moves_the_ledger(funded, treasurer, bri):
    sembako = cempako_category(funded, "Pembagian sembako")
    services.record_cash_entry(
        funded, category=sembako, occurred_on=datetime.date(2025, 12, 20), amount=3_500_000,
        description="Sembako 35 paket", key=key(), acting_user=treasurer,
    )  # fmt: skip
    aid = cempako_category(funded, "Bantuan mitra")
    services.record_cash_entry(
        funded, category=aid, occurred_on=datetime.date(2025, 12, 21), amount=2_000_000, in_kind=True, partner=bri,
        description="Bibit dan polybag", key=key(), acting_user=treasurer,
    )  # fmt: skip
    position = services.cash_position(funded)
    assert position["cash"] == 16_500_000
    assert position["goods"] == 2_000_000
    assert check_books() == []


def test_in_kind_aid_needs_partner_and_spending_cannot_exceed_cash(funded, treasurer):
    aid = cempako_category(funded, "Bantuan mitra")
    with pytest.raises(ValidationError) as exc:
        services.record_cash_entry(
            funded, category=aid, occurred_on=datetime.date(2025, 12, 21), amount=1_000, in_kind=True,
            description="Pupuk", key=key(), acting_user=treasurer,
        )  # fmt: skip
    assert "mitra" in str(exc.value)
    upkeep = cempako_category(funded, "Pemeliharaan kebun")
    with pytest.raises(ValidationError) as exc:
        services.record_cash_entry(
            funded, category=upkeep, occurred_on=datetime.date(2025, 12, 22), amount=25_000_000,
            description="Terlalu besar", key=key(), acting_user=treasurer,
        )  # fmt: skip
    assert "tidak cukup" in str(exc.value)
    assert CashEntry.objects.count() == 1


def test_same_key_records_once(funded, treasurer):
    upkeep = cempako_category(funded, "Pemeliharaan kebun")
    k = key()
    kwargs = dict(
        category=upkeep, occurred_on=datetime.date(2025, 12, 22), amount=150_000, description="Pipa air", key=k,
        acting_user=treasurer,
    )  # fmt: skip
    first = services.record_cash_entry(funded, **kwargs)
    second = services.record_cash_entry(funded, **kwargs)
    assert first.pk == second.pk
    assert CashEntry.objects.filter(idempotency_key=k).count() == 1
    assert services.cash_position(funded)["cash"] == 20_000_000 - 150_000


def test_savings_deposit_and_withdrawal_rules(member, treasurer):
    day = datetime.date(2026, 1, 2)
    services.record_savings(member, kind="pokok", amount=50_000, occurred_on=day, key=key(), acting_user=treasurer)
    services.record_savings(member, kind="sukarela", amount=200_000, occurred_on=day, key=key(), acting_user=treasurer)
    with pytest.raises(ValidationError) as exc:
        services.record_savings(
            member, kind="sukarela", amount=250_000, withdrawal=True, occurred_on=day, key=key(), acting_user=treasurer
        )
    assert "melebihi saldo simpanan sukarela Rp200.000" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        services.record_savings(
            member, kind="pokok", amount=10_000, withdrawal=True, occurred_on=day, key=key(), acting_user=treasurer
        )
    assert "tidak dapat ditarik" in str(exc.value)
    services.record_savings(
        member, kind="sukarela", amount=75_000, withdrawal=True, occurred_on=day, key=key(), acting_user=treasurer
    )
    assert services.savings_balances(member) == {"pokok": 50_000, "wajib": 0, "sukarela": 125_000}
    assert SavingsMovement.objects.count() == 3
    assert services.cash_position(member.organization)["savings"] == 175_000


def test_loan_disbursement_schedule_and_admin_fee(loan, funded):
    assert [(i.principal_due, i.interest_due) for i in loan.installments.all()] == [
        (333_333, 15_000),
        (333_333, 15_000),
        (333_334, 15_000),
    ]
    assert loan.first_due_on == datetime.date(2026, 1, 10)
    assert balance(loan.receivable) == 1_000_000
    # Cash paid out is the principal less the admin fee kept.
    assert services.cash_position(funded)["cash"] == 20_000_000 - 1_000_000 + 25_000


def test_loan_above_product_maximum_is_refused(member, product, treasurer):
    with pytest.raises(ValidationError) as exc:
        services.disburse_loan(
            member, product=product, principal=6_000_000, term_months=6, disbursed_on=datetime.date(2025, 12, 1),
            key=key(), acting_user=treasurer,
        )  # fmt: skip
    assert "melebihi plafon produk Rp5.000.000" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        services.disburse_loan(
            member, product=product, principal=1_000_000, term_months=13, disbursed_on=datetime.date(2025, 12, 1),
            key=key(), acting_user=treasurer,
        )  # fmt: skip
    assert "1 sampai 12 bulan" in str(exc.value)
    assert Loan.objects.count() == 0


def test_repayment_interest_first_partial_and_overpayment(loan, treasurer):
    paid = datetime.date(2026, 1, 10)
    repayment = services.record_repayment(loan, amount=20_000, paid_on=paid, key=key(), acting_user=treasurer)
    assert (repayment.interest_part, repayment.principal_part) == (15_000, 5_000)
    first = Installment.objects.get(loan=loan, number=1)
    assert (first.interest_paid, first.principal_paid) == (15_000, 5_000)
    assert balance(loan.receivable) == 995_000
    state = services.loan_state(loan, today=paid)
    assert state.outstanding == 1_045_000 - 20_000
    with pytest.raises(ValidationError) as exc:
        services.record_repayment(loan, amount=1_025_001, paid_on=paid, key=key(), acting_user=treasurer)
    assert "melebihi sisa pinjaman Rp1.025.000" in str(exc.value)
    services.record_repayment(loan, amount=1_025_000, paid_on=paid, key=key(), acting_user=treasurer)
    assert services.loan_state(loan, today=paid).status == "Lunas"
    assert balance(loan.receivable) == 0
    assert check_books() == []


def test_double_submitted_repayment_records_once(loan, treasurer):
    k = key()
    for _ in range(2):
        services.record_repayment(loan, amount=348_333, paid_on=datetime.date(2026, 1, 9), key=k, acting_user=treasurer)
    assert Repayment.objects.filter(loan=loan).count() == 1
    assert balance(loan.receivable) == 1_000_000 - 333_333


def test_arrears_list_days_late(loan, treasurer):
    today = datetime.date(2026, 3, 1)
    services.record_repayment(loan, amount=348_333, paid_on=datetime.date(2026, 1, 9), key=key(), acting_user=treasurer)
    rows = services.arrears(Loan.objects.all(), today=today)
    assert [(r.installment.number, r.days_late) for r in rows] == [(2, 19)]
    state = services.loan_state(loan, today=today)
    assert (state.overdue_count, state.days_late, state.status) == (1, 19, "Menunggak")


def test_public_summary_is_totals_only(loan, funded, member, treasurer):
    summary = services.public_summary(funded, today=datetime.date(2026, 1, 15))
    assert summary["income_total"] == 20_000_000
    assert summary["position"]["loans_outstanding"] == 1_000_000
    assert summary["member_count"] is None and summary["loan_count"] is None  # fewer than 5: hidden
    text = repr(summary)
    assert member.person.name not in text and member.person.nik not in text


def test_public_summaries_of_a_city_equal_each_one_in_the_same_few_queries(
    loan, funded, bri, django_assert_num_queries
):
    """The portal lists every treasury of a city: five grouped queries, not ten per treasury."""
    day = datetime.date(2026, 1, 15)
    with django_assert_num_queries(5):
        both = services.public_summaries([funded, bri], today=day)
    assert both[funded.pk] == services.public_summary(funded, today=day)
    assert both[bri.pk]["income_total"] == 0 and both[bri.pk]["position"]["cash"] == 0


def test_monthly_totals(funded, treasurer):
    totals = services.monthly_totals(funded, start=datetime.date(2025, 11, 1), end=datetime.date(2025, 12, 31))
    assert totals["months"] == [datetime.date(2025, 11, 1), datetime.date(2025, 12, 1)]
    assert totals["income"] == [0, 20_000_000]
    harvest = next(c for c in totals["categories"] if c["name"] == "Penjualan hasil panen")
    assert harvest["values"] == [0, 20_000_000]


def test_cancel_cash_entry_reverses_in_ledger(funded, treasurer):
    upkeep = cempako_category(funded, "Pemeliharaan kebun")
    entry = services.record_cash_entry(
        funded, category=upkeep, occurred_on=datetime.date(2025, 12, 22), amount=150_000, description="Salah ketik",
        key=key(), acting_user=treasurer,
    )  # fmt: skip
    with pytest.raises(ValidationError):
        services.cancel_cash_entry(entry, reason=" ", acting_user=treasurer)
    services.cancel_cash_entry(entry, reason="Seharusnya Rp15.000", acting_user=treasurer)
    services.cancel_cash_entry(entry, reason="lagi", acting_user=treasurer)  # second click: nothing new
    entry.refresh_from_db()
    assert entry.reversal_id and entry.cancel_reason == "Seharusnya Rp15.000"
    assert services.cash_position(funded)["cash"] == 20_000_000
    totals = services.monthly_totals(funded, start=datetime.date(2025, 12, 1), end=datetime.date(2025, 12, 31))
    assert totals["expense"] == [0]
    assert check_books() == []
