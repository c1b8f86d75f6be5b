"""The aspiration pages, API, home sections and portal block as the demo personas see them (the demo loaded once)."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gotong.accounts.models import User
from gotong.participation.demo import load_aspirations_demo
from gotong.participation.models import Aspiration, AspirationStatus
from gotong.participation.services.aspirations import REPORTS_TO_HOLD

ILIR_26 = "16.71.11.1005"


@pytest.fixture
def world(demo_world, db):
    return demo_world


def _client(username: str | None) -> Client:
    client = Client()
    if username:
        client.force_login(User.objects.get(username=username))
    return client


def _private_of(city: str) -> Aspiration:
    return Aspiration.objects.filter(area_code__startswith=f"{city}.", is_public=False).first()


def test_the_demo_has_aspirations_in_every_city_with_answers_and_is_idempotent(world):
    before = Aspiration.objects.count()
    load_aspirations_demo(User.objects.get(username="admin"))
    assert Aspiration.objects.count() == before
    for city in ("12.71", "16.71", "14.71", "21.72"):
        mine = Aspiration.objects.filter(area_code__startswith=f"{city}.")
        assert mine.count() >= 7, city
        assert mine.filter(answers__isnull=False).exists()
        assert mine.filter(status=AspirationStatus.RECEIVED).exists()
    warga = User.objects.get(username="warga")
    assert Aspiration.objects.filter(raised_for_id=warga.person_id).count() == 2


def test_scope_per_persona(world):
    private_tpi, private_medan = _private_of("21.72"), _private_of("12.71")
    expectations = {
        "kota": (200, 200, 404),  # list, Tanjungpinang's private one, Medan's private one
        "kotamedan": (200, 404, 200),
        "faskel": (200, 200, 404),
        "pendamping": (200, 404, 404),
        "kader": (200, 404, 404),  # Posyandu Melati's officer: public texts of Belawan Bahari only
        "warga": (200, 404, 404),
        "anggota": (200, 404, 404),
        "mitra": (403, 404, 404),
    }
    for username, (listing, tpi, medan) in expectations.items():
        client = _client(username)
        assert client.get(reverse("participation:aspiration-list")).status_code == listing, username
        for aspiration, want in ((private_tpi, tpi), (private_medan, medan)):
            url = reverse("participation:aspiration-detail", args=[aspiration.public_id])
            assert client.get(url).status_code == want, (username, aspiration.area_code)
    assert _client(None).get(reverse("participation:aspiration-list")).status_code == 302


def test_readers_see_public_texts_without_the_complainants_name(world):
    public = Aspiration.objects.filter(area_code__startswith="12.71.08.1004.", is_public=True).first()
    url = reverse("participation:aspiration-detail", args=[public.public_id])
    reader = _client("kader").get(url)
    assert reader.status_code == 200
    assert public.text in reader.content.decode()
    assert public.raised_for.name not in reader.content.decode()
    assert b'data-action="report"' in reader.content
    handler = _client("kotamedan").get(url)
    assert public.raised_for.name in handler.content.decode()
    assert b'data-action="report"' not in handler.content


def test_the_ksm_treasurer_answers_the_waste_aspiration_routed_to_the_ksm(world):
    warga = User.objects.get(username="warga")
    waste = Aspiration.objects.get(raised_for_id=warga.person_id, category="waste")
    assert waste.responsible_organization.name == "Kampung Sayur Cempako"
    url = reverse("participation:aspiration-detail", args=[waste.public_id])
    treasurer = _client("bendahara")
    page = treasurer.get(url)
    assert b'data-form="answer"' in page.content and warga.person.name.encode() in page.content
    response = treasurer.post(url, {"status": "done", "text": "Bak baru sudah dipasang.", "answered_on": ""})
    assert response.status_code == 200  # no date: the form comes back, nothing saved
    waste.refresh_from_db()
    assert waste.status == AspirationStatus.IN_PROGRESS
    today = timezone.localdate().isoformat()
    response = treasurer.post(url, {"status": "done", "text": "Bak baru sudah dipasang.", "answered_on": today})
    assert response.status_code == 302
    waste.refresh_from_db()
    assert waste.status == AspirationStatus.DONE
    # The resident sees the answer, on the page and on her home.
    own = _client("warga")
    assert "Bak baru sudah dipasang." in own.get(url).content.decode()
    home = own.get(reverse("dashboard")).content.decode()
    assert waste.number in home and "data-own-aspirations" in home


def test_overdue_aspirations_surface_on_the_officers_home(world):
    home = _client("kotamedan").get(reverse("dashboard")).content.decode()
    assert "data-overdue-aspirations" in home
    assert "data-overdue-aspirations" not in _client("mitra").get(reverse("dashboard")).content.decode()


def test_a_resident_raises_one_on_the_page_and_a_rejection_without_reason_is_refused(world):
    warga = User.objects.get(username="warga")
    client = _client("warga")
    form = client.get(reverse("participation:aspiration-create"))
    assert form.status_code == 200 and b"raised_for" not in form.content
    response = client.post(
        reverse("participation:aspiration-create"),
        {"category": "security", "area": warga.person.household.area_id, "text": "Pos ronda rusak.", "is_public": "1"},
    )
    created = Aspiration.objects.get(text="Pos ronda rusak.")
    assert response.status_code == 302 and created.raised_for_id == warga.person_id
    officer = _client("pendamping")
    url = reverse("participation:aspiration-detail", args=[created.public_id])
    refused = officer.post(url, {"status": "rejected", "text": "", "answered_on": timezone.localdate().isoformat()})
    assert "Alasan penolakan wajib diisi." in refused.content.decode()
    created.refresh_from_db()
    assert created.status == AspirationStatus.RECEIVED


def test_laporkan_hides_a_text_after_enough_reports(world):
    public = (
        Aspiration.objects.filter(area_code__startswith=f"{ILIR_26}.", is_public=True)
        .exclude(raised_for_id=User.objects.get(username="warga").person_id)
        .first()
    )
    url = reverse("participation:aspiration-report", args=[public.public_id])
    response = _client("warga").post(url, {"reason": "Menyebut nama tetangga"})
    assert response.status_code == 302
    public.refresh_from_db()
    assert public.abuse_reports.count() == 1 and REPORTS_TO_HOLD > 1


def test_the_api_hides_the_complainant_from_readers(world):
    public = Aspiration.objects.filter(area_code__startswith="12.71.08.1004.", is_public=True).first()
    reader = _client("kader").get(f"/api/v1/aspirasi/{public.public_id}/")
    handler = _client("kotamedan").get(f"/api/v1/aspirasi/{public.public_id}/")
    assert reader.status_code == handler.status_code == 200
    assert reader.json()["complainant"] is None
    assert handler.json()["complainant"] == public.raised_for.name
    assert _client("mitra").get("/api/v1/aspirasi/").status_code == 403


def test_the_portal_shows_aggregates_without_names(world):
    response = Client().get(reverse("portal:area", args=["12.71"]))
    body = response.content.decode()
    assert "data-aspiration-figures" in body
    assert 'data-figure="raised"' in body
    for aspiration in Aspiration.objects.filter(area_code__startswith="12.71."):
        assert aspiration.number not in body
        assert aspiration.text not in body
        if aspiration.raised_for:
            assert aspiration.raised_for.name not in body
