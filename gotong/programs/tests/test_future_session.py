"""Attendance of a session still to come is refused on the page with the reason, and what was ticked stays ticked."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from gotong.programs import services
from gotong.programs.models import Enrolment

pytestmark = pytest.mark.django_db


def test_attendance_of_next_weeks_session_is_refused_with_the_reason(
    client, cohort, households, facilitator, monkeypatch
):
    person = households["A"][1]
    enrolment = services.enrol(cohort, person=person, enrolled_on=datetime.date(2025, 1, 6), acting_user=facilitator)
    session = services.add_session(
        cohort, held_on=datetime.date(2025, 1, 20), topic="Pola", hours=2, acting_user=facilitator
    )
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: datetime.date(2025, 1, 13))  # a week before
    client.force_login(facilitator)
    response = client.post(reverse("programs:session-attendance", args=[session.pk]), {"enrolment": [enrolment.pk]})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Kehadiran baru bisa dicatat pada atau setelah hari kegiatan" in body
    assert f'value="{enrolment.pk}" id="e{enrolment.pk}" checked' in body
    assert not session.attendance.exists() and Enrolment.objects.filter(pk=enrolment.pk).exists()
