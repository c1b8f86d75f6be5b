"""Memberships are read once per user object (one request), and a fresh object (the next request) sees changes."""

import datetime

import pytest

from gotong.accounts.models import User
from gotong.core.scoping import forget_visible_area_codes, member_organization_ids, visible_area_codes
from gotong.organizations.choices import MemberRole, OrganizationKind
from gotong.organizations.services import add_member, create_organization
from gotong.treasury.access import bookkeeper_org_ids, summary_org_ids

DAY = datetime.date(2025, 1, 1)


@pytest.fixture
def orgs(areas, city_officer):
    def make(name, code):
        return create_organization(name=name, kind=OrganizationKind.BKM, area=areas[code], acting_user=city_officer)

    return make("BKM Bugis", "21.72.03.1005"), make("KSM Ilir", "16.71")


@pytest.fixture
def staff(areas):
    return User.objects.create_user(username="nur", password="x", role="org_staff")


def test_one_read_answers_scope_membership_and_bookkeeping(orgs, staff, city_officer, django_assert_num_queries):
    bugis, ilir = orgs
    add_member(bugis, user=staff, role=MemberRole.TREASURER, started_on=DAY, acting_user=city_officer)
    add_member(ilir, user=staff, role=MemberRole.MEMBER, started_on=DAY, acting_user=city_officer)
    with django_assert_num_queries(1):
        assert sorted(member_organization_ids(staff)) == sorted([bugis.pk, ilir.pk])
        assert bookkeeper_org_ids(staff) == [bugis.pk]
        assert visible_area_codes(staff) == ["16.71", "21.72.03.1005"]
        assert member_organization_ids(staff) == member_organization_ids(staff)
    assert summary_org_ids(staff) == sorted([bugis.pk, ilir.pk])


def test_a_new_membership_shows_on_a_fresh_user_object_or_after_forgetting(orgs, staff, city_officer):
    bugis, _ilir = orgs
    assert member_organization_ids(staff) == [] and bookkeeper_org_ids(staff) == []
    add_member(bugis, user=staff, role=MemberRole.CHAIR, started_on=DAY, acting_user=city_officer)
    # The next request loads the user again and sees the membership.
    fresh = User.objects.get(pk=staff.pk)
    assert member_organization_ids(fresh) == [bugis.pk] and bookkeeper_org_ids(fresh) == [bugis.pk]
    assert visible_area_codes(fresh) == ["21.72.03.1005"]
    forget_visible_area_codes(staff)
    assert bookkeeper_org_ids(staff) == [bugis.pk]


def test_anonymous_has_no_memberships():
    from django.contrib.auth.models import AnonymousUser

    assert member_organization_ids(AnonymousUser()) == [] and bookkeeper_org_ids(AnonymousUser()) == []
