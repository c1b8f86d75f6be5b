import datetime

import pytest

from gotong.ledger.models import Entry, Transaction
from gotong.ledger.services import check_books
from gotong.organizations.choices import OrganizationKind
from gotong.organizations.services import create_organization
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from gotong.wastebank.demo import BANK_NAME, VILLAGE, load_wastebank_demo
from gotong.wastebank.models import Deposit, Member, Price, Sale, Withdrawal, WithdrawalKind


@pytest.fixture
def bagan_deli(areas, admin_user):
    create_organization(name=BANK_NAME, kind=OrganizationKind.WASTE_BANK, area=areas[VILLAGE], acting_user=admin_user)
    for n in range(12):
        household = HouseholdFactory(area=rt_in(VILLAGE, rw=1 + n % 3), family_card_number=f"12710801010{n:05d}")
        PersonFactory(household=household, name=f"Warga Bagan {n}")


def _counts():
    return [m.objects.count() for m in (Member, Deposit, Sale, Withdrawal, Price, Transaction, Entry)]


def test_demo_is_realistic_consistent_and_idempotent(bagan_deli, admin_user):
    bank = load_wastebank_demo(admin_user)
    first = _counts()
    assert load_wastebank_demo(admin_user) == bank
    assert _counts() == first
    assert Member.objects.filter(bank=bank).count() == 12
    assert Deposit.objects.count() > 100
    assert Sale.objects.filter(occurred_on__month=3, occurred_on__year=2026).count() == 1
    lebaran = Withdrawal.objects.filter(kind=WithdrawalKind.GOODS, occurred_on__range=(
        datetime.date(2026, 3, 1), datetime.date(2026, 3, 19)))  # fmt: skip
    assert lebaran.exists()
    assert Price.objects.filter(category__bank=bank).count() > 8  # the price list changed during the year
    assert check_books() == []


def test_demo_without_core_data_does_nothing(areas, admin_user):
    assert load_wastebank_demo(admin_user) is None
    assert not Deposit.objects.exists()
