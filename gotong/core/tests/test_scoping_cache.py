"""Memberships are read once per user object (one request), and a fresh object (the next request) sees changes."""

import datetime

import pytest

from gotong.accounts.models import User
from gotong.core.policy.decide import reaches
from gotong.core.scoping import forget_visible_area_codes, member_organization_ids, visible_area_codes
from gotong.organizations.choices import MemberRole, OrganizationKind
from gotong.organizations.services import add_member, create_organization

DAY = datetime.date(2025, 1, 1)


@pytest.fixture
def orgs(areas, admin_user):
    def make(name, code):
        return create_organization(name=name, kind=OrganizationKind.BKM, area=areas[code], acting_user=admin_user)

    return make("BKM Bugis", "21.72.03.1005"), make("KSM Ilir", "16.71")


@pytest.fixture
def staff(areas):
    return User.objects.create_user(username="nur", password="x", role="org_staff")


def test_one_read_answers_scope_membership_and_bookkeeping(orgs, staff, admin_user, django_assert_num_queries):
    bugis, ilir = orgs
    add_member(bugis, user=staff, role=MemberRole.TREASURER, started_on=DAY, acting_user=admin_user)
    add_member(ilir, user=staff, role=MemberRole.MEMBER, started_on=DAY, acting_user=admin_user)
    with django_assert_num_queries(1):
        # A plain anggota serves no organisation: only the treasurer's seat counts for work and scope.
        assert member_organization_ids(staff) == [bugis.pk]
        assert reaches(staff, "treasury.record").organization_ids == {bugis.pk}
        assert reaches(staff, "treasury.view").organization_ids == {bugis.pk, ilir.pk}
        assert visible_area_codes(staff) == ["21.72.03.1005"]
        assert member_organization_ids(staff) == member_organization_ids(staff)


def test_a_new_membership_shows_on_a_fresh_user_object_or_after_forgetting(orgs, staff, admin_user):
    bugis, _ilir = orgs
    assert member_organization_ids(staff) == [] and not reaches(staff, "treasury.record")
    add_member(bugis, user=staff, role=MemberRole.CHAIR, started_on=DAY, acting_user=admin_user)
    # The next request loads the user again and sees the membership.
    fresh = User.objects.get(pk=staff.pk)
    assert member_organization_ids(fresh) == [bugis.pk]
    assert reaches(fresh, "treasury.record").organization_ids == {bugis.pk}
    assert visible_area_codes(fresh) == ["21.72.03.1005"]
    forget_visible_area_codes(staff)
    assert reaches(staff, "treasury.record").organization_ids == {bugis.pk}


def test_anonymous_has_no_memberships():
    from django.contrib.auth.models import AnonymousUser

    assert member_organization_ids(AnonymousUser()) == [] and not reaches(AnonymousUser(), "treasury.record")
