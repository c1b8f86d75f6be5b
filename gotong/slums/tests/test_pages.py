"""Slum pages: scoped list and detail, and the assessment form with Indonesian per-field errors."""

import pytest
from django.urls import reverse

from gotong.slums.demo import load_slum_demo
from gotong.slums.models import Assessment, SlumLocation
from gotong.slums.tests.conftest import CODES


@pytest.fixture
def demo(areas):
    load_slum_demo()
    return SlumLocation.objects.get(name="Kampung Bugis")


def _form_data(**overrides):
    data = {"assessed_on": "2020-06-30", "affected_area_ha": "3.10", "is_baseline": "", "land_legality": "legal"}
    data.update({f"p_{code}": "10" for code in CODES})
    data.update(overrides)
    return data


def test_list_shows_locations_and_city_summary(client, city_officer, demo):
    client.force_login(city_officer)
    response = client.get(reverse("slums:list"))
    assert len(response.context["rows"]) == 7
    (city,) = response.context["summary"]
    assert str(city["decree_ha"]) == "150.41" and str(city["baseline_ha"]) == "150.41"
    assert str(city["latest_ha"]) == "136.15"  # 150.41 − 18.92 + 4.66
    html = response.content.decode()
    assert "Pelantar Sulawesi" in html and "Kumuh ringan" in html and "table-responsive-stack" in html
    assert 'href="/kumuh/"' in html  # navbar link


def test_facilitator_sees_own_village_only(client, facilitator, demo):
    client.force_login(facilitator)
    rows = client.get(reverse("slums:list")).context["rows"]
    assert [row["location"] for row in rows] == [demo]


def test_detail_compares_baseline_and_latest(client, facilitator, demo):
    client.force_login(facilitator)
    response = client.get(reverse("slums:detail", args=[demo.pk]))
    assert response.context["baseline"].assessed_on.year == 2014
    assert response.context["latest"].assessed_on.year == 2018
    html = response.content.decode()
    assert "Kumuh sedang" in html and "Kumuh ringan" in html
    assert "18,92" in html and "4,66" in html and "Ketidakteraturan bangunan" in html  # Indonesian decimals
    assert reverse("slums:assessment-create", args=[demo.pk]) in html


def test_outside_scope_is_404(client, other_facilitator, demo):
    client.force_login(other_facilitator)
    assert client.get(reverse("slums:list")).context["rows"] == []
    assert client.get(reverse("slums:detail", args=[demo.pk])).status_code == 404
    assert client.get(reverse("slums:assessment-create", args=[demo.pk])).status_code == 404


def test_partner_may_not_assess(client, partner, demo):
    client.force_login(partner)
    assert client.get(reverse("slums:assessment-create", args=[demo.pk])).status_code == 403
    assert client.post(reverse("slums:assessment-create", args=[demo.pk]), _form_data()).status_code == 403
    assert client.get(reverse("slums:detail", args=[demo.pk])).status_code == 404


def test_login_required(client, demo):
    assert client.get(reverse("slums:list")).status_code == 302


def test_form_saves_through_the_service(client, facilitator, demo):
    client.force_login(facilitator)
    response = client.post(
        reverse("slums:assessment-create", args=[demo.pk]), _form_data(p_7a="80", p_7b="80", p_1a="60")
    )
    assert response.status_code == 302
    assessment = demo.assessments.get(assessed_on="2020-06-30")
    assert (assessment.total, assessment.slum_class, assessment.created_by) == (13, "none", facilitator)
    assert assessment.measurements.count() == 16


def test_bad_percent_shows_indonesian_error_and_keeps_input(client, facilitator, demo):
    client.force_login(facilitator)
    before = Assessment.objects.count()
    response = client.post(
        reverse("slums:assessment-create", args=[demo.pk]), _form_data(p_2b="120", p_3a="33.5", potential="Wisata")
    )
    assert response.status_code == 200
    assert Assessment.objects.count() == before
    form = response.context["form"]
    assert form.errors["p_2b"] == ["Kriteria 2b: 120% di luar rentang 0–100%."]
    html = response.content.decode()
    assert "Kriteria 2b: 120% di luar rentang 0–100%." in html
    assert 'value="120"' in html and 'value="33.5"' in html and "Wisata" in html
    assert 'value="3.10"' in html and 'value="2020-06-30"' in html


def test_service_errors_land_on_fields(client, facilitator, demo):
    client.force_login(facilitator)
    response = client.post(
        reverse("slums:assessment-create", args=[demo.pk]),
        _form_data(assessed_on="2018-12-31", affected_area_ha="25", is_baseline="on"),
    )
    errors = response.context["form"].errors
    assert "assessed_on" in errors and "affected_area_ha" in errors and "is_baseline" in errors


def test_missing_percent_is_named(client, facilitator, demo):
    client.force_login(facilitator)
    response = client.post(reverse("slums:assessment-create", args=[demo.pk]), _form_data(p_4c=""))
    assert response.context["form"].errors["p_4c"] == ["Isi persen untuk kriteria 4c."]
