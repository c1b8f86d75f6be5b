"""Issue 17, as the users hit it: who may record gotong royong is the access policy's answer (`activities.record`)."""

import datetime

import pytest
from django.urls import reverse

from gotong.accounts.models import User
from gotong.activities import services
from gotong.activities.models import Attendance, Event, Norm
from gotong.areas.models import WorkAssignment
from gotong.organizations.choices import MemberRole
from gotong.organizations.models import Membership

DAY = datetime.date(2020, 1, 1)


def _member_of(organization, username, member_role, **extra):
    user = User.objects.create_user(username=username, password="x", **extra)
    Membership.objects.create(organization=organization, user=user, role=member_role, started_on=DAY)
    return user


@pytest.fixture
def fifty_present(event, residents, city_officer):
    """Four registered residents and 46 guests: the event page reads "Hadir 50"."""
    services.record_attendance(
        event, hours_by_person=dict.fromkeys(residents["adults"]), guests=46, guest_hours=92, acting_user=city_officer
    )
    return event


def _present(client, event) -> str:
    html = client.get(reverse("activities:event-detail", args=[event.public_id])).content.decode()
    return html.split("data-present>", 1)[1].split("<", 1)[0]


def test_partner_neither_opens_nor_submits_the_create_forms(client, partner, bugis_rt):
    client.force_login(partner)
    data = {"title": "Kerja bakti", "kind": "kerja_bakti", "held_on": "2025-01-05", "default_hours": "2",
            "area": bugis_rt.pk, "text": "Dilarang membakar sampah", "agreed_on": "2025-01-01"}  # fmt: skip
    for name in ("activities:event-create", "activities:norm-create", "activities:wage-rates"):
        assert client.get(reverse(name)).status_code == 403, name
        assert client.post(reverse(name), data).status_code == 403, name
    assert not Event.objects.exists() and not Norm.objects.exists()
    # Partners read aggregates only: no gotong royong page, so no "Kegiatan baru" / "Norma baru" either.
    for name in ("activities:home", "activities:norms"):
        response = client.get(reverse(name))
        assert response.status_code == 403
        assert "Kegiatan baru" not in response.content.decode() and "Norma baru" not in response.content.decode()


def test_plain_anggota_cannot_wipe_the_attendance(client, fifty_present, bkm, residents):
    """A resident added to the BKM as a plain anggota opened the attendance form and, submitting it empty, wiped
    "Hadir 50" to 0. Taking part is not managing: the form is 403 and the count stays."""
    anggota = _member_of(bkm, "anggota", MemberRole.MEMBER, role="resident", person=residents["adults"][1])
    client.force_login(anggota)
    assert _present(client, fifty_present) == "50"
    url = reverse("activities:event-attendance", args=[fifty_present.public_id])
    assert client.get(url).status_code == 403
    assert client.post(url, {"guests": "", "guest_hours": ""}).status_code == 403
    assert _present(client, fifty_present) == "50"
    detail = client.get(reverse("activities:event-detail", args=[fifty_present.public_id])).content.decode()
    assert "Catat kehadiran" not in detail and "Andi" not in detail  # no recording button, no list of names
    assert client.get(reverse("activities:event-create")).status_code == 403
    assert "Kegiatan baru" not in client.get(reverse("activities:home")).content.decode()


def test_an_org_account_records_by_its_membership_role(client, fifty_present, bkm, residents):
    """ketua and sekretaris run the BKM's events; a staf (or plain anggota) account of the BKM does not."""
    attendance = reverse("activities:event-attendance", args=[fifty_present.public_id])
    for role, status in ((MemberRole.CHAIR, 200), (MemberRole.SECRETARY, 200), (MemberRole.MANAGER, 200),
                         (MemberRole.STAFF, 403), (MemberRole.TREASURER, 403), (MemberRole.MEMBER, 403)):  # fmt: skip
        user = _member_of(bkm, f"bkm-{role}", role, role="org_staff")
        client.force_login(user)
        assert client.get(attendance).status_code == status, role
        assert client.get(reverse("activities:event-create")).status_code == status, role
        home = client.get(reverse("activities:home")).content.decode()
        assert ("Kegiatan baru" in home) == (status == 200), role


def test_attendance_of_persons_outside_the_submitters_view_survives(client, event, residents, city_officer, areas):
    """The city officer recorded Andi (RT 002) and Fajar (RT 003); the facilitator of RT 002 ticks Bayu only.
    Andi, whom she sees and did not tick, is no longer present; Fajar, whom she cannot see, keeps his row."""
    andi, bayu, *_ = residents["adults"]
    fajar = residents["elsewhere"]
    services.record_attendance(event, hours_by_person={andi: None, fajar: 3}, acting_user=city_officer)
    rt_facilitator = User.objects.create_user(username="fasil-rt2", password="x", role="facilitator")
    WorkAssignment.objects.create(user=rt_facilitator, area=event.area)
    client.force_login(rt_facilitator)
    url = reverse("activities:event-attendance", args=[event.public_id])
    form = client.get(url).content.decode()
    assert "Andi" in form and "Fajar" not in form
    assert client.post(url, {"person": [bayu.pk], "guests": "0", "guest_hours": "0"}).status_code == 302
    rows = dict(Attendance.objects.filter(event=event).values_list("person__name", "hours"))
    assert set(rows) == {"Bayu", "Fajar"} and rows["Fajar"] == 3
    # The facilitator's own list names only those she sees; the count is the whole event's.
    detail = client.get(reverse("activities:event-detail", args=[event.public_id])).content.decode()
    assert "Bayu" in detail and "Fajar" not in detail
    assert _present(client, event) == "2"


def test_the_service_checks_the_policy_itself(event, residents, bkm):
    from django.core.exceptions import ValidationError

    anggota = _member_of(bkm, "anggota", MemberRole.MEMBER, role="resident", person=residents["adults"][1])
    with pytest.raises(ValidationError, match="tidak berwenang"):
        services.record_attendance(event, hours_by_person={}, acting_user=anggota)
    staf = _member_of(bkm, "staf", MemberRole.STAFF, role="org_staff")
    with pytest.raises(ValidationError, match="tidak berwenang"):
        services.create_event(title="X", kind="kerja_bakti", held_on=DAY, default_hours=2, area=event.area,
                              organization=bkm, acting_user=staf)  # fmt: skip
