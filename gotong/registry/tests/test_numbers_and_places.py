"""Issue 17 in the registry's forms, API and import: full numbers only where `registry.see_nik` reaches (edit forms
too), existence checks that tell no more than the user may know, one head per household in the database, and a
household placed together with its new RW/RT or not at all."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from gotong.accounts.models import User
from gotong.accounts.roles import Role
from gotong.api.testing import token_client
from gotong.areas.models import Area, WorkAssignment
from gotong.core.policy.grants import ROLE_GRANTS
from gotong.registry.importing import import_households
from gotong.registry.models import Household, Person
from gotong.registry.nik import compose_nik, mask_family_card_number, mask_nik
from gotong.registry.services import KK_REFUSED, NIK_REFUSED, save_person
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from gotong.registry.tests.test_import_support import family, kk, write_csv

BUGIS = "21.72.03.1005"


@pytest.fixture
def bugis_family(areas):
    household = HouseholdFactory(area=rt_in(BUGIS, 6, 2), address="Jl. Bugis No. 7", family_card_number=kk(500))
    head = PersonFactory(household=household, name="Ahmad Yani")
    return household, head


@pytest.fixture
def facilitator_without_full_numbers(monkeypatch):
    """The matrix as it would be if facilitators kept the record but lost `registry.see_nik`."""
    monkeypatch.delitem(ROLE_GRANTS[Role.FACILITATOR], "registry.see_nik")


def person_data(person: Person, **changes) -> dict:
    data = {
        "nik": person.nik,
        "name": person.name,
        "sex": person.sex,
        "birth_date": person.birth_date.isoformat(),
        "relationship": person.relationship,
        "education": person.education,
        "occupation": person.occupation,
        "disability": person.disability,
    }
    return {**data, **changes}


# --- Full numbers only where registry.see_nik reaches, edit forms included ---------------------------------------


def test_edit_forms_show_full_numbers_to_whom_the_policy_shows_them(client, facilitator, bugis_family):
    household, head = bugis_family
    client.force_login(facilitator)
    assert head.nik in client.get(reverse("registry:person-edit", args=[head.public_id])).text
    edit = client.get(reverse("registry:household-edit", args=[household.public_id])).text
    assert household.family_card_number in edit


def test_without_see_nik_the_edit_forms_show_masked_numbers_and_keep_them(
    client, facilitator, bugis_family, facilitator_without_full_numbers
):
    household, head = bugis_family
    client.force_login(facilitator)
    url = reverse("registry:person-edit", args=[head.public_id])
    page = client.get(url).text
    assert head.nik not in page and f'value="{mask_nik(head.nik)}"' in page
    # The masked NIK posted back untouched: the other change is saved, the NIK stays what it was.
    original = head.nik
    response = client.post(url, person_data(head, nik=mask_nik(original), occupation="Nelayan"))
    assert response.status_code == 302
    head.refresh_from_db()
    assert (head.occupation, head.nik) == ("Nelayan", original)
    # A NIK the user types replaces it.
    typed = compose_nik("21.72.03", head.birth_date, "L", 321)
    assert client.post(url, person_data(head, nik=typed)).status_code == 302
    head.refresh_from_db()
    assert head.nik == typed

    url = reverse("registry:household-edit", args=[household.public_id])
    page = client.get(url).text
    masked = mask_family_card_number(household.family_card_number)
    assert household.family_card_number not in page and f'value="{masked}"' in page
    data = {"family_card_number": masked, "address": "Jl. Bugis No. 9", "village_code": BUGIS, "rw": "6", "rt": "2"}
    assert client.post(url, data).status_code == 302
    household.refresh_from_db()
    assert household.address == "Jl. Bugis No. 9" and household.family_card_number == kk(500)
    detail = client.get(reverse("registry:household-detail", args=[household.public_id])).text
    assert kk(500) not in detail and typed not in detail


def test_api_patch_with_the_masked_nik_of_a_list_keeps_the_stored_nik(facilitator, bugis_family):
    _household, head = bugis_family
    api = token_client(facilitator)
    changed = api.patch(
        f"/api/v1/penduduk/{head.public_id}/", {"nik": mask_nik(head.nik), "occupation": "Guru"}, format="json"
    )
    assert changed.status_code == 200, changed.content
    stored = Person.objects.get(pk=head.pk)
    assert stored.nik == head.nik and stored.occupation == "Guru"


def test_api_detail_masks_numbers_without_see_nik(facilitator, bugis_family, facilitator_without_full_numbers):
    household, head = bugis_family
    api = token_client(facilitator)
    assert api.get(f"/api/v1/penduduk/{head.public_id}/").json()["nik"] == mask_nik(head.nik)
    detail = api.get(f"/api/v1/rumah-tangga/{household.public_id}/").json()
    assert detail["family_card_number"] == mask_family_card_number(household.family_card_number)
    assert detail["members"][0]["nik"] == mask_nik(head.nik)


# --- Existence checks ----------------------------------------------------------------------------------------------


def test_a_nik_in_the_users_own_scope_is_named_with_a_link(client, facilitator, bugis_family):
    household, head = bugis_family
    other = HouseholdFactory(area=rt_in(BUGIS, 1, 1))
    client.force_login(facilitator)
    response = client.post(
        reverse("registry:person-create", args=[other.public_id]), person_data(head, name="Orang Lain")
    )
    assert "sudah terdaftar atas nama Ahmad Yani" in response.text
    assert reverse("registry:household-detail", args=[household.public_id]) in response.text


def test_a_kk_number_elsewhere_is_refused_without_saying_it_exists(client, other_facilitator, bugis_family):
    household, _head = bugis_family
    client.force_login(other_facilitator)
    data = {"family_card_number": household.family_card_number, "address": "Jl. Cempako", "rw": "5", "rt": "17"}
    response = client.post(reverse("registry:household-create"), {**data, "village_code": "16.71.11.1005"})
    assert str(KK_REFUSED) in response.text
    assert "terdaftar" not in response.text and "sudah ada" not in response.text
    assert "Jl. Bugis" not in response.text and "Ahmad Yani" not in response.text
    api = token_client(other_facilitator)
    answer = api.post("/api/v1/rumah-tangga/", {**data, "village_code": "16.71.11.1005"}, format="json")
    assert answer.status_code == 400
    assert answer.json()["error"]["fields"]["family_card_number"] == [str(KK_REFUSED)]
    assert Household.objects.count() == 1


def test_a_kk_number_in_scope_is_named_with_a_link(client, facilitator, bugis_family):
    household, _head = bugis_family
    client.force_login(facilitator)
    data = {"family_card_number": household.family_card_number, "address": "Jl. Lain", "rw": "6", "rt": "2"}
    response = client.post(reverse("registry:household-create"), {**data, "village_code": BUGIS})
    assert "sudah terdaftar: Ahmad Yani" in response.text
    assert reverse("registry:household-detail", args=[household.public_id]) in response.text


def test_the_api_refuses_a_nik_elsewhere_with_the_generic_message(other_facilitator, bugis_family):
    _household, head = bugis_family
    ilir = HouseholdFactory(area=rt_in("16.71.11.1005", 5, 17), family_card_number="1671110101000002")
    payload = {**person_data(head, name="Orang Lain"), "household": str(ilir.public_id)}
    answer = token_client(other_facilitator).post("/api/v1/penduduk/", payload, format="json")
    assert answer.status_code == 400
    assert answer.json()["error"]["fields"]["nik"] == [str(NIK_REFUSED)]


def test_import_report_does_not_confirm_a_kk_registered_elsewhere(areas, other_facilitator, bugis_family, tmp_path):
    household, _head = bugis_family
    rows = family(1, no_kk=household.family_card_number, kode_wilayah="16.71.11.1005")
    for row in rows:
        row["nik"] = "16" + row["nik"][2:]
    result = import_households(write_csv(tmp_path / "kk.csv", rows), filename="kk.csv", acting_user=other_facilitator)
    reasons = [issue.reason for issue in result.errors if issue.field == "no_kk"]
    assert reasons == [str(KK_REFUSED)]
    assert all("terdaftar" not in issue.reason for issue in result.errors)


# --- One head per household ---------------------------------------------------------------------------------------


def test_the_database_refuses_a_second_head(bugis_family):
    household, _head = bugis_family
    born = datetime.date(1990, 1, 1)
    nik = compose_nik("21.72.03", born, "L", 999)
    second = Person(household=household, nik=nik, name="Kepala Kedua", sex="L", birth_date=born, relationship="kepala")
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.bulk_create([second])
    with pytest.raises(Exception, match="sudah punya kepala keluarga"):
        save_person(second, acting_user=None)
    assert household.members.filter(relationship="kepala").count() == 1


# --- A refused household leaves no new RW/RT -----------------------------------------------------------------------


@pytest.fixture
def rw_facilitator(areas):
    """Yanti works for RW 006 of Kampung Bugis only."""
    user = User.objects.create_user(username="yanti", password="x", role="facilitator", first_name="Yanti")
    WorkAssignment.objects.create(user=user, area=rt_in(BUGIS, 6, 1).parent)
    return user


def units_of_rw_7() -> list[str]:
    return list(Area.objects.filter(code__startswith=f"{BUGIS}.007").values_list("code", flat=True))


def test_household_in_another_rw_is_refused_and_leaves_no_unit(client, rw_facilitator):
    client.force_login(rw_facilitator)
    data = {"family_card_number": "2172030202240009", "address": "Jl. Pelantar", "village_code": BUGIS}
    response = client.post(reverse("registry:household-create"), {**data, "rw": "7", "rt": "1"})
    assert response.status_code == 200
    assert "RT/RW ini di luar wilayah kerja Anda." in response.text
    assert not Household.objects.exists()
    assert units_of_rw_7() == []
    answer = token_client(rw_facilitator).post("/api/v1/rumah-tangga/", {**data, "rw": 7, "rt": 1}, format="json")
    assert answer.status_code == 400
    assert answer.json()["error"]["fields"]["rt"] == ["RT/RW ini di luar wilayah kerja Anda."]
    assert units_of_rw_7() == []
    # Inside her RW the same household is saved, with its new RT.
    response = client.post(reverse("registry:household-create"), {**data, "rw": "6", "rt": "9"})
    assert response.status_code == 302
    assert Household.objects.get().area.code == f"{BUGIS}.006.009"


def test_a_duplicate_kk_at_a_new_rt_leaves_no_unit(client, facilitator, bugis_family):
    household, _head = bugis_family
    client.force_login(facilitator)
    data = {"family_card_number": household.family_card_number, "address": "Jl. Baru", "village_code": BUGIS}
    client.post(reverse("registry:household-create"), {**data, "rw": "7", "rt": "3"})
    assert units_of_rw_7() == []
    answer = token_client(facilitator).post("/api/v1/rumah-tangga/", {**data, "rw": 7, "rt": 3}, format="json")
    assert answer.status_code == 400
    assert units_of_rw_7() == []


def test_an_imported_family_card_refused_by_the_services_leaves_no_unit(areas, facilitator, bugis_family, tmp_path):
    household, head = bugis_family
    # The file moves the KK to RW 007 and names another head, while Ahmad Yani (not in the file) stays head.
    rows = family(1, no_kk=household.family_card_number, rw="007", rt="001")
    result = import_households(write_csv(tmp_path / "kk.csv", rows), filename="kk.csv", acting_user=facilitator)
    assert not result.ok
    assert any("sudah punya kepala keluarga" in issue.reason for issue in result.errors)
    household.refresh_from_db()
    assert household.area.code == f"{BUGIS}.006.002"
    assert units_of_rw_7() == []


# --- Decile, PKH and BPNT only with registry.welfare ---------------------------------------------------------------


@pytest.fixture
def facilitator_without_welfare(monkeypatch):
    """The matrix as it would be if facilitators kept the record but lost `registry.welfare`."""
    monkeypatch.delitem(ROLE_GRANTS[Role.FACILITATOR], "registry.welfare")


def test_without_welfare_the_fields_are_absent_and_refused(
    client, facilitator, bugis_family, facilitator_without_welfare, tmp_path
):
    household, _head = bugis_family
    client.force_login(facilitator)
    url = reverse("registry:household-edit", args=[household.public_id])
    assert "welfare_decile" not in client.get(url).text
    data = {"family_card_number": household.family_card_number, "address": "Jl. Bugis No. 8", "village_code": BUGIS,
            "rw": "6", "rt": "2", "welfare_decile": "9", "pkh_recipient": "on"}  # fmt: skip
    assert client.post(url, data).status_code == 302
    household.refresh_from_db()
    assert (household.address, household.welfare_decile, household.pkh_recipient) == ("Jl. Bugis No. 8", 2, False)
    api = token_client(facilitator)
    patched = api.patch(f"/api/v1/rumah-tangga/{household.public_id}/", {"welfare_decile": 9}, format="json")
    assert patched.status_code == 403
    moved = api.patch(f"/api/v1/rumah-tangga/{household.public_id}/", {"address": "Jl. X"}, format="json")
    assert moved.status_code == 200
    result = import_households(write_csv(tmp_path / "kk.csv", family(1)), filename="kk.csv", acting_user=facilitator)
    assert not result.saved
    assert {issue.field for issue in result.errors} == {"desil", "penerima_pkh", "penerima_bpnt"}
    rows = [{**row, "desil": "", "penerima_pkh": "", "penerima_bpnt": ""} for row in family(1)]
    result = import_households(write_csv(tmp_path / "kk.csv", rows), filename="kk.csv", acting_user=facilitator)
    assert result.saved and not result.errors
