import pytest

from gotong.organizations.models import Membership, Organization
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in


@pytest.fixture
def bugis_org(areas):
    return Organization.objects.create(name="Posyandu Melati", kind="posyandu", area=rt_in("21.72.03.1005", 6, 2))


@pytest.fixture
def ilir_org(areas):
    return Organization.objects.create(
        name="Kampung Sayur Cempako", kind="usaha_komunitas", area=areas["16.71.11.1005"]
    )


@pytest.fixture
def bugis_person(areas):
    return PersonFactory(household=HouseholdFactory(area=rt_in("21.72.03.1005", 6, 2)), name="Aminah")


@pytest.fixture
def ilir_person(areas):
    household = HouseholdFactory(area=rt_in("16.71.11.1005", 5, 17), family_card_number="1671110101000001")
    return PersonFactory(household=household, name="Sari")


@pytest.fixture
def make_staff(db):
    from gotong.accounts.models import User

    def make(organization, role, username="kader"):
        user = User.objects.create_user(username, password="x", role="org_staff")
        Membership.objects.create(organization=organization, user=user, role=role)
        return user

    return make
