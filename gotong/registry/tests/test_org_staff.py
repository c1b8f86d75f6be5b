"""Organisation staff and the registry (issue 17): they read the households their organisation serves with masked
numbers, may add a newborn or a member to one of them, and nothing else - no edit forms (which showed full NIK and
KK), no decile or PKH/BPNT, no import."""

import datetime

import pytest
from django.urls import reverse

from gotong.accounts.models import User
from gotong.api.testing import token_client
from gotong.areas.models import Area
from gotong.organizations.choices import MemberRole, OrganizationKind
from gotong.organizations.models import Membership, Organization
from gotong.registry.models import Household, Person
from gotong.registry.nik import compose_nik, mask_family_card_number, mask_nik
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

BUGIS = "21.72.03.1005"
STAFF = {
    # persona: (organisation kind, membership role)
    "kader": (OrganizationKind.POSYANDU, MemberRole.CADRE),
    "pengelola_bank": (OrganizationKind.WASTE_BANK, MemberRole.MANAGER),
    "bendahara": (OrganizationKind.KSM, MemberRole.TREASURER),
}


@pytest.fixture
def family(areas):
    household = HouseholdFactory(area=rt_in(BUGIS, 6, 2), address="Jl. Bugis No. 7", welfare_decile=3)
    head = PersonFactory(household=household, name="Ahmad Yani")
    return household, head


def staff_member(persona: str) -> User:
    kind, role = STAFF[persona]
    user = User.objects.create_user(username=persona, password="x", role="org_staff", first_name=persona.title())
    organization = Organization.objects.create(name=f"{kind} Bugis", kind=kind, area=Area.objects.get(code=BUGIS))
    Membership.objects.create(organization=organization, user=user, role=role)
    return user


def newborn(nik_serial: int = 41) -> dict:
    birth = datetime.date.today() - datetime.timedelta(days=20)
    return {
        "nik": compose_nik("21.72.03", birth, "P", nik_serial),
        "name": "Bayi Aisyah",
        "sex": "P",
        "birth_date": birth.isoformat(),
        "relationship": "anak",
        "disability": "tidak",
    }


@pytest.mark.parametrize("persona", sorted(STAFF))
def test_staff_cannot_open_edit_forms_that_showed_full_nik_and_kk(client, family, persona):
    household, head = family
    client.force_login(staff_member(persona))
    for name, record in [("household-edit", household), ("dwelling-edit", household), ("person-edit", head)]:
        response = client.get(reverse(f"registry:{name}", args=[record.public_id]))
        assert response.status_code == 403, name
        assert head.nik not in response.text and household.family_card_number not in response.text
    detail = client.get(reverse("registry:household-detail", args=[household.public_id])).text
    assert "Ahmad Yani" in detail  # they still read the household their organisation serves
    assert head.nik not in detail and household.family_card_number not in detail
    assert mask_nik(head.nik) in detail and mask_family_card_number(household.family_card_number) in detail
    assert reverse("registry:household-edit", args=[household.public_id]) not in detail
    assert reverse("registry:person-edit", args=[head.public_id]) not in detail


@pytest.mark.parametrize("persona", sorted(STAFF))
def test_staff_cannot_change_decile_or_assistance_nor_import(client, family, persona):
    household, head = family
    user = staff_member(persona)
    client.force_login(user)
    posted = client.post(
        reverse("registry:household-edit", args=[household.public_id]),
        {"family_card_number": household.family_card_number, "address": household.address,
         "village_code": BUGIS, "rw": "6", "rt": "2", "welfare_decile": "9", "pkh_recipient": "on"},
    )  # fmt: skip
    assert posted.status_code == 403
    api = token_client(user)
    patched = api.patch(f"/api/v1/rumah-tangga/{household.public_id}/", {"welfare_decile": 9}, format="json")
    assert patched.status_code == 403
    assert api.patch(f"/api/v1/penduduk/{head.public_id}/", {"name": "Nama Lain"}, format="json").status_code == 403
    household.refresh_from_db()
    head.refresh_from_db()
    assert (household.welfare_decile, household.pkh_recipient, head.name) == (3, False, "Ahmad Yani")
    assert client.get(reverse("registry:import")).status_code == 403
    assert client.get(reverse("registry:import-template", args=["csv"])).status_code == 403
    assert client.get(reverse("registry:household-create")).status_code == 403


@pytest.mark.parametrize("persona", ["kader", "pengelola_bank"])
def test_cadre_adds_a_newborn_to_a_household_she_serves(client, family, persona):
    household, _head = family
    client.force_login(staff_member(persona))
    detail = client.get(reverse("registry:household-detail", args=[household.public_id])).text
    add_url = reverse("registry:person-create", args=[household.public_id])
    assert add_url in detail
    form = client.get(add_url)
    assert form.status_code == 200
    assert "welfare_decile" not in form.text and "pkh_recipient" not in form.text
    response = client.post(add_url, newborn())
    assert response.status_code == 302
    baby = Person.objects.get(name="Bayi Aisyah")
    assert baby.household == household and baby.relationship == "anak"


def test_treasurer_may_not_add_members(client, family):
    household, _head = family
    client.force_login(staff_member("bendahara"))
    add_url = reverse("registry:person-create", args=[household.public_id])
    assert add_url not in client.get(reverse("registry:household-detail", args=[household.public_id])).text
    assert client.post(add_url, newborn()).status_code == 403
    assert not Person.objects.filter(name="Bayi Aisyah").exists()


def test_cadre_cannot_add_to_a_household_her_posyandu_does_not_serve(client, family):
    elsewhere = HouseholdFactory(area=rt_in("21.72.03.1001", 1, 1), family_card_number="2172030101990077")
    client.force_login(staff_member("kader"))
    assert client.post(reverse("registry:person-create", args=[elsewhere.public_id]), newborn()).status_code == 404
    assert not Person.objects.filter(name="Bayi Aisyah").exists()


def test_cadre_adds_a_newborn_through_the_api_but_changes_nothing_else(family):
    household, _head = family
    api = token_client(staff_member("kader"))
    created = api.post("/api/v1/penduduk/", {**newborn(), "household": str(household.public_id)}, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["nik"] == mask_nik(newborn()["nik"])
    baby = Person.objects.get(name="Bayi Aisyah")
    assert api.patch(f"/api/v1/penduduk/{baby.public_id}/", {"name": "Aisyah"}, format="json").status_code == 403
    assert api.post("/api/v1/rumah-tangga/", {"family_card_number": "2172030101990001"}, format="json").status_code == (
        403
    )
    assert Household.objects.count() == 1


def test_a_plain_member_reads_no_registry(client, family):
    household, _head = family
    user = User.objects.create_user(username="ikut", password="x", role="org_staff")
    organization = Organization.objects.create(name="KSM Bugis", kind="ksm", area=Area.objects.get(code=BUGIS))
    Membership.objects.create(organization=organization, user=user, role=MemberRole.MEMBER)
    client.force_login(user)
    assert client.get(reverse("registry:household-detail", args=[household.public_id])).status_code == 404
