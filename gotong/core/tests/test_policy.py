"""The access policy's matrix, as each role meets it."""

from pathlib import Path

import pytest

from gotong.accounts.models import User
from gotong.areas.models import Area
from gotong.core.policy import Decision, can, decide, may_somewhere
from gotong.core.policy.decide import Place
from gotong.core.policy.grants import CAPABILITIES, MEMBER_GRANTS, ROLE_GRANTS
from gotong.core.policy.matrix import render_markdown
from gotong.organizations.choices import MemberRole, OrganizationKind
from gotong.organizations.models import Membership, Organization

BUGIS = "21.72.03.1005"
MEDAN_VILLAGE = "12.71.08.1004"


def test_the_printed_matrix_in_the_docs_is_the_policy():
    doc = Path(__file__).resolve().parents[3] / "docs" / "access.md"
    assert doc.read_text(encoding="utf-8") == render_markdown(), "run `gotong access matrix --write`"


def test_every_granted_capability_is_declared():
    for grants in [*ROLE_GRANTS.values(), *MEMBER_GRANTS.values()]:
        assert set(grants) <= set(CAPABILITIES)


def test_unknown_capability_is_a_programming_error(facilitator):
    with pytest.raises(KeyError):
        can(facilitator, "posyandu.weigh")


def _staff(username, organization, member_role, role="org_staff"):
    user = User.objects.create_user(username=username, password="x", role=role)
    Membership.objects.create(organization=organization, user=user, role=member_role)
    return user


@pytest.fixture
def posyandu(areas):
    return Organization.objects.create(name="Posyandu Melati", kind=OrganizationKind.POSYANDU, area=areas[BUGIS])


@pytest.fixture
def ksm(areas):
    return Organization.objects.create(name="KSM Bugis Bersih", kind=OrganizationKind.KSM, area=areas[BUGIS])


def test_partner_never_writes_community_records(partner):
    for capability in CAPABILITIES:
        action = capability.split(".", 1)[1]
        if action not in ("view", "use", "password", "see_nik", "see_health") and capability != "portal.view":
            assert not may_somewhere(partner, capability), capability
    assert may_somewhere(partner, "dashboards.view")


def test_plain_member_takes_part_but_manages_nothing(ksm):
    resident = _staff("lina", ksm, MemberRole.MEMBER, role="resident")
    staff_member = _staff("yani", ksm, MemberRole.MEMBER)
    for user in (resident, staff_member):
        assert can(user, "organizations.view", ksm)
        for capability in ("organizations.manage", "activities.record", "programs.manage", "treasury.record"):
            assert not can(user, capability, Place(area_code=BUGIS, organization_id=ksm.pk)), capability
        assert not can(user, "registry.view", Place(area_code=BUGIS))
    assert not may_somewhere(staff_member, "registry.view")


def test_chair_manages_own_organisation_only(ksm, areas):
    chair = _staff("ketua", ksm, MemberRole.CHAIR)
    other = Organization.objects.create(name="KSM Lain", kind=OrganizationKind.KSM, area=areas[BUGIS])
    assert can(chair, "activities.record", Place(area_code=BUGIS, organization_id=ksm.pk))
    assert not can(chair, "activities.record", Place(area_code=BUGIS, organization_id=other.pk))
    assert can(chair, "organizations.manage", ksm)
    assert decide(chair, "organizations.manage", other) is Decision.FORBID


def test_a_resident_of_a_managing_role_still_only_takes_part(ksm):
    resident_chair = _staff("ketua-warga", ksm, MemberRole.CHAIR, role="resident")
    assert not can(resident_chair, "organizations.manage", ksm)


def test_cadre_records_in_her_posyandu_not_at_the_waste_bank_she_keeps(posyandu, areas):
    bank = Organization.objects.create(name="Bank Sampah Bugis", kind=OrganizationKind.WASTE_BANK, area=areas[BUGIS])
    cadre = _staff("ani", posyandu, MemberRole.CADRE)
    Membership.objects.create(organization=bank, user=cadre, role=MemberRole.CADRE)
    assert can(cadre, "posyandu.record", Place(area_code=BUGIS, organization_id=posyandu.pk))
    assert not can(cadre, "wastebank.record", Place(area_code=BUGIS, organization_id=bank.pk))
    assert can(cadre, "posyandu.report")
    # Cadres see the village's persons with masked identifiers, never the full NIK; they edit no household.
    assert can(cadre, "registry.view", Place(area_code=BUGIS))
    assert not may_somewhere(cadre, "registry.see_nik")
    assert not may_somewhere(cadre, "registry.record")
    assert can(cadre, "registry.add_member", Place(area_code=f"{BUGIS}.001.002"))


def test_welfare_imports_and_work_areas_are_for_area_workers(city_officer, facilitator):
    assert can(facilitator, "registry.welfare", BUGIS)
    assert not can(facilitator, "registry.welfare", MEDAN_VILLAGE)
    assert can(city_officer, "areas.assign", Area.objects.get(code=BUGIS))
    assert not may_somewhere(facilitator, "areas.assign")


def test_health_details_are_for_the_case_team_not_even_admins(admin_user):
    assert can(admin_user, "casework.view", Place(area_code=BUGIS))
    assert not can(admin_user, "casework.see_health", Place(area_code=BUGIS, team_ids=frozenset()))
    assert can(admin_user, "casework.see_health", Place(area_code=BUGIS, team_ids=frozenset({admin_user.pk})))


def test_anonymous_sees_the_public_portal_only(db):
    from django.contrib.auth.models import AnonymousUser

    nobody = AnonymousUser()
    assert may_somewhere(nobody, "portal.view")
    assert [c for c in CAPABILITIES if may_somewhere(nobody, c)] == ["portal.view"]
