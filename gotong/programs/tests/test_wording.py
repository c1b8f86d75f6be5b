"""Words a facilitator reads on the programme pages: the attendance button and the decile filter."""

import datetime
import re

from django.urls import reverse

from gotong.core.tests.test_no_iso_dates import visible_text
from gotong.programs import services


def test_attendance_button_and_decile_choices_read_right(client, cohort, facilitator):
    services.add_session(cohort, held_on=datetime.date(2025, 1, 20), topic="Pola", hours=2, acting_user=facilitator)
    client.force_login(facilitator)
    cohort_page = visible_text(client.get(reverse("programs:cohort", args=[cohort.public_id])).content.decode())
    # "Absen" reads as "absent": the button that takes attendance says what it does.
    assert "Catat kehadiran" in cohort_page and "Absen" not in cohort_page
    assert "20 Jan 2025" in cohort_page

    filter_page = visible_text(client.get(reverse("programs:left-out")).content.decode())
    assert not re.search(r"Desil 1–1\b", filter_page)
    assert re.search(r"Desil 1\s", filter_page) and "Desil 1–3" in filter_page
