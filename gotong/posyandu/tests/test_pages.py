"""Every page per persona: who sees which child, who may record, and what a list never shows."""

import datetime
import io

import pytest
from pypdf import PdfReader

from gotong.posyandu import services
from gotong.posyandu.models import Child, Weighing
from gotong.posyandu.tests.conftest import open_month

pytestmark = pytest.mark.django_db


@pytest.fixture
def weighed(child, posyandu, cadre):
    session = open_month(posyandu, 2026, 2, cadre)
    services.record_weighing(
        child=child, session=session, weight_kg="10.2", length_cm="79", measure="lying", acting_user=cadre
    )
    return session


def get(client, user, url):
    client.force_login(user)
    return client.get(url)


@pytest.mark.parametrize(
    ("persona", "sees"),
    [
        ("cadre", True),
        ("other_cadre", False),
        ("city_officer", True),
        ("facilitator", True),
        ("other_facilitator", False),
        ("partner", False),
        ("resident", True),
        ("admin_user", True),
    ],
)
def test_child_detail_and_card_by_persona(request, client, child, weighed, persona, sees):
    user = request.getfixturevalue(persona)
    detail = get(client, user, f"/posyandu/balita/{child.public_id}/")
    card = client.get(f"/posyandu/balita/{child.public_id}/kartu.pdf")
    listing = client.get("/posyandu/balita/")
    if sees:
        assert detail.status_code == 200
        assert "data:image/png;base64," in detail.content.decode()
        assert "Rizky Hasan" in listing.content.decode()
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(card.content)).pages)
        assert "Kartu pertumbuhan balita" in text and "Rizky Hasan" in text
    else:
        assert detail.status_code == 404
        assert card.status_code == 404
        assert "Rizky Hasan" not in listing.content.decode()


def test_lists_show_no_nik(client, child, weighed, city_officer, family):
    body = get(client, city_officer, "/posyandu/balita/").content.decode()
    assert family["boy"].nik not in body
    assert family["boy"].nik[:6] + "" not in body.replace("21.72.03", "")  # not even the start of it


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("cadre", 200),
        ("city_officer", 200),
        ("other_cadre", 404),
        ("other_facilitator", 404),
        ("resident", 403),
        ("partner", 404),
    ],
)
def test_session_page_only_for_those_who_record(request, client, weighed, persona, status):
    user = request.getfixturevalue(persona)
    assert get(client, user, f"/posyandu/hari-buka/{weighed.pk}/").status_code == status


def test_cadre_records_a_weighing_and_goes_on_to_the_next_child(client, cadre, child, posyandu, family, admin_user):
    girl = services.register_child(
        posyandu=posyandu, person=family["girl"], registered_on=datetime.date(2024, 3, 1), acting_user=admin_user
    )
    session = open_month(posyandu, 2026, 3, cadre)
    client.force_login(cadre)
    url = f"/posyandu/hari-buka/{session.pk}/timbang/{girl.public_id}/"
    page = client.get(url)
    assert page.status_code == 200 and page.context["form"]["measure"].initial == "standing"
    response = client.post(
        url,
        {
            "weight_kg": "10,5",
            "length_cm": "83,2",
            "measure": "standing",
            "measured_on": "2026-03-10",
            "growth_card": "on",
            "next": "1",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"/posyandu/hari-buka/{session.pk}/timbang/{child.public_id}/"
    weighing = Weighing.objects.get(child=girl)
    assert weighing.weight_kg == 10.5 and str(weighing.length_cm) == "83.2" and weighing.measure == "standing"
    page = client.get(response["Location"])
    assert "Nabila Hasan: 10.50 kg" in page.content.decode() or "Nabila Hasan: 10,50 kg" in page.content.decode()


def test_bad_weight_shows_the_error_and_keeps_the_input(client, cadre, child, posyandu):
    session = open_month(posyandu, 2026, 3, cadre)
    client.force_login(cadre)
    url = f"/posyandu/hari-buka/{session.pk}/timbang/{child.public_id}/"
    page = client.post(url, {"weight_kg": "105", "length_cm": "80", "measure": "lying", "measured_on": "2026-03-10"})
    assert page.status_code == 200
    body = page.content.decode()
    assert "di luar 0,5–40 kg" in body and 'value="105"' in body and 'value="80"' in body
    assert not Weighing.objects.exists()


def test_home_lists_children_to_refer(client, cadre, child, posyandu, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: datetime.date(2026, 2, 20))
    jan, feb = open_month(posyandu, 2026, 1, cadre), open_month(posyandu, 2026, 2, cadre)
    services.record_weighing(child=child, session=jan, weight_kg="10.0", acting_user=cadre)
    services.record_weighing(child=child, session=feb, weight_kg="10.0", acting_user=cadre)
    page = get(client, cadre, "/posyandu/")
    card = page.context["cards"][0]
    assert card.posyandu == posyandu and card.children == 1
    assert [c.person.name for c, _w in card.to_refer] == ["Rizky Hasan"]
    assert "Rujuk ke puskesmas" in page.content.decode()


def test_register_child_from_registry_page(client, cadre, posyandu, family):
    client.force_login(cadre)
    page = client.get("/posyandu/balita/baru/")
    assert family["girl"] in page.context["form"].fields["person"].queryset
    assert family["father"] not in page.context["form"].fields["person"].queryset
    response = client.post(
        "/posyandu/balita/baru/",
        {"posyandu": posyandu.pk, "person": family["girl"].public_id, "registered_on": "2026-01-05"},
    )
    assert response.status_code == 302
    assert Child.objects.get(person=family["girl"]).mother == family["mother"]


@pytest.mark.parametrize("persona", ["partner", "resident"])
def test_no_registering_or_sessions_for_partner_and_resident(request, client, persona, posyandu):
    user = request.getfixturevalue(persona)
    assert get(client, user, "/posyandu/balita/baru/").status_code == 403
    assert client.get("/posyandu/hari-buka/baru/").status_code == 403
    assert client.get("/posyandu/skdn/").status_code == 403


def test_session_create_page(client, cadre, posyandu):
    client.force_login(cadre)
    response = client.post("/posyandu/hari-buka/baru/", {"posyandu": posyandu.pk, "held_on": "2026-04-08"})
    assert response.status_code == 302
    again = client.post("/posyandu/hari-buka/baru/", {"posyandu": posyandu.pk, "held_on": "2026-04-20"})
    assert "Hari buka bulan ini sudah ada (8 Apr 2026)." in again.content.decode()
