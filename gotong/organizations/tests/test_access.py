"""Issue 17: managing an organisation is the `organizations.manage` grant (ketua, pengelola; area workers in their
areas), the member picker finds only accounts the manager may add, and the database keeps one open membership per
person or account and one organisation of a name (whatever the letter case) per area."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from gotong.accounts.models import User
from gotong.organizations import services
from gotong.organizations.models import Membership, Organization

DAY = datetime.date(2025, 1, 6)


@pytest.fixture
def resident_member(bugis_org, bugis_person):
    """Aminah, a resident with an account, who joined the posyandu as a plain anggota."""
    user = User.objects.create_user("aminah", password="x", role="resident", person=bugis_person)
    Membership.objects.create(organization=bugis_org, user=user, person=bugis_person, role="anggota")
    return user


@pytest.fixture
def staff_member(bugis_org, make_staff):
    """An org-staff account added to the posyandu as a plain anggota (not as its ketua or pengelola)."""
    return make_staff(bugis_org, "anggota", "relawan")


@pytest.mark.parametrize("persona", ["resident_member", "staff_member"])
def test_plain_member_cannot_open_or_submit_the_edit_and_member_pages(client, request, persona, bugis_org):
    membership = Membership.objects.create(organization=bugis_org, name="Bu Ros", role="kader", started_on=DAY)
    client.force_login(request.getfixturevalue(persona))
    before = (LogEntry.objects.count(), Membership.objects.count())
    # They still see their own organisation…
    assert client.get(reverse("organizations:detail", args=[bugis_org.pk])).status_code == 200
    # …but may change nothing in it.
    edit = reverse("organizations:edit", args=[bugis_org.pk])
    add = reverse("organizations:member-add", args=[bugis_org.pk])
    end = reverse("organizations:member-end", args=[membership.pk])
    assert client.get(edit).status_code == 403
    assert client.get(add).status_code == 403
    assert client.get(end).status_code == 403
    data = {"name": "Posyandu Diambil Alih", "kind": "posyandu", "area": bugis_org.area_code}
    assert client.post(edit, data).status_code == 403
    assert client.post(add, {"name": "Penyusup", "role": "ketua", "started_on": "2025-01-06"}).status_code == 403
    assert client.post(end, {"ended_on": "2025-02-01"}).status_code == 403
    bugis_org.refresh_from_db()
    membership.refresh_from_db()
    assert bugis_org.name == "Posyandu Melati" and membership.ended_on is None
    assert (LogEntry.objects.count(), Membership.objects.count()) == before
    # No edit link either.
    html = client.get(reverse("organizations:detail", args=[bugis_org.pk])).content.decode()
    assert edit not in html and add not in html


def test_services_refuse_a_plain_member_too(bugis_org, staff_member, areas):
    with pytest.raises(PermissionDenied):
        services.update_organization(bugis_org, name="Diambil Alih", acting_user=staff_member)
    with pytest.raises(PermissionDenied):
        services.add_member(bugis_org, name="Penyusup", role="ketua", started_on=DAY, acting_user=staff_member)
    with pytest.raises(PermissionDenied):
        services.create_organization(name="KSM", kind="ksm", area=areas["21.72.03.1005"], acting_user=staff_member)
    bugis_org.refresh_from_db()
    assert bugis_org.name == "Posyandu Melati" and Membership.objects.count() == 1


def test_manager_member_may_manage(client, bugis_org, make_staff):
    manager = make_staff(bugis_org, "pengelola", "pengelola")
    client.force_login(manager)
    response = client.post(
        reverse("organizations:member-add", args=[bugis_org.pk]),
        {"name": "Bu Ros", "role": "kader", "started_on": "2025-01-06"},
    )
    assert response.status_code == 302
    assert Membership.objects.filter(organization=bugis_org, name="Bu Ros").exists()


def test_area_workers_manage_only_in_their_areas(bugis_org, ilir_org, facilitator, areas):
    services.update_organization(bugis_org, phone="0771-1", acting_user=facilitator)
    with pytest.raises(PermissionDenied):
        services.update_organization(ilir_org, phone="0711-1", acting_user=facilitator)
    with pytest.raises(PermissionDenied):
        services.create_organization(name="KSM", kind="ksm", area=areas["16.71.11.1005"], acting_user=facilitator)


# The member picker: only accounts the manager may add, and one answer for "elsewhere" and "nowhere".


@pytest.fixture
def accounts(areas, ilir_org):
    from conftest import _user

    medan = _user("kader_medan", "facilitator", work_areas=["12.71"])
    ilir_member = _user("anggota_ilir", "org_staff")
    Membership.objects.create(organization=ilir_org, user=ilir_member, role="staf")
    bugis_worker = _user("andi", "facilitator", work_areas=["21.72.03.1005"], first_name="Andi")
    root = _user("root", "city_officer", work_areas=["21.72"], is_superuser=True)
    return {"medan": medan, "ilir": ilir_member, "bugis": bugis_worker, "root": root}


def _add_by_username(client, organization, username):
    return client.post(
        reverse("organizations:member-add", args=[organization.pk]),
        {"account": username, "role": "anggota", "started_on": "2025-01-06"},
    )


def test_member_lookup_does_not_tell_whether_an_account_exists_elsewhere(client, facilitator, bugis_org, accounts):
    client.force_login(facilitator)
    answers = {}
    for username in ("kader_medan", "anggota_ilir", "root", "tidak_ada_sama_sekali"):
        response = _add_by_username(client, bugis_org, username)
        assert response.status_code == 200
        errors = response.context["form"].errors["account"]
        answers[username] = [e.replace(username, "…") for e in errors]
    assert len({tuple(a) for a in answers.values()}) == 1, answers
    assert "yang dapat Anda tambahkan" in answers["root"][0]
    assert not bugis_org.memberships.exists()


def test_member_lookup_finds_accounts_working_in_the_area(client, facilitator, bugis_org, accounts, resident_member):
    client.force_login(facilitator)
    assert _add_by_username(client, bugis_org, "andi").status_code == 302
    assert Membership.objects.filter(organization=bugis_org, user=accounts["bugis"], role="anggota").exists()


def test_admin_lookup_never_offers_superusers(client, admin_user, bugis_org, accounts):
    client.force_login(admin_user)
    assert "account" in _add_by_username(client, bugis_org, "root").context["form"].errors
    assert _add_by_username(client, bugis_org, "kader_medan").status_code == 302


# Database invariants.


def test_one_open_membership_per_person_and_per_account(bugis_org, bugis_person, facilitator, staff_member):
    services.add_member(bugis_org, person=bugis_person, role="kader", started_on=DAY, acting_user=facilitator)
    with pytest.raises(ValidationError, match="sudah menjadi anggota aktif organisasi ini sebagai Kader"):
        services.add_member(
            bugis_org, person=bugis_person, role="ketua", started_on=DAY.replace(year=2026), acting_user=facilitator
        )
    with pytest.raises(ValidationError, match="Akhiri keanggotaan itu dulu"):
        services.add_member(bugis_org, user=staff_member, role="ketua", started_on=DAY, acting_user=facilitator)
    # The database refuses a second open one whatever path writes it.
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(organization=bugis_org, person=bugis_person, role="ketua")
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(organization=bugis_org, user=staff_member, role="ketua")
    # A new role starts once the old membership has ended.
    current = Membership.objects.get(organization=bugis_org, person=bugis_person)
    services.end_membership(current, ended_on=datetime.date(2025, 6, 30), acting_user=facilitator)
    services.add_member(
        bugis_org, person=bugis_person, role="ketua", started_on=datetime.date(2025, 7, 1), acting_user=facilitator
    )
    assert Membership.objects.filter(organization=bugis_org, person=bugis_person).count() == 2


def test_name_is_unique_in_an_area_whatever_the_case(client, facilitator, bugis_org, areas):
    client.force_login(facilitator)
    response = client.post(
        reverse("organizations:create"), {"name": "POSYANDU melati", "kind": "posyandu", "area": bugis_org.area_code}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["name"] == ["Sudah ada organisasi bernama “Posyandu Melati” di RT 002."]
    assert Organization.objects.count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        Organization.objects.create(name="posyandu MELATI", kind="posyandu", area=bugis_org.area)
    # Another area may have its own Posyandu Melati.
    other = services.create_organization(
        name="Posyandu Melati", kind="posyandu", area=areas["21.72.03.1005"], acting_user=facilitator
    )
    assert other.pk != bugis_org.pk
