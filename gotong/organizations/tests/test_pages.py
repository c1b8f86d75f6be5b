"""Organisation pages: scoped list and detail, audited forms, clear Indonesian errors."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from gotong.organizations.models import Membership, Organization
from gotong.registry.nik import mask_nik


def test_list_shows_only_organisations_in_scope(client, facilitator, bugis_org, ilir_org):
    client.force_login(facilitator)
    response = client.get(reverse("organizations:list"))
    assert list(response.context["page"]) == [bugis_org]
    html = response.content.decode()
    assert "Posyandu Melati" in html and "Kampung Sayur Cempako" not in html
    assert "RT 002" in html  # the area name


def test_list_filters_by_kind_and_text(client, admin_user, bugis_org, ilir_org):
    client.force_login(admin_user)
    url = reverse("organizations:list")
    assert list(client.get(url, {"kind": "posyandu"}).context["page"]) == [bugis_org]
    assert list(client.get(url, {"q": "sayur"}).context["page"]) == [ilir_org]


def test_list_counts_active_members(client, facilitator, bugis_org):
    Membership.objects.create(organization=bugis_org, name="Bu Ros", role="kader")
    Membership.objects.create(
        organization=bugis_org,
        name="Pak Lama",
        started_on=datetime.date(2020, 1, 1),
        ended_on=datetime.date(2021, 1, 1),
    )
    client.force_login(facilitator)
    assert client.get(reverse("organizations:list")).context["page"][0].member_count == 1


def test_detail_is_404_outside_scope(client, other_facilitator, partner, bugis_org):
    for user in (other_facilitator, partner):
        client.force_login(user)
        assert client.get(reverse("organizations:detail", args=[bugis_org.pk])).status_code == 404
        assert client.get(reverse("organizations:edit", args=[bugis_org.pk])).status_code == 404


def test_create_org_and_add_member_are_audited_and_shown(client, facilitator, bugis_person):
    client.force_login(facilitator)
    response = client.post(
        reverse("organizations:create"),
        {"name": "Bank Sampah Bugis Asri", "kind": "bank_sampah", "area": "21.72.03.1005", "phone": "0812"},
    )
    org = Organization.objects.get(name="Bank Sampah Bugis Asri")
    assert response["Location"] == reverse("organizations:detail", args=[org.pk])

    response = client.post(
        reverse("organizations:member-add", args=[org.pk]),
        {"person__cari": bugis_person.nik, "role": "pengelola", "started_on": "2025-01-06"},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(organization=org)
    assert membership.person == bugis_person
    assert LogEntry.objects.get_for_object(org).get().actor == facilitator
    assert LogEntry.objects.get_for_object(membership).get().actor == facilitator

    html = client.get(reverse("organizations:detail", args=[org.pk])).content.decode()
    assert "Aminah" in html and "Pengelola" in html
    assert mask_nik(bugis_person.nik) in html
    assert bugis_person.nik not in html  # never the full NIK
    assert html.count("Budi") >= 2  # the actor of both history entries
    assert "Bank Sampah Bugis Asri" in html and "0812" in html


def test_unknown_area_code_shows_error_and_writes_nothing(client, facilitator):
    client.force_login(facilitator)
    before = LogEntry.objects.count()
    response = client.post(reverse("organizations:create"), {"name": "KSM X", "kind": "ksm", "area": "21.72.03.9999"})
    assert response.status_code == 200
    assert "Kode wilayah 21.72.03.9999 tidak dikenal." in response.content.decode()
    assert not Organization.objects.exists()
    assert LogEntry.objects.count() == before


def test_area_outside_scope_is_refused(client, facilitator):
    client.force_login(facilitator)
    response = client.post(reverse("organizations:create"), {"name": "KSM X", "kind": "ksm", "area": "16.71.11.1005"})
    assert "di luar wilayah kerja Anda" in response.content.decode()
    assert not Organization.objects.exists()


def test_nik_outside_scope_is_not_found(client, facilitator, bugis_org, ilir_person):
    client.force_login(facilitator)
    response = client.post(
        reverse("organizations:member-add", args=[bugis_org.pk]),
        {"person__cari": ilir_person.nik, "role": "anggota", "started_on": "2025-01-06"},
    )
    assert "Tidak ada yang cocok dengan" in response.content.decode()
    assert not Membership.objects.exists()


def test_end_date_before_start_shows_error_and_writes_nothing(client, facilitator, bugis_org):
    membership = Membership.objects.create(
        organization=bugis_org, name="Bu Ros", role="kader", started_on=datetime.date(2025, 3, 1)
    )
    client.force_login(facilitator)
    before = LogEntry.objects.count()
    response = client.post(reverse("organizations:member-end", args=[membership.pk]), {"ended_on": "2025-02-01"})
    assert response.status_code == 200
    assert "tidak boleh sebelum tanggal mulai" in response.content.decode()
    membership.refresh_from_db()
    assert membership.ended_on is None
    assert LogEntry.objects.count() == before


def test_end_membership_via_page(client, city_officer, bugis_org):
    membership = Membership.objects.create(
        organization=bugis_org, name="Bu Ros", role="kader", started_on=datetime.date(2025, 3, 1)
    )
    client.force_login(city_officer)
    response = client.post(reverse("organizations:member-end", args=[membership.pk]), {"ended_on": "2025-06-30"})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.ended_on == datetime.date(2025, 6, 30)
    html = client.get(reverse("organizations:detail", args=[bugis_org.pk])).content.decode()
    assert "Siti" in html and "Berakhir" in html


def test_chair_may_edit_plain_member_may_not(client, bugis_org, make_staff):
    chair = make_staff(bugis_org, "ketua", "ketua")
    cadre = make_staff(bugis_org, "kader", "kader")
    client.force_login(chair)
    response = client.post(
        reverse("organizations:edit", args=[bugis_org.pk]),
        {"name": "Posyandu Melati Indah", "kind": "posyandu", "area": bugis_org.area_code},
    )
    assert response.status_code == 302
    bugis_org.refresh_from_db()
    assert bugis_org.name == "Posyandu Melati Indah"
    client.force_login(cadre)
    assert client.get(reverse("organizations:detail", args=[bugis_org.pk])).status_code == 200
    assert client.get(reverse("organizations:edit", args=[bugis_org.pk])).status_code == 403
    assert client.get(reverse("organizations:member-add", args=[bugis_org.pk])).status_code == 403
    assert client.get(reverse("organizations:create")).status_code == 403


@pytest.mark.parametrize("persona", ["partner"])
def test_partner_cannot_create(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("organizations:create")).status_code == 403


def test_history_shows_who_and_old_to_new(client, city_officer, bugis_org):
    client.force_login(city_officer)
    data = {"name": bugis_org.name, "kind": "posyandu", "area": bugis_org.area_code, "phone": "0771-555"}
    client.post(reverse("organizations:edit", args=[bugis_org.pk]), data)
    data["phone"] = "0771-777"
    client.post(reverse("organizations:edit", args=[bugis_org.pk]), data)
    response = client.get(reverse("organizations:detail", args=[bugis_org.pk]))
    newest = response.context["history"][0]
    assert newest["entry"].actor == city_officer
    assert [(str(field), old, new) for field, old, new in newest["changes"]] == [("telepon", "0771-555", "0771-777")]
    assert "<del>0771-555</del> → 0771-777" in response.content.decode()


def test_list_pages_keep_the_filter(client, admin_user, areas):
    village = areas["21.72.03.1005"]
    Organization.objects.bulk_create(
        Organization(name=f"KSM {n:02d}", kind="ksm", area=village, area_code=village.code) for n in range(30)
    )
    client.force_login(admin_user)
    response = client.get(reverse("organizations:list"), {"kind": "ksm"})
    assert len(response.context["page"]) == 25
    assert "?kind=ksm&amp;page=2" in response.content.decode()
    response = client.get(reverse("organizations:list"), {"kind": "ksm", "page": 2})
    assert [o.name for o in response.context["page"]] == [f"KSM {n}" for n in range(25, 30)]
