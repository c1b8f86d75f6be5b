"""Household pages as a facilitator uses them: find, open, add and edit people, see who changed what."""

import datetime

import pytest
from django.urls import reverse

from gotong.registry.models import Household, Person
from gotong.registry.nik import compose_nik, mask_family_card_number
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in


@pytest.fixture
def bugis_family(areas):
    household = HouseholdFactory(area=rt_in("21.72.03.1005", 6, 2), address="Jl. Bugis No. 7")
    head = PersonFactory(household=household, name="Ahmad Yani")
    return household, head


def test_search_finds_household_by_name_nik_and_address(client, facilitator, bugis_family):
    household, head = bugis_family
    client.force_login(facilitator)
    url = reverse("registry:household-list")
    for query in ["ahmad", head.nik, "Bugis No. 7"]:
        response = client.get(url, {"q": query})
        assert household.address.encode() in response.content, query
    assert b"Jl. Bugis No. 7" not in client.get(url, {"q": "tidak ada"}).content


def test_list_masks_nik(client, facilitator, bugis_family):
    _household, head = bugis_family
    client.force_login(facilitator)
    content = client.get(reverse("registry:household-list")).content.decode()
    assert head.nik not in content
    assert f"{head.nik[:4]}********{head.nik[-4:]}" in content


def test_detail_shows_members_and_full_nik_to_facilitator(client, facilitator, bugis_family):
    household, head = bugis_family
    client.force_login(facilitator)
    content = client.get(reverse("registry:household-detail", args=[household.public_id])).content.decode()
    assert "Ahmad Yani" in content and head.nik in content


def test_household_outside_scope_is_404(client, other_facilitator, bugis_family):
    household, head = bugis_family
    client.force_login(other_facilitator)
    assert client.get(reverse("registry:household-detail", args=[household.public_id])).status_code == 404
    assert client.get(reverse("registry:person-edit", args=[head.public_id])).status_code == 404
    assert b"Ahmad Yani" not in client.get(reverse("registry:household-list"), {"q": "Ahmad"}).content


def test_partner_cannot_open_or_edit(client, partner, bugis_family):
    household, _ = bugis_family
    client.force_login(partner)
    assert client.get(reverse("registry:household-detail", args=[household.public_id])).status_code == 404
    assert client.get(reverse("registry:household-create")).status_code == 403


def test_add_person_and_history_shows_who(client, facilitator, bugis_family):
    household, _head = bugis_family
    client.force_login(facilitator)
    birth = datetime.date(2015, 3, 9)
    nik = compose_nik("21.72.03", birth, "P", 17)
    response = client.post(
        reverse("registry:person-create", args=[household.public_id]),
        {
            "nik": nik,
            "name": "Nur Aisyah",
            "sex": "P",
            "birth_date": "2015-03-09",
            "relationship": "anak",
            "education": "sd",
            "occupation": "Pelajar",
            "disability": "tidak",
        },
    )
    assert response.status_code == 302
    assert Person.objects.get(nik=nik).household == household
    page = client.get(reverse("registry:household-detail", args=[household.public_id])).content.decode()
    assert "Nur Aisyah" in page and "Budi" in page  # the facilitator is named in the history


def test_edit_person_records_old_and_new_value(client, facilitator, bugis_family):
    household, head = bugis_family
    client.force_login(facilitator)
    data = {
        "nik": head.nik,
        "name": "Ahmad Yani",
        "sex": "L",
        "birth_date": head.birth_date.isoformat(),
        "relationship": "kepala",
        "education": "",
        "occupation": "Nelayan",
        "disability": "tidak",
    }
    assert client.post(reverse("registry:person-edit", args=[head.public_id]), data).status_code == 302
    page = client.get(reverse("registry:household-detail", args=[household.public_id])).content.decode()
    assert "Nelayan" in page and "mengubah" in page


def test_duplicate_nik_is_rejected_with_pointer_and_nothing_saved(client, facilitator, bugis_family):
    household, head = bugis_family
    other = HouseholdFactory(area=rt_in("21.72.03.1005", 1, 1))
    client.force_login(facilitator)
    response = client.post(
        reverse("registry:person-create", args=[other.public_id]),
        {
            "nik": head.nik,
            "name": "Orang Lain",
            "sex": "L",
            "birth_date": "1985-06-15",
            "relationship": "kepala",
            "disability": "tidak",
        },
    )
    assert response.status_code == 200
    assert "sudah terdaftar atas nama Ahmad Yani" in response.content.decode()
    assert not Person.objects.filter(name="Orang Lain").exists()


@pytest.mark.parametrize(
    ("nik", "message"),
    [
        ("12345", "16 digit"),
        ("21720315068A0001", "hanya boleh berisi angka"),
        ("2172033102900001", "bukan tanggal"),
        ("9972031506850001", "provinsi"),
    ],
)
def test_bad_nik_gets_specific_indonesian_error(client, facilitator, bugis_family, nik, message):
    household, _ = bugis_family
    client.force_login(facilitator)
    response = client.post(
        reverse("registry:person-create", args=[household.public_id]),
        {
            "nik": nik,
            "name": "Salah",
            "sex": "L",
            "birth_date": "1990-02-28",
            "relationship": "anak",
            "disability": "tidak",
        },
    )
    assert message in response.content.decode()
    assert household.members.count() == 1


def test_create_household_places_it_in_rt(client, facilitator, areas):
    client.force_login(facilitator)
    response = client.post(
        reverse("registry:household-create"),
        {
            "family_card_number": "2172030202240001",
            "address": "Jl. Pelantar II",
            "village_code": "21.72.03.1005",
            "rw": "6",
            "rt": "4",
            "welfare_decile": "1",
        },
    )
    assert response.status_code == 302
    household = Household.objects.get(family_card_number="2172030202240001")
    assert household.area.code == "21.72.03.1005.006.004"


def test_cannot_create_household_outside_work_area(client, facilitator, areas):
    client.force_login(facilitator)
    response = client.post(
        reverse("registry:household-create"),
        {
            "family_card_number": "1671110202240001",
            "address": "Jl. Cempako",
            "village_code": "16.71.11.1005",
            "rw": "5",
            "rt": "17",
        },
    )
    assert "di luar wilayah kerja" in response.content.decode()
    assert not Household.objects.exists()


def test_duplicate_nik_from_another_area_does_not_reveal_who(client, other_facilitator, bugis_family):
    _household, head = bugis_family
    ilir = HouseholdFactory(area=rt_in("16.71.11.1005", 5, 17), family_card_number="1671110101000002")
    client.force_login(other_facilitator)
    response = client.post(
        reverse("registry:person-create", args=[ilir.public_id]),
        {
            "nik": head.nik,
            "name": "Orang Lain",
            "sex": "L",
            "birth_date": "1985-06-15",
            "relationship": "kepala",
            "disability": "tidak",
        },
    )
    content = response.content.decode()
    # Not "already registered elsewhere": the answer must not tell whether the NIK exists outside her view.
    assert "NIK ini tidak dapat dipakai. Hubungi petugas kota untuk memeriksanya." in content
    assert "terdaftar" not in content and "wilayah lain" not in content
    assert "Ahmad Yani" not in content and head.household.family_card_number not in content
    assert mask_family_card_number(head.household.family_card_number) not in content
    assert not Person.objects.filter(name="Orang Lain").exists()


def test_moving_household_to_another_rt_moves_its_members_scope(client, facilitator, bugis_family):
    household, head = bugis_family
    client.force_login(facilitator)
    response = client.post(
        reverse("registry:household-edit", args=[household.public_id]),
        {
            "family_card_number": household.family_card_number,
            "address": household.address,
            "village_code": "21.72.03.1005",
            "rw": "1",
            "rt": "3",
            "welfare_decile": "2",
        },
    )
    assert response.status_code == 302
    head.refresh_from_db()
    assert head.area_code == "21.72.03.1005.001.003"


def test_resident_reads_own_household_only_with_masked_numbers(client, bugis_family):
    from gotong.accounts.models import User

    household, head = bugis_family
    neighbour = HouseholdFactory(area=rt_in("21.72.03.1005", 6, 2))
    resident = User.objects.create_user(username="warga", password="x", role="resident", person=head)
    client.force_login(resident)
    page = client.get(reverse("registry:household-detail", args=[household.public_id]))
    assert page.status_code == 200 and "Ahmad Yani" in page.text
    assert head.nik not in page.text and reverse("registry:person-edit", args=[head.public_id]) not in page.text
    assert client.get(reverse("registry:household-detail", args=[neighbour.public_id])).status_code == 404
    assert client.get(reverse("registry:person-edit", args=[head.public_id])).status_code == 403
