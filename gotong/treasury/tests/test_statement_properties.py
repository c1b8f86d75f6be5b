"""Property: whatever the treasurer records, every month's statements add up and agree with the ledger.

Random sequences of every treasury operation (cash and in-kind income and spending, savings in and out, loans,
repayments, cancellations; some refused for want of cash) over January–April 2026; then for each month and the
quarter: the balance sheet balances, opening + in − out = closing = the cash account's ledger balance, a month
opens where the previous one closed, and the period's surplus is exactly the change in equity.
"""

import contextlib
import datetime
import itertools

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gotong.ledger.models import Account
from gotong.ledger.services import balance
from gotong.organizations.choices import OrganizationKind
from gotong.organizations.services import create_organization
from gotong.treasury import services
from gotong.treasury.models import CashEntry, Category, Loan
from gotong.treasury.services.books import CASH
from gotong.treasury.services.statements import financial_statements, month_period, quarter_period
from gotong.treasury.tests.conftest import key, person_in

_counter = itertools.count()
days = st.integers(min_value=0, max_value=119).map(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(n))
amounts = st.integers(min_value=1_000, max_value=3_000_000)
operations = st.lists(
    st.one_of(
        st.tuples(st.just("income"), days, amounts, st.booleans()),
        st.tuples(st.just("expense"), days, amounts, st.booleans()),
        st.tuples(st.just("deposit"), days, amounts, st.sampled_from(["pokok", "wajib", "sukarela"])),
        st.tuples(st.just("withdraw"), days, amounts, st.just("sukarela")),
        st.tuples(st.just("loan"), days, st.integers(100_000, 2_000_000), st.integers(1, 6)),
        st.tuples(st.just("repay"), days, amounts, st.integers(0, 5)),
        st.tuples(st.just("cancel"), days, st.integers(0, 20), st.just(None)),
    ),
    max_size=20,
)


def _apply(org, user, member, product, bri, op):
    kind, day, amount, extra = op
    if kind in ("income", "expense"):
        name = ("Bantuan mitra" if extra else "Penjualan hasil panen") if kind == "income" else "Pembagian sembako"
        services.record_cash_entry(
            org, category=Category.objects.get(organization=org, name=name), occurred_on=day, amount=amount,
            description=name, in_kind=extra, partner=bri if (extra and kind == "income") else None, key=key(),
            acting_user=user,
        )  # fmt: skip
    elif kind in ("deposit", "withdraw"):
        services.record_savings(member, kind=extra, amount=amount, withdrawal=kind == "withdraw", occurred_on=day,
                                key=key(), acting_user=user)  # fmt: skip
    elif kind == "loan":
        services.disburse_loan(member, product=product, principal=amount, term_months=extra, disbursed_on=day,
                               key=key(), acting_user=user)  # fmt: skip
    elif kind == "repay":
        loans = list(Loan.objects.filter(organization=org).order_by("pk"))
        if loans:
            loan = loans[extra % len(loans)]
            services.record_repayment(loan, amount=amount, paid_on=max(day, loan.disbursed_on), key=key(),
                                      acting_user=user)  # fmt: skip
    else:
        entries = list(CashEntry.objects.filter(organization=org, reversal__isnull=True).order_by("pk"))
        if entries:
            services.cancel_cash_entry(entries[amount % len(entries)], reason="Salah catat", acting_user=user)


@pytest.mark.django_db
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=operations)
def test_statements_add_up_whatever_is_recorded(areas, cempako_rt, admin_user, bri, ops):
    org = create_organization(
        name=f"Kelompok Sayur {next(_counter)}", kind=OrganizationKind.COMMUNITY_ENTERPRISE, area=cempako_rt,
        acting_user=admin_user,
    )  # fmt: skip
    services.ensure_setup(org, acting_user=admin_user)
    member = services.add_member(org, person=person_in(cempako_rt, "Anggota"), joined_on=datetime.date(2025, 12, 1),
                                 acting_user=admin_user)  # fmt: skip
    product = services.create_product(
        org, name="Usaha", rate="1.5", rate_period="bulan", method="menurun", max_term_months=6, max_amount=2_000_000,
        admin_fee=10_000, acting_user=admin_user,
    )  # fmt: skip
    for op in sorted(ops, key=lambda op: op[1]):
        # A refusal (not enough cash, a paid-off loan…) saves nothing: the books stay as they were.
        with contextlib.suppress(ValidationError):
            _apply(org, admin_user, member, product, bri, op)
    cash = Account.objects.get(book__organization=org, code=CASH)
    previous_closing, previous_equity = 0, 0
    for month in range(1, 5):
        s = financial_statements(org, month_period(datetime.date(2026, month, 1)))
        flow, sheet = s.cash_flow, s.balance_sheet
        assert sheet.total_assets == sheet.total_liabilities_and_equity
        assert flow.opening == previous_closing
        assert flow.opening + flow.total_in - flow.total_out == flow.closing
        assert flow.closing == balance(cash, as_of=sheet.as_of)
        assert sheet.total_equity - previous_equity == s.surplus.amount
        previous_closing, previous_equity = flow.closing, sheet.total_equity
    # Cancellations are dated the day they are made: today's month carries them.
    from django.utils import timezone

    now = financial_statements(org, month_period(timezone.localdate()))
    assert now.balance_sheet.total_assets == now.balance_sheet.total_liabilities_and_equity
    assert now.cash_flow.opening + now.cash_flow.total_in - now.cash_flow.total_out == now.cash_flow.closing
    assert now.cash_flow.closing == balance(cash)
    quarter = financial_statements(org, quarter_period(2026, 1))
    assert quarter.balance_sheet.total_assets == quarter.balance_sheet.total_liabilities_and_equity
    assert quarter.cash_flow.opening + quarter.cash_flow.total_in - quarter.cash_flow.total_out == (
        quarter.cash_flow.closing
    )
