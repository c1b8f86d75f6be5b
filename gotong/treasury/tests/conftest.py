import datetime
import uuid

import pytest

from gotong.organizations.choices import MemberRole, OrganizationKind
from gotong.organizations.services import add_member as add_org_member
from gotong.organizations.services import create_organization
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from gotong.treasury import services

ILIR_26 = "16.71.11.1005"
DAY = datetime.date(2026, 1, 5)


def key() -> str:
    return str(uuid.uuid4())


@pytest.fixture
def cempako_rt(areas):
    return rt_in(ILIR_26, 5, 17)


@pytest.fixture
def cempako(areas, cempako_rt, admin_user):
    return create_organization(
        name="Kampung Sayur Cempako", kind=OrganizationKind.COMMUNITY_ENTERPRISE, area=cempako_rt,
        acting_user=admin_user,
    )  # fmt: skip


@pytest.fixture
def bri(areas, admin_user):
    return create_organization(
        name="BRI Sumatera Selatan", kind=OrganizationKind.PARTNER_CSR, area=areas["16.71"], acting_user=admin_user
    )


def person_in(rt, name):
    return PersonFactory(name=name, household=HouseholdFactory(area=rt))


@pytest.fixture
def treasurer(cempako, cempako_rt, admin_user):
    from gotong.accounts.models import User

    person = person_in(cempako_rt, "Nur Aini")
    user = User.objects.create_user(username="bendahara", password="rahasia-123", role="org_staff", person=person)
    add_org_member(
        cempako, user=user, person=person, role=MemberRole.TREASURER, started_on=datetime.date(2020, 1, 1),
        acting_user=admin_user,
    )  # fmt: skip
    return user


@pytest.fixture
def funded(cempako, treasurer):
    """The treasury with Rp20 juta of harvest income in the cash box."""
    services.ensure_setup(cempako, acting_user=treasurer)
    category = cempako_category(cempako, "Penjualan hasil panen")
    services.record_cash_entry(
        cempako, category=category, occurred_on=datetime.date(2025, 12, 1), amount=20_000_000,
        description="Panen kangkung dan bayam", key=key(), acting_user=treasurer,
    )  # fmt: skip
    return cempako


def cempako_category(org, name):
    from gotong.treasury.models import Category

    return Category.objects.get(organization=org, name=name)


@pytest.fixture
def member(funded, cempako_rt, treasurer):
    return services.add_member(
        funded, person=person_in(cempako_rt, "Rahmawati"), joined_on=datetime.date(2025, 1, 2), acting_user=treasurer
    )


@pytest.fixture
def product(funded, treasurer):
    return services.create_product(
        funded, name="Pinjaman usaha", rate="1.5", rate_period="bulan", method="flat", max_term_months=12,
        max_amount=5_000_000, admin_fee=25_000, acting_user=treasurer,
    )  # fmt: skip


@pytest.fixture
def loan(member, product, treasurer):
    return services.disburse_loan(
        member, product=product, principal=1_000_000, term_months=3, disbursed_on=datetime.date(2025, 12, 10),
        key=key(), acting_user=treasurer,
    )  # fmt: skip


@pytest.fixture
def two_months(cempako, cempako_rt, treasurer, bri):
    """January and February 2026 of Kampung Sayur Cempako, every kind of treasury movement once.

    January: harvest sold Rp2.000.000; Rahmawati joins and pays pokok Rp100.000 and wajib Rp50.000; BRI gives
    seedlings worth Rp4.000.000 (in kind); sembako worth Rp1.000.000 handed out from those goods; a loan of
    Rp1.500.000 (flat 1 %/month, 3 months) paid out less its Rp15.000 admin fee; garden upkeep Rp300.000.
    February: the first instalment Rp515.000 (Rp500.000 principal + Rp15.000 interest); a voluntary saving of
    Rp200.000 of which Rp80.000 is withdrawn.
    """
    org, user = cempako, treasurer
    services.ensure_setup(org, acting_user=user)

    def cash(category, day, amount, **extra):
        services.record_cash_entry(
            org, category=cempako_category(org, category), occurred_on=day, amount=amount, description=category,
            key=key(), acting_user=user, **extra,
        )  # fmt: skip

    def save(kind, day, amount, withdrawal=False):
        services.record_savings(
            member, kind=kind, amount=amount, withdrawal=withdrawal, occurred_on=day, key=key(), acting_user=user
        )

    member = services.add_member(org, person=person_in(cempako_rt, "Rahmawati"), joined_on=datetime.date(2026, 1, 2),
                                 acting_user=user)  # fmt: skip
    cash("Penjualan hasil panen", datetime.date(2026, 1, 3), 2_000_000)
    save("pokok", datetime.date(2026, 1, 5), 100_000)
    save("wajib", datetime.date(2026, 1, 5), 50_000)
    cash("Bantuan mitra", datetime.date(2026, 1, 10), 4_000_000, in_kind=True, partner=bri)
    cash("Pembagian sembako", datetime.date(2026, 1, 12), 1_000_000, in_kind=True)
    product = services.create_product(
        org, name="Pinjaman usaha", rate="1", rate_period="bulan", method="flat", max_term_months=12,
        max_amount=5_000_000, admin_fee=15_000, acting_user=user,
    )  # fmt: skip
    loan = services.disburse_loan(
        member, product=product, principal=1_500_000, term_months=3, disbursed_on=datetime.date(2026, 1, 15), key=key(),
        acting_user=user,
    )  # fmt: skip
    cash("Pemeliharaan kebun", datetime.date(2026, 1, 20), 300_000)
    services.record_repayment(loan, amount=515_000, paid_on=datetime.date(2026, 2, 15), key=key(), acting_user=user)
    save("sukarela", datetime.date(2026, 2, 1), 200_000)
    save("sukarela", datetime.date(2026, 2, 20), 80_000, withdrawal=True)
    return org
