import pytest

from gotong.ledger.services import check_books
from gotong.organizations.choices import OrganizationKind
from gotong.organizations.services import create_organization
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory
from gotong.treasury import services
from gotong.treasury.demo import CEMPAKO_RT, load_treasury_demo
from gotong.treasury.models import CashEntry, Loan, Member, Repayment, SavingsMovement

pytestmark = pytest.mark.django_db


@pytest.fixture
def cempako_world(areas, cempako_rt, admin_user):
    assert cempako_rt.code == CEMPAKO_RT
    for name in ("Bank BRI Palembang", "PT Pegadaian Palembang", "PT Pusri Palembang"):
        create_organization(name=name, kind=OrganizationKind.PARTNER_CSR, area=areas["16.71"], acting_user=admin_user)
    for n in range(24):
        PersonFactory(name=f"Warga Cempako {n}", household=HouseholdFactory(area=cempako_rt))
    return create_organization(
        name="Kampung Sayur Cempako", kind=OrganizationKind.COMMUNITY_ENTERPRISE, area=cempako_rt,
        acting_user=admin_user,
    )  # fmt: skip


def test_demo_loads_once(cempako_world, admin_user):
    result = load_treasury_demo(admin_user)
    counts = [m.objects.count() for m in (CashEntry, Member, SavingsMovement, Loan, Repayment)]
    assert result == {"members": 20, "loans": 8}
    load_treasury_demo(admin_user)
    assert [m.objects.count() for m in (CashEntry, Member, SavingsMovement, Loan, Repayment)] == counts
    assert check_books() == []
    states = [services.loan_state(loan) for loan in Loan.objects.all()]
    assert sum(s.overdue_count > 0 for s in states) >= 3
    assert CashEntry.objects.filter(in_kind=True, partner__isnull=False).count() == 3
    assert services.cash_position(cempako_world)["cash"] > 0


def test_demo_without_the_organisation_does_nothing(areas, admin_user):
    assert load_treasury_demo(admin_user) == {}
