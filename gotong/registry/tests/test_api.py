"""Registry API: scope by area, NIK masked in lists and for roles that may not see it."""

import datetime

import pytest

from gotong.accounts.models import User
from gotong.api.testing import listed, token_client
from gotong.organizations.models import Membership, Organization
from gotong.registry.nik import compose_nik, mask_nik
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in


@pytest.fixture
def bugis_person(areas):
    return PersonFactory(household=HouseholdFactory(area=rt_in("21.72.03.1005")), name="Siti Aminah")


def test_another_areas_households_are_invisible(bugis_person, facilitator, other_facilitator):
    url = f"/api/v1/rumah-tangga/{bugis_person.household.public_id}/"
    assert token_client(facilitator).get(url).status_code == 200
    assert listed(other_facilitator, "/api/v1/rumah-tangga/") == []
    response = token_client(other_facilitator).get(url)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_nik_masked_in_lists_full_in_detail_for_facilitator(bugis_person, facilitator):
    [row] = listed(facilitator, "/api/v1/penduduk/")
    assert row["nik"] == mask_nik(bugis_person.nik) != bugis_person.nik
    detail = token_client(facilitator).get(f"/api/v1/penduduk/{bugis_person.public_id}/").json()
    assert detail["nik"] == bugis_person.nik
    assert detail["id"] == str(bugis_person.public_id)


def test_org_staff_never_sees_a_full_nik(bugis_person):
    staff = User.objects.create_user(username="kader", password="x", role="org_staff")
    # The staff member's scope comes from their organisation's area.
    org = Organization.objects.create(name="KSM Mawar", kind="ksm", area=bugis_person.household.area)
    Membership.objects.create(organization=org, user=staff, role="pengelola")
    detail = token_client(staff).get(f"/api/v1/penduduk/{bugis_person.public_id}/").json()
    assert detail["nik"] == mask_nik(bugis_person.nik)


def test_partner_sees_no_named_records(bugis_person, partner):
    # Partners read aggregates only: the registry's lists are not theirs at all.
    for url in ("/api/v1/rumah-tangga/", "/api/v1/penduduk/"):
        assert token_client(partner).get(url).status_code == 403


def test_facilitator_adds_household_and_head_through_the_services(facilitator):
    from auditlog.models import LogEntry

    from gotong.registry.models import Household

    api = token_client(facilitator)
    payload = {"family_card_number": "2172030101990001", "address": "Jl. Bugis 9", "village_code": "21.72.03.1005"}
    created = api.post("/api/v1/rumah-tangga/", {**payload, "rw": 6, "rt": 2}, format="json")
    assert created.status_code == 201, created.content
    household = Household.objects.get(public_id=created.json()["id"])
    assert household.area_code == "21.72.03.1005.006.002"
    assert LogEntry.objects.get_for_object(household).exists()
    nik = compose_nik("21.72.03", datetime.date(1980, 5, 1), "L", 77)
    person = {"household": str(household.public_id), "nik": nik, "name": "Daeng", "sex": "L"}
    saved = api.post(
        "/api/v1/penduduk/", {**person, "birth_date": "1980-05-01", "relationship": "kepala"}, format="json"
    )
    assert saved.status_code == 201, saved.content
    changed = api.patch(f"/api/v1/rumah-tangga/{household.public_id}/", {"welfare_decile": 2}, format="json")
    assert changed.status_code == 200 and changed.json()["welfare_decile"] == 2
    assert changed.json()["head_name"] == "Daeng"


def test_writes_outside_scope_or_invalid_are_refused_with_reasons(facilitator, partner):
    api = token_client(facilitator)
    payload = {"family_card_number": "123", "address": "x", "village_code": "16.71.11.1005", "rw": 1, "rt": 1}
    errors = api.post("/api/v1/rumah-tangga/", payload, format="json").json()["error"]["fields"]
    assert errors["family_card_number"] == ["Nomor KK harus 16 digit angka."]
    assert errors["village_code"] == ["Kelurahan/desa ini di luar wilayah kerja Anda."]
    denied = token_client(partner).post("/api/v1/rumah-tangga/", payload, format="json")
    assert denied.status_code == 403 and denied.json()["error"]["code"] == "permission_denied"


def test_writes_answer_with_a_format_suffix_too(facilitator, bugis_person):
    api = token_client(facilitator)
    assert api.post("/api/v1/rumah-tangga.json", {}, format="json").status_code == 400
    assert api.post("/api/v1/penduduk.json", {}, format="json").status_code == 400
    url = f"/api/v1/penduduk/{bugis_person.public_id}.json"
    assert api.patch(url, {"occupation": "Nelayan"}, format="json").status_code == 200
