import datetime
import uuid

import pytest

from gotong.organizations.choices import MemberRole, OrganizationKind
from gotong.organizations.models import Membership
from gotong.organizations.services import create_organization
from gotong.registry.tests.factories import PersonFactory
from gotong.wastebank import services

BUGIS = "21.72.03.1005"
JAN = datetime.date(2026, 1, 1)


def key() -> str:
    return uuid.uuid4().hex


@pytest.fixture
def bank(areas, city_officer):
    org = create_organization(
        name="Bank Sampah Bugis Bersih", kind=OrganizationKind.WASTE_BANK, area=areas[BUGIS],
        acting_user=city_officer,
    )  # fmt: skip
    return services.set_up_bank(org, acting_user=city_officer)


@pytest.fixture
def staff(bank):
    from gotong.accounts.models import User

    user = User.objects.create_user(username="maimunah", password="rahasia-123", role="org_staff")
    Membership.objects.create(
        organization=bank.organization, user=user, role=MemberRole.MANAGER, started_on=datetime.date(2024, 1, 1)
    )
    return user


@pytest.fixture
def categories(bank, staff):
    def add(name, price):
        return services.add_category(bank, name=name, price_per_kg=price, valid_from=JAN, acting_user=staff)

    return {"pet": add("Botol PET", 3_500), "kardus": add("Kardus", 2_000), "besi": add("Besi", 4_000)}


@pytest.fixture
def member(bank, staff):
    person = PersonFactory(name="Halimah")
    return services.register_member(bank, person=person, joined_on=JAN, acting_user=staff)


@pytest.fixture
def resident(member):
    from gotong.accounts.models import User

    return User.objects.create_user(username="halimah", password="rahasia-123", role="resident", person=member.person)
