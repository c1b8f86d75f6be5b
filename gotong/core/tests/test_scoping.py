"""The one rule: a user sees records inside their areas and nothing else, on every path."""

import pytest

from gotong.organizations.models import Membership, Organization
from gotong.registry.models import Household, Person
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in


@pytest.fixture
def two_villages(areas):
    bugis = PersonFactory(household=HouseholdFactory(area=rt_in("21.72.03.1005", 6, 2)))
    ilir = PersonFactory(
        household=HouseholdFactory(area=rt_in("16.71.11.1005", 5, 17), family_card_number="1671110101000001")
    )
    return bugis, ilir


def test_facilitator_sees_only_households_in_work_area(two_villages, facilitator):
    bugis, ilir = two_villages
    assert list(Household.objects.visible_to(facilitator)) == [bugis.household]
    assert list(Person.objects.visible_to(facilitator)) == [bugis]


def test_city_officer_sees_whole_city_but_not_other_cities(two_villages, city_officer):
    bugis, _ilir = two_villages
    assert list(Household.objects.visible_to(city_officer)) == [bugis.household]


def test_prefix_match_does_not_leak_into_similar_codes(areas, facilitator):
    # 21.72.03.1005 must not match a village code that merely starts with the same digits, e.g. 21.72.03.10051
    HouseholdFactory(area=rt_in("21.72.03.1005"))
    assert Household.objects.visible_to(facilitator).count() == 1
    assert Household.objects.filter(area_code__startswith="21.72.03.100").count() == 1


def test_partner_and_anonymous_see_no_named_records(two_villages, partner):
    from django.contrib.auth.models import AnonymousUser

    assert not Household.objects.visible_to(partner).exists()
    assert not Person.objects.visible_to(AnonymousUser()).exists()


def test_superuser_sees_everything(two_villages, admin_user):
    assert Household.objects.visible_to(admin_user).count() == 2


def test_resident_sees_own_household_only(two_villages):
    from gotong.accounts.models import User

    bugis, _ = two_villages
    resident = User.objects.create_user("warga", password="x", role="resident", person=bugis)
    assert list(Household.objects.visible_to(resident)) == [bugis.household]
    assert list(Person.objects.visible_to(resident)) == [bugis]


def test_org_staff_see_the_area_of_their_organization(two_villages, areas):
    from gotong.accounts.models import User

    bugis, ilir = two_villages
    staff = User.objects.create_user("kader", password="x", role="org_staff")
    posyandu = Organization.objects.create(name="Posyandu Mawar", kind="posyandu", area=areas["16.71.11.1005"])
    Membership.objects.create(organization=posyandu, user=staff, role="kader")
    assert list(Household.objects.visible_to(staff)) == [ilir.household]
    assert list(Organization.objects.visible_to(staff)) == [posyandu]


def test_the_scope_rule_is_the_code_itself_or_below_it_after_a_dot(db):
    """The leading plain prefix match (for the index) never widens the rule: 21.72 is not 21.721 or 21.7."""
    from gotong.core.scoping import area_code_filter
    from gotong.dashboards.models import AreaTally

    for code in ("21.72", "21.72.03", "21.72.03.1005.001.002", "21.721", "21.721.01", "21.7", "21.71.01", "21"):
        AreaTally.objects.create(area_code=code)
    matched = AreaTally.objects.filter(area_code_filter(["21.72"])).values_list("area_code", flat=True)
    assert sorted(matched) == ["21.72", "21.72.03", "21.72.03.1005.001.002"]
    both = AreaTally.objects.filter(area_code_filter(["21.7", "21.71"])).values_list("area_code", flat=True)
    assert sorted(both) == ["21.7", "21.71.01"]
