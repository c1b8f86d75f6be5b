"""Pregnant-women pages, API and monthly section: scope per role, a visit recorded through the page, the counts."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from gotong.organizations.models import Organization
from gotong.posyandu.models import Pregnancy
from gotong.posyandu.models.pregnancy import AncVisit
from gotong.posyandu.monthly.pregnancy import count_month, pregnancy_section
from gotong.posyandu.pregnancy import services

pytestmark = pytest.mark.django_db


def weeks_ago(weeks: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(weeks=weeks)


@pytest.fixture
def pregnancy(posyandu, family, cadre):
    return services.register_pregnancy(posyandu=posyandu, person=family["mother"], lmp=weeks_ago(20), acting_user=cadre)


def test_cadre_records_a_visit_through_the_page(client, cadre, pregnancy):
    client.force_login(cadre)
    page = client.get(reverse("posyandu:pregnancy-list"))
    assert page.status_code == 200 and "Siti Aminah" in page.content.decode()
    url = reverse("posyandu:pregnancy-visit", args=[pregnancy.public_id])
    bad = client.post(url, {"visited_on": weeks_ago(1).isoformat(), "place": "posyandu", "muac_cm": "abc"})
    assert bad.status_code == 200 and "Isi dengan angka" in bad.content.decode()
    response = client.post(
        url,
        {
            "visited_on": weeks_ago(1).isoformat(),
            "place": "posyandu",
            "muac_cm": "22,5",
            "hb_g_dl": "12",
            "iron_tablets": "30",
        },
    )
    assert response.status_code == 302
    detail = client.get(reverse("posyandu:pregnancy-detail", args=[pregnancy.public_id])).content.decode()
    assert "Risiko KEK" in detail and "Pedoman Pelayanan Antenatal Terpadu" in detail
    assert AncVisit.objects.get().trimester == 2


def test_scope_of_pages(client, pregnancy, other_cadre, partner, resident):
    detail = reverse("posyandu:pregnancy-detail", args=[pregnancy.public_id])
    client.force_login(other_cadre)
    assert client.get(detail).status_code == 404
    assert "Siti Aminah" not in client.get(reverse("posyandu:pregnancy-list")).content.decode()
    assert client.get(reverse("posyandu:pregnancy-visit", args=[pregnancy.public_id])).status_code in (403, 404)
    client.force_login(partner)
    assert client.get(detail).status_code in (403, 404)
    client.force_login(resident)  # her household
    assert client.get(detail).status_code == 200
    assert client.get(reverse("posyandu:pregnancy-visit", args=[pregnancy.public_id])).status_code in (403, 404)


def test_birth_page_registers_the_child(client, cadre, pregnancy):
    client.force_login(cadre)
    response = client.post(
        reverse("posyandu:pregnancy-birth", args=[pregnancy.public_id]),
        {"name": "Bayi Aminah", "sex": "L", "birth_date": timezone.localdate().isoformat(), "birth_weight_kg": "3,2"},
    )
    assert response.status_code == 302
    pregnancy.refresh_from_db()
    assert pregnancy.child.person.name == "Bayi Aminah"


def test_api_lists_and_creates(client, cadre, other_cadre, pregnancy, posyandu, family):
    client.force_login(cadre)
    listed = client.get("/api/v1/posyandu/ibu-hamil/").json()
    row = listed["results"][0]
    assert row["id"] == str(pregnancy.public_id) and row["trimester"] == 2 and "nik" not in row
    assert row["due_date"] == pregnancy.due_date.isoformat()
    created = client.post(
        "/api/v1/posyandu/ibu-hamil-periksa/",
        {
            "pregnancy": str(pregnancy.public_id),
            "visited_on": weeks_ago(0).isoformat(),
            "place": "bidan",
            "hb_g_dl": "10,5",
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["trimester"] == 2
    refused = client.post(
        "/api/v1/posyandu/ibu-hamil/",
        {"posyandu": posyandu.pk, "person": str(family["mother"].public_id), "lmp": weeks_ago(2).isoformat()},
        content_type="application/json",
    )
    assert refused.status_code == 400 and "sudah tercatat hamil" in refused.content.decode()
    client.force_login(other_cadre)
    assert client.get("/api/v1/posyandu/ibu-hamil/").json()["results"] == []
    denied = client.post(
        "/api/v1/posyandu/ibu-hamil-periksa/",
        {"pregnancy": str(pregnancy.public_id), "visited_on": weeks_ago(0).isoformat(), "place": "bidan"},
        content_type="application/json",
    )
    assert denied.status_code == 400  # not found in their scope: nothing recorded
    assert AncVisit.objects.count() == 1


def test_monthly_counts_hand_worked(posyandu, family, cadre, pregnancy):
    """One woman, HPHT 20 weeks ago. Visits: week 8 (T1, K1), week 14 and 18 (T2, LiLA 22 at week 18, Hb 10,5).

    In the month of the week-18 visit: followed 1, visited 1, KEK 1, anaemia 1, TTD 60; K1 only in its month."""
    lmp = pregnancy.lmp
    for week, extra in ((8, {}), (14, {}), (18, {"muac_cm": "22", "hb_g_dl": "10,5", "iron_tablets": 60})):
        services.record_anc_visit(
            pregnancy=pregnancy,
            visited_on=lmp + datetime.timedelta(weeks=week),
            place="posyandu",
            acting_user=cadre,
            **extra,
        )
    visits = {v.visited_on: v for v in AncVisit.objects.all()}
    week18 = lmp + datetime.timedelta(weeks=18)
    month = week18.replace(day=1)
    counts = count_month(Pregnancy.objects.prefetch_related("visits"), month)
    week14 = lmp + datetime.timedelta(weeks=14)
    in_month = [d for d in visits if d.replace(day=1) == month]
    assert counts["followed"] == 1 and counts["visited"] == 1 and counts["k6"] == 0
    assert counts["kek"] == 1 and counts["anaemia"] == 1
    assert counts["iron"] == sum(visits[d].iron_tablets for d in in_month)
    k1_month = (lmp + datetime.timedelta(weeks=8)).replace(day=1)
    k1 = count_month(Pregnancy.objects.prefetch_related("visits"), k1_month)
    assert (k1["k1"], k1["k1_t1"]) == (1, 1)
    assert week14  # the week-14 visit is in T2 and never a K1
    section = pregnancy_section(Organization.objects.filter(pk=posyandu.pk), month)
    assert section.rows[0][0] == posyandu.name and section.rows[0][8] == 1  # anaemia column
