"""The field sync holds the same rules as the forms and ODK: no future date, only listed choices, attendance only
for events already held; and the forms offer exactly the events a submission is accepted for."""

import datetime
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from rest_framework.test import APIClient

from gotong.activities import services as activities
from gotong.activities.models import Attendance
from gotong.casework.models import Visit
from gotong.field import recordable, reference
from gotong.field.services import apply_submission
from gotong.field.tests.test_recordable import _odk
from gotong.field.tests.test_services import weighing_payload
from gotong.posyandu import services as posyandu_services
from gotong.posyandu.models import Session, Weighing
from gotong.wastebank.models import Deposit

pytestmark = pytest.mark.django_db
TOMORROW = timezone.localdate() + datetime.timedelta(days=1)


def _refused(user, kind, payload, match):
    with pytest.raises(ValidationError, match=match):
        apply_submission(user, kind, uuid.uuid4(), payload)


class TestChoices:
    @pytest.mark.parametrize(
        ("field", "value", "match"),
        [
            ("oedema", "maybe", 'Edema: jawaban "maybe" tidak dikenal'),
            ("growth_card", "unknown", 'KMS/buku KIA: jawaban "unknown" tidak dikenal'),
            ("oedema", 1, 'Edema: jawaban "1"'),
            ("measure", "sitting", 'Cara ukur: pilihan "sitting" tidak dikenal'),
        ],
    )
    def test_a_value_outside_the_list_is_refused_not_bent(self, cadre, child, march, field, value, match):
        _refused(cadre, "weighing", {**weighing_payload(child), field: value}, match)
        assert not Weighing.objects.exists()

    def test_an_unknown_adherence_is_refused(self, facilitator, tb_case):
        payload = {"case": str(tb_case.public_id), "visited_on": timezone.localdate().isoformat(),
                   "met_with": "Pasien", "adherence": "kadang"}  # fmt: skip
        _refused(facilitator, "visit", payload, 'Kepatuhan minum obat: pilihan "kadang"')
        assert not Visit.objects.exists()

    def test_an_unknown_aspiration_category_is_refused(self, facilitator, bugis_rt):
        payload = {"category": "lain-lain", "text": "Parit tersumbat di depan rumah", "area": bugis_rt.code}
        _refused(facilitator, "aspiration", payload, "jenis aspirasi")

    def test_an_unknown_immunisation_place_is_refused_not_bent_to_posyandu(self, cadre, child, march):
        from gotong.posyandu.models import Immunisation

        payload = {"child": str(child.public_id), "given_on": "2026-03-10", "doses": ["polio:1"], "place": "rumah"}
        _refused(cadre, "immunisation", payload, 'Tempat imunisasi: pilihan "rumah" tidak dikenal')
        assert not Immunisation.objects.exists()

    def test_the_api_answers_400_with_the_message(self, cadre, child, march):
        client = APIClient()
        client.force_authenticate(cadre)
        body = {"kind": "weighing", "key": str(uuid.uuid4()), "payload": {**weighing_payload(child), "oedema": "maybe"}}
        response = client.post("/api/v1/lapangan/kiriman/", body, format="json")
        assert response.status_code == 400
        assert 'Edema: jawaban "maybe" tidak dikenal' in response.json()["error"]["message"]


class TestNoFutureDates:
    def test_a_weighing_dated_tomorrow_is_refused(self, cadre, child, posyandu):
        for day in {timezone.localdate(), TOMORROW}:
            if not Session.objects.filter(posyandu=posyandu, month=day.replace(day=1)).exists():
                posyandu_services.open_session(posyandu=posyandu, held_on=day, acting_user=cadre)
        _refused(cadre, "weighing", weighing_payload(child, day=TOMORROW.isoformat()), "Tanggal ukur tidak boleh")
        assert not Weighing.objects.exists()

    def test_a_deposit_and_a_visit_dated_tomorrow_are_refused(self, staff, member, categories, facilitator, tb_case):
        deposit = {"member": str(member.public_id), "occurred_on": TOMORROW.isoformat(),
                   "lines": [{"category": str(categories["pet"].pk), "kg": "2"}]}  # fmt: skip
        _refused(staff, "deposit", deposit, "masa depan")
        visit = {"case": str(tb_case.public_id), "visited_on": TOMORROW.isoformat(), "met_with": "Pasien",
                 "adherence": "yes"}  # fmt: skip
        _refused(facilitator, "visit", visit, "Tanggal kunjungan tidak boleh di masa depan")
        assert not Deposit.objects.exists() and not Visit.objects.exists()


@pytest.fixture
def held_today(bugis_rt, bkm, city_officer, residents):
    return activities.create_event(
        title="Kerja bakti hari ini", kind="kerja_bakti", held_on=timezone.localdate(), default_hours=2,
        area=bugis_rt, organization=bkm, acting_user=city_officer,
    )  # fmt: skip


@pytest.fixture
def next_week_event(bugis_rt, bkm, city_officer):
    return activities.create_event(
        title="Kerja bakti minggu depan", kind="kerja_bakti", held_on=timezone.localdate() + datetime.timedelta(days=7),
        default_hours=2, area=bugis_rt, organization=bkm, acting_user=city_officer,
    )  # fmt: skip


def _attendance(event, person) -> dict:
    return {"event": str(event.public_id), "present": [{"person": str(person.public_id), "hours": None}]}


def test_attendance_for_an_event_still_to_come_is_refused_and_not_offered(
    facilitator,
    bkm_secretary,
    residents,
    held_today,
    next_week_event,
):
    person = residents["adults"][0]
    _refused(facilitator, "attendance", _attendance(next_week_event, person), "setelah hari kegiatan")
    assert not Attendance.objects.exists()
    for user in (facilitator, bkm_secretary):
        offered = {e["id"] for e in reference.attendance_data(user, timezone.localdate())["events"]}
        assert offered == _odk(user)["events"] == {str(held_today.public_id)}


@pytest.mark.parametrize("persona", ["facilitator", "bkm_secretary", "city_officer", "bkm_staff", "cadre"])
def test_every_offered_event_and_person_is_accepted_and_nothing_else_is_offered(
    request,
    persona,
    residents,
    held_today,
    next_week_event,
    bugis_rt,
    bkm,
    city_officer,  # noqa: F811
):
    """The events (and their residents) the field form and ODK list are exactly those a submission is accepted
    for, among the events of the window the user sees; a user with none gets no attendance form."""
    past = activities.create_event(
        title="Kerja bakti minggu lalu", kind="kerja_bakti", held_on=timezone.localdate() - datetime.timedelta(days=7),
        default_hours=2, area=bugis_rt, organization=bkm, acting_user=city_officer,
    )  # fmt: skip
    user = request.getfixturevalue(persona)
    data = reference.attendance_data(user, timezone.localdate())["events"]
    offered = {e["id"] for e in data}
    accepted = set()
    for event in (held_today, next_week_event, past):
        people = next((e["people"] for e in data if e["id"] == str(event.public_id)), None) or [
            {"id": str(residents["adults"][0].public_id)}
        ]
        payload = {"event": str(event.public_id), "present": [{"person": p["id"], "hours": None} for p in people]}
        try:
            with transaction.atomic():
                apply_submission(user, "attendance", uuid.uuid4(), payload)
                transaction.set_rollback(True)
            accepted.add(str(event.public_id))
        except (ValidationError, PermissionDenied):
            pass  # refused: out of scope, or not held yet
    assert offered == accepted
    assert ("attendance" in recordable.kinds_for(user)) == bool(offered)


def test_a_file_sent_to_the_field_sync_is_refused_with_the_reason(cadre, child, march):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = APIClient()
    client.force_authenticate(cadre)
    photo = SimpleUploadedFile("kms.jpg", b"\xff\xd8\xff\xe0 not really a jpeg", content_type="image/jpeg")
    body = {"kind": "weighing", "key": str(uuid.uuid4()), "photo": photo}
    response = client.post("/api/v1/lapangan/kiriman/", body, format="multipart")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "attachment"
    assert "tidak menerima foto" in response.json()["error"]["message"]
    assert not Weighing.objects.exists()
