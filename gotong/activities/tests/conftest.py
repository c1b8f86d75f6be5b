import datetime

import pytest

from gotong.accounts.models import User
from gotong.activities import services
from gotong.activities.models import WageRate
from gotong.organizations.choices import MemberRole, OrganizationKind
from gotong.organizations.models import Membership
from gotong.organizations.services import create_organization
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

BUGIS = "21.72.03.1005"
ILIR = "16.71.11.1005"


@pytest.fixture
def bugis_rt(areas):
    return rt_in(BUGIS, 6, 2)


@pytest.fixture
def residents(bugis_rt):
    """Four adults and one child in RT 002 / RW 006 Kampung Bugis, and one adult in another RT."""
    house = HouseholdFactory(area=bugis_rt)
    adults = [
        PersonFactory(household=house, name=name, birth_date=datetime.date(1980 + i, 1, 1), relationship="famili")
        for i, name in enumerate(["Andi", "Bayu", "Citra", "Dewi"])
    ]
    child = PersonFactory(household=house, name="Eko kecil", birth_date=datetime.date(2015, 1, 1), relationship="anak")
    elsewhere = PersonFactory(household=HouseholdFactory(area=rt_in(BUGIS, 6, 3)), name="Fajar")
    return {"adults": adults, "child": child, "elsewhere": elsewhere}


@pytest.fixture
def rate_2025(db):
    # A round figure for hand-checking: Rp3.460.000 ÷ 173 = Rp20.000 an hour.
    rate, _created = WageRate.objects.update_or_create(
        city_code="21.72", year=2025, defaults={"monthly_wage": 3_460_000, "labour_divisor": 173}
    )
    return rate


@pytest.fixture
def bkm(areas, city_officer):
    return create_organization(
        name="BKM Kampung Bugis", kind=OrganizationKind.BKM, area=areas[BUGIS], acting_user=city_officer
    )


@pytest.fixture
def bkm_staff(bkm):
    user = User.objects.create_user(username="lurah_rt", password="rahasia-123", role="org_staff")
    Membership.objects.create(organization=bkm, user=user, role=MemberRole.STAFF, started_on=datetime.date(2020, 1, 1))
    return user


@pytest.fixture
def event(bugis_rt, bkm, city_officer):
    return services.create_event(
        title="Kerja bakti RT 002",
        kind="kerja_bakti",
        held_on=datetime.date(2025, 3, 9),
        default_hours=2,
        area=bugis_rt,
        organization=bkm,
        acting_user=city_officer,
    )
