"""Property: after any sequence of treasury operations the cash book adds up to "Kas tunai" and the ledger.

Sales, aid in cash and in kind, distributions in cash and in kind, savings deposits and withdrawals, loans paid
out with their admin fee, repayments and cancellations, in random order and amounts; refused operations (not
enough cash, more than the savings) must leave everything as it was.
"""

import datetime
import itertools

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gotong.accounts.models import User
from gotong.ledger import services as ledger
from gotong.organizations.choices import MemberRole, OrganizationKind
from gotong.organizations.services import add_member as add_org_member
from gotong.organizations.services import create_organization
from gotong.treasury import services
from gotong.treasury.models import CashEntry, Loan
from gotong.treasury.services.books import CASH
from gotong.treasury.services.cashbook import book_account
from gotong.treasury.tests.conftest import cempako_category, key, person_in
from gotong.treasury.tests.test_cashbook import assert_adds_up

DAY = datetime.date(2026, 1, 5)
_counter = itertools.count()

amounts = st.integers(min_value=1_000, max_value=3_000_000)
operations = st.lists(
    st.one_of(
        st.tuples(st.just("sale"), st.just(0), amounts),
        st.tuples(st.just("aid_cash"), st.just(0), amounts),
        st.tuples(st.just("aid_in_kind"), st.just(0), amounts),
        st.tuples(st.just("distribution"), st.just(0), amounts),
        st.tuples(st.just("distribution_in_kind"), st.just(0), amounts),
        st.tuples(st.just("deposit"), st.integers(0, 1), amounts),
        st.tuples(st.just("withdrawal"), st.integers(0, 1), amounts),
        st.tuples(st.just("loan"), st.integers(0, 1), amounts),
        st.tuples(st.just("repayment"), st.integers(0, 5), amounts),
        st.tuples(st.just("cancel"), st.integers(0, 10), st.just(0)),
    ),
    min_size=1,
    max_size=12,
)


def _treasury(areas, cempako_rt, admin_user):
    n = next(_counter)
    organization = create_organization(
        name=f"KSM Properti {n}", kind=OrganizationKind.COMMUNITY_ENTERPRISE, area=cempako_rt, acting_user=admin_user
    )
    person = person_in(cempako_rt, f"Bendahara {n}")
    treasurer = User.objects.create_user(username=f"bendahara-prop-{n}", password="x", role="org_staff", person=person)
    add_org_member(
        organization, user=treasurer, person=person, role=MemberRole.TREASURER, started_on=datetime.date(2020, 1, 1),
        acting_user=admin_user,
    )  # fmt: skip
    services.ensure_setup(organization, acting_user=treasurer)
    partner = create_organization(
        name=f"Mitra Properti {n}", kind=OrganizationKind.PARTNER_CSR, area=areas["16.71"], acting_user=admin_user
    )
    members = [
        services.add_member(
            organization,
            person=person_in(cempako_rt, f"Anggota {n}-{i}"),
            joined_on=datetime.date(2025, 1, 2),
            acting_user=treasurer,
        )  # fmt: skip
        for i in range(2)
    ]
    product = services.create_product(
        organization, name="Pinjaman usaha", rate="1.5", rate_period="bulan", method="flat", max_term_months=12,
        max_amount=5_000_000, admin_fee=15_000, acting_user=treasurer,
    )  # fmt: skip
    return organization, treasurer, partner, members, product


def _apply(op, index, amount, *, organization, treasurer, partner, members, product):
    def entry(category, in_kind=False, with_partner=False):
        return services.record_cash_entry(
            organization, category=cempako_category(organization, category), occurred_on=DAY, amount=amount,
            description=f"{op} {amount}", in_kind=in_kind, partner=partner if with_partner else None, key=key(),
            acting_user=treasurer,
        )  # fmt: skip

    if op == "sale":
        entry("Penjualan hasil panen")
    elif op == "aid_cash":
        entry("Bantuan mitra", with_partner=True)
    elif op == "aid_in_kind":
        entry("Bantuan mitra", in_kind=True, with_partner=True)
    elif op == "distribution":
        entry("Pembagian sembako")
    elif op == "distribution_in_kind":
        entry("Pembagian sembako", in_kind=True)
    elif op in ("deposit", "withdrawal"):
        services.record_savings(
            members[index], kind="sukarela", amount=amount, withdrawal=op == "withdrawal", occurred_on=DAY,
            key=key(), acting_user=treasurer,
        )  # fmt: skip
    elif op == "loan":
        services.disburse_loan(
            members[index], product=product, principal=max(amount, 20_000), term_months=3, disbursed_on=DAY,
            key=key(), acting_user=treasurer,
        )  # fmt: skip
    elif op == "repayment":
        loans = list(Loan.objects.filter(organization=organization).order_by("pk"))
        if loans:
            loan = loans[index % len(loans)]
            outstanding = services.loan_state(loan).outstanding
            if outstanding:
                services.record_repayment(
                    loan, amount=min(amount, outstanding), paid_on=DAY, key=key(), acting_user=treasurer
                )
    elif op == "cancel":
        entries = list(CashEntry.objects.filter(organization=organization, reversal__isnull=True).order_by("pk"))
        if entries:
            services.cancel_cash_entry(entries[index % len(entries)], reason="Salah catat", acting_user=treasurer)


@pytest.mark.django_db
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=operations)
def test_cash_book_equals_summary_cash_and_ledger_after_every_step(areas, cempako_rt, admin_user, ops):
    organization, treasurer, partner, members, product = _treasury(areas, cempako_rt, admin_user)
    world = {"organization": organization, "treasurer": treasurer, "partner": partner, "members": members,
             "product": product}  # fmt: skip
    for op, index, amount in ops:
        before = ledger.balance(book_account(organization, CASH))
        try:
            _apply(op, index, amount, **world)
        except ValidationError:
            # Refused (not enough cash or savings): nothing moved.
            assert ledger.balance(book_account(organization, CASH)) == before
        assert assert_adds_up(organization, treasurer) >= 0
    assert ledger.check_books() == []
