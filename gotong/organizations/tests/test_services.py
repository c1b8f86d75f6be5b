"""The organisation services: validated, audited, and all-or-nothing."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError

from gotong.organizations import services
from gotong.organizations.models import Membership, Organization


def test_create_and_update_are_audited_with_the_actor(areas, facilitator):
    org = services.create_organization(
        name="  KSM Bugis Bersih ", kind="ksm", area=areas["21.72.03.1005"], acting_user=facilitator
    )
    assert org.name == "KSM Bugis Bersih" and org.area_code == "21.72.03.1005"
    services.update_organization(org, phone="0771-123", acting_user=facilitator)
    entries = LogEntry.objects.get_for_object(org).order_by("timestamp")
    assert [e.action for e in entries] == [LogEntry.Action.CREATE, LogEntry.Action.UPDATE]
    assert all(e.actor == facilitator for e in entries)
    assert entries[1].changes_dict["phone"] == ["", "0771-123"]


def test_duplicate_name_in_same_area_is_refused(bugis_org, facilitator):
    with pytest.raises(ValidationError):
        services.create_organization(
            name="Posyandu Melati", kind="posyandu", area=bugis_org.area, acting_user=facilitator
        )
    assert Organization.objects.count() == 1


def test_parent_cannot_be_own_unit(bugis_org, areas, facilitator):
    unit = services.create_organization(
        name="Pos 2", kind="posyandu", area=bugis_org.area, parent=bugis_org, acting_user=facilitator
    )
    with pytest.raises(ValidationError) as excinfo:
        services.update_organization(bugis_org, parent=unit, acting_user=facilitator)
    assert "parent" in excinfo.value.message_dict


def test_add_member_needs_someone_and_refuses_duplicates(bugis_org, bugis_person, facilitator):
    day = datetime.date(2025, 1, 1)
    with pytest.raises(ValidationError):
        services.add_member(bugis_org, role="kader", started_on=day, acting_user=facilitator)
    services.add_member(bugis_org, person=bugis_person, role="kader", started_on=day, acting_user=facilitator)
    with pytest.raises(ValidationError, match="sudah menjadi anggota aktif"):
        services.add_member(bugis_org, person=bugis_person, role="ketua", started_on=day, acting_user=facilitator)
    assert Membership.objects.count() == 1


def test_end_membership_rejects_end_before_start(bugis_org, facilitator):
    membership = services.add_member(
        bugis_org, name="Bu Ros", role="kader", started_on=datetime.date(2025, 3, 1), acting_user=facilitator
    )
    with pytest.raises(ValidationError) as excinfo:
        services.end_membership(membership, ended_on=datetime.date(2025, 2, 1), acting_user=facilitator)
    assert "tidak boleh sebelum tanggal mulai" in excinfo.value.message_dict["ended_on"][0]
    membership.refresh_from_db()
    assert membership.ended_on is None
    services.end_membership(membership, ended_on=datetime.date(2025, 4, 1), acting_user=facilitator)
    with pytest.raises(ValidationError, match="sudah berakhir"):
        services.end_membership(membership, ended_on=datetime.date(2025, 5, 1), acting_user=facilitator)
