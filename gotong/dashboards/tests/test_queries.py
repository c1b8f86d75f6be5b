"""The dashboard asks ten modules for figures; the user's memberships are read once per request, not once each."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gotong.dashboards.tests.conftest import BUGIS
from gotong.organizations.choices import MemberRole
from gotong.organizations.models import Organization
from gotong.organizations.services import add_member, end_membership

pytestmark = pytest.mark.django_db


def dashboard_queries(client, code) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/dasbor/{code}/")
    assert response.status_code == 200
    return [query["sql"] for query in queries.captured_queries]


def membership_reads(sqls) -> int:
    return sum('FROM "organizations_membership"' in sql for sql in sqls)


@pytest.fixture
def treasurer(town, city_officer):
    """Organisation staff: treasurer of BKM Bugis and cadre of Posyandu Melati, seeing Bugis through them."""
    from conftest import _user

    user = _user("bendahara", "org_staff", first_name="Nur")
    day = datetime.date(2025, 1, 1)
    for name, role in (("BKM Bugis", MemberRole.TREASURER), ("Posyandu Melati", "kader")):
        organization = Organization.objects.get(name=name)
        add_member(organization, user=user, role=role, started_on=day, acting_user=city_officer)
    return user


def test_city_dashboard_reads_memberships_once(client, town, city_officer):
    client.force_login(city_officer)
    sqls = dashboard_queries(client, "21.72")
    assert membership_reads(sqls) == 1
    # Was 44 here with 8 membership reads (5 for member organisations, 3 for bookkeepers).
    assert len(sqls) <= 37


def test_org_staff_reads_memberships_once_and_sees_a_change_on_the_next_request(client, town, treasurer, city_officer):
    client.force_login(treasurer)
    sqls = dashboard_queries(client, BUGIS)
    # Scope, member organisations and bookkept treasuries all come from the one read.
    assert membership_reads(sqls) == 1
    for membership in treasurer.memberships.all():
        end_membership(membership, ended_on=datetime.date(2026, 3, 1), acting_user=city_officer)
    # The next request reads memberships afresh: no organisation left, so no area to see.
    assert client.get(f"/dasbor/{BUGIS}/").status_code == 404
