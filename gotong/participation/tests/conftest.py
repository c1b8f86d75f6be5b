import datetime

import pytest

from gotong.accounts.models import User
from gotong.organizations.choices import MemberRole, OrganizationKind
from gotong.organizations.models import Membership
from gotong.organizations.services import create_organization
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

BUGIS = "21.72.03.1005"
# Another kelurahan of Tanjungpinang (the city officer's, not the Bugis facilitator's).
OTHER_VILLAGE = "21.72.01.1001"


@pytest.fixture
def bugis_rt(areas):
    return rt_in(BUGIS, 6, 2)


@pytest.fixture
def other_bugis_rt(areas):
    return rt_in(BUGIS, 3, 1)


@pytest.fixture
def far_rt(areas):
    return rt_in(OTHER_VILLAGE, 1, 1)


def _resident(username, rt, name):
    person = PersonFactory(household=HouseholdFactory(area=rt), name=name)
    return User.objects.create_user(username=username, password="rahasia-123", role="resident", person=person)


@pytest.fixture
def resident(bugis_rt):
    """Aisyah lives in RT 002 / RW 006 Kampung Bugis and has a phone."""
    return _resident("aisyah", bugis_rt, "Aisyah")


@pytest.fixture
def neighbour(other_bugis_rt):
    """Another resident of Kampung Bugis (another RW): reads the kelurahan's public aspirations."""
    return _resident("bayu", other_bugis_rt, "Bayu")


@pytest.fixture
def far_resident(far_rt):
    """A resident of another kelurahan: sees none of Kampung Bugis's aspirations."""
    return _resident("citra", far_rt, "Citra")


@pytest.fixture
def phoneless(bugis_rt):
    """Pak Darto has no phone: an RT head or the facilitator records for him."""
    return PersonFactory(household=HouseholdFactory(area=bugis_rt), name="Darto")


@pytest.fixture
def bkm(areas, city_officer):
    return create_organization(
        name="BKM Kampung Bugis", kind=OrganizationKind.BKM, area=areas[BUGIS], acting_user=city_officer
    )


@pytest.fixture
def rt_head(bkm):
    """An officer (sekretaris) of the BKM serving Kampung Bugis: records for residents without a phone."""
    user = User.objects.create_user(username="pakrt", password="rahasia-123", role="org_staff")
    Membership.objects.create(
        organization=bkm, user=user, role=MemberRole.SECRETARY, started_on=datetime.date(2020, 1, 1)
    )
    return user


@pytest.fixture
def plain_member(bkm):
    user = User.objects.create_user(username="anggota_bkm", password="rahasia-123", role="org_staff")
    Membership.objects.create(organization=bkm, user=user, role=MemberRole.MEMBER, started_on=datetime.date(2020, 1, 1))
    return user
