"""The web forms hold the same day as the services: a date input of something that already happened stops at today
(`max`), and a date after it typed anyway is refused with the reason, keeping what was typed."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from gotong.casework.forms import VisitForm
from gotong.posyandu import services
from gotong.posyandu.models import Session, Weighing
from gotong.treasury.forms import RepaymentForm

pytestmark = pytest.mark.django_db


def test_the_weighing_page_offers_no_day_after_today_and_refuses_one(client, cadre, child, posyandu):
    today = timezone.localdate()
    tomorrow = today + datetime.timedelta(days=1)
    session = services.open_session(posyandu=posyandu, held_on=today, acting_user=cadre)
    if tomorrow.month != today.month:  # the refusal must be about the day, not a missing hari buka
        services.open_session(posyandu=posyandu, held_on=tomorrow, acting_user=cadre)
    client.force_login(cadre)
    url = f"/posyandu/hari-buka/{session.pk}/timbang/{child.public_id}/"
    page = client.get(url).content.decode()
    assert f'max="{today.isoformat()}"' in page
    target = Session.objects.get(posyandu=posyandu, month=tomorrow.replace(day=1))
    url = f"/posyandu/hari-buka/{target.pk}/timbang/{child.public_id}/"
    response = client.post(url, {"weight_kg": "9,8", "measured_on": tomorrow.isoformat(), "growth_card": "on"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Tanggal ukur tidak boleh di masa depan." in body and 'value="9,8"' in body
    assert not Weighing.objects.exists()


def test_dates_of_what_already_happened_stop_at_today_in_other_modules(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: datetime.date(2026, 3, 20))
    visit = VisitForm(case=SimpleNamespace(is_tb=False))
    assert 'max="2026-03-20"' in str(visit["visited_on"])
    assert 'max="2026-03-20"' in str(RepaymentForm()["paid_on"])
