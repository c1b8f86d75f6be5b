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


def test_partner_has_no_slums_pages(client, partner, demo):
    """Issue 17: partners hold no slums grant: no menu entry, 403 on the module's pages, 404 on its records."""
    client.force_login(partner)
    for name in ("slums:list", "slums:map", "slums:map-data", "slums:progress", "slums:location-create"):
        assert client.get(reverse(name)).status_code == 403, name
    assert client.get(reverse("slums:assessment-create", args=[demo.pk])).status_code == 404
    assert client.post(reverse("slums:assessment-create", args=[demo.pk]), _form_data()).status_code == 404
    assert client.get(reverse("slums:detail", args=[demo.pk])).status_code == 404
    assert not Assessment.objects.filter(assessed_on="2020-06-30").exists()


def _officer_of(area, role):
    from gotong.accounts.models import User
    from gotong.organizations.models import Membership, Organization

    organization = Organization.objects.create(name=f"BKM {role}", kind="bkm", area=area, area_code=area.code)
    user = User.objects.create_user(username=f"staf-{role}", password="rahasia-123", role="org_staff")
    Membership.objects.create(organization=organization, user=user, role=role)
    return user


def test_org_officer_reads_but_may_not_assess(client, areas, demo):
    """An organisation's ketua sees the locations of the area it serves; assessing is for area workers (403)."""
    client.force_login(_officer_of(areas["21.72.03.1005"], "ketua"))
    assert [row["location"] for row in client.get(reverse("slums:list")).context["rows"]] == [demo]
    detail = client.get(reverse("slums:detail", args=[demo.pk])).content.decode()
    assert reverse("slums:assessment-create", args=[demo.pk]) not in detail  # no button that answers 403
    assert client.get(reverse("slums:assessment-create", args=[demo.pk])).status_code == 403
    assert client.post(reverse("slums:location-edit", args=[demo.pk]), {}).status_code == 403


def test_plain_member_sees_no_named_location(client, areas, demo):
    """Issue 17: a plain anggota of the BKM no longer reads the organisation area's records."""
    client.force_login(_officer_of(areas["21.72.03.1005"], "anggota"))
    assert client.get(reverse("slums:list")).status_code == 403
    assert client.get(reverse("slums:detail", args=[demo.pk])).status_code == 404


def test_service_refuses_a_user_outside_its_reach(demo, other_facilitator, facilitator, percentages):
    from django.core.exceptions import PermissionDenied

    from gotong.slums.services import record_assessment, register_location

    with pytest.raises(PermissionDenied):
        record_assessment(demo, assessed_on="2021-01-01", percentages=percentages, affected_area_ha=1,
                          acting_user=other_facilitator)  # fmt: skip
    with pytest.raises(PermissionDenied):
        register_location(name="Luar", decree_number="1", decree_authority="W", area_ha=1,
                          village=demo.village.parent, acting_user=facilitator)  # fmt: skip


def test_login_required(client, demo):
    assert client.get(reverse("slums:list")).status_code == 302


def test_form_saves_through_the_service(client, facilitator, demo):
    client.force_login(facilitator)
    response = client.post(
        reverse("slums:assessment-create", args=[demo.pk]), _form_data(p_7a="80", p_7b="80", p_1a="60")
    )
    # "Bukan kumuh" next to hectares still slum is a contradiction: the remaining slum area of a location that
    # is not slum is 0 ha, said on the field that holds the hectares.
    assert response.context["form"].errors["affected_area_ha"] == [
        "Hasil penilaian Bukan kumuh (total 13): luas kumuh tersisa 0 ha. Bagian yang masih kumuh dinilai sebagai "
        "lokasi tersendiri; kosongkan atau isi 0."
    ]
    response = client.post(
        reverse("slums:assessment-create", args=[demo.pk]),
        _form_data(p_7a="80", p_7b="80", p_1a="60", affected_area_ha=""),
    )
    assert response.status_code == 302
    assessment = demo.assessments.get(assessed_on="2020-06-30")
    assert (assessment.total, assessment.slum_class, assessment.created_by) == (13, "none", facilitator)
    assert assessment.affected_area_ha == 0 and assessment.measurements.count() == 16


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
    assert response.context["form"].errors["c_4c"] == [
        "Kriteria 4c (Kualitas konstruksi drainase buruk): isi jumlah m, atau persennya jika hanya itu yang ada."
    ]
