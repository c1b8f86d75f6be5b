"""Gotong royong attendance from ODK Collect: recorded once; a list already on the server is never overwritten."""

import csv
import io

import pytest
from django.utils import timezone

from gotong.activities import services
from gotong.activities.models import Attendance
from gotong.activities.tests.conftest import bugis_rt, residents  # noqa: F401
from gotong.odk import catalog
from gotong.odk.tests.conftest import instance_id, key_url

ATTENDANCE = """<?xml version='1.0' ?><data id="gotong_kehadiran" version="{version}" \
xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms"><event>{event}</event>\
<event_name>Kerja bakti</event_name><present>{present}</present><hours /><guests>2</guests>\
<guest_hours>3</guest_hours><meta><instanceID>{instance}</instanceID></meta></data>"""


@pytest.fixture
def event(bugis_rt, facilitator):  # noqa: F811
    return services.create_event(
        title="Kerja bakti RT 002", kind="kerja_bakti", held_on=timezone.localdate(), default_hours=2,
        area=bugis_rt, acting_user=facilitator,
    )  # fmt: skip


def _xml(event, people) -> str:
    version = catalog.build("gotong_kehadiran").version
    present = " ".join(str(p.public_id) for p in people)
    return ATTENDANCE.format(version=version, event=event.public_id, present=present, instance=instance_id())


def test_the_facilitator_records_who_came_once(client, collect, facilitator, event, residents):  # noqa: F811
    files = client.get(key_url(facilitator, "forms/gotong_kehadiran/media/warga.csv")).content.decode()
    listed = {r["label"] for r in csv.DictReader(io.StringIO(files)) if r["event"] == str(event.public_id)}
    assert {"Andi", "Bayu", "Citra", "Dewi"} <= listed
    xml = _xml(event, residents["adults"][:3])
    assert collect(facilitator, xml).status_code == 201
    assert sorted(a.person.name for a in Attendance.objects.filter(event=event)) == ["Andi", "Bayu", "Citra"]
    assert all(a.hours == 2 for a in Attendance.objects.filter(event=event))  # empty hours: the event's hours
    event.refresh_from_db()
    assert (event.guests, event.guest_hours) == (2, 3)
    assert collect(facilitator, xml).status_code == 202


def test_a_list_already_on_the_server_is_not_overwritten(collect, facilitator, event, residents):  # noqa: F811
    assert collect(facilitator, _xml(event, residents["adults"][:3])).status_code == 201
    response = collect(facilitator, _xml(event, residents["adults"][:1]))
    assert response.status_code == 409
    assert Attendance.objects.filter(event=event).count() == 3


def test_someone_outside_the_area_cannot_record(collect, other_facilitator, event, residents):  # noqa: F811
    assert collect(other_facilitator, _xml(event, residents["adults"][:1])).status_code == 403
    assert not Attendance.objects.exists()
