"""Location forms, GeoJSON boundaries, the scoped map endpoint and progress toward zero slum."""

import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gotong.slums import progress
from gotong.slums.demo import load_slum_demo
from gotong.slums.models import SlumLocation
from gotong.slums.services import update_location, validate_boundary

SQUARE = {"type": "Polygon", "coordinates": [[[104.44, 0.93], [104.45, 0.93], [104.45, 0.94], [104.44, 0.93]]]}


@pytest.fixture
def demo(areas):
    load_slum_demo()
    return SlumLocation.objects.get(name="Kampung Bugis")


def test_boundary_validation():
    assert json.loads(validate_boundary(json.dumps(SQUARE))) == SQUARE
    feature = {"type": "Feature", "properties": {}, "geometry": {**SQUARE, "type": "MultiPolygon",
                                                                 "coordinates": [SQUARE["coordinates"]]}}  # fmt: skip
    assert json.loads(validate_boundary(json.dumps(feature)))["type"] == "MultiPolygon"
    assert validate_boundary("  ") == ""
    cases = {
        "{not json": "Batas bukan JSON yang sah.",
        json.dumps({"type": "Point", "coordinates": [104.4, 0.9]}): (
            "Batas harus GeoJSON bertipe Polygon atau MultiPolygon."
        ),
        json.dumps({"type": "Polygon", "coordinates": [[[104.44, 0.93], [104.45, 0.93], [104.45, 0.94]]]}): None,
        json.dumps({"type": "Polygon", "coordinates": [[[204, 0.9], [104, 0.9], [104, 1], [204, 0.9]]]}): None,
    }  # fmt: skip
    for text, message in cases.items():
        with pytest.raises(ValidationError) as exc:
            validate_boundary(text)
        assert exc.value.message_dict["boundary_geojson"][0] == (
            message or "Koordinat batas tidak sah: tiap cincin butuh ≥ 4 titik [bujur, lintang] dan harus tertutup."
        )


def test_update_location_checks(demo, city_officer):
    with pytest.raises(ValidationError) as exc:
        update_location(demo, latitude="0.94", longitude=None, acting_user=city_officer)
    assert exc.value.message_dict["longitude"] == ["Isi lintang dan bujur bersama-sama, atau kosongkan keduanya."]
    with pytest.raises(ValidationError) as exc:
        update_location(demo, area_ha="10", acting_user=city_officer)
    assert "18,92" in exc.value.message_dict["area_ha"][0]  # assessed at 18.92 ha already
    update_location(demo, boundary_geojson=json.dumps(SQUARE), acting_user=city_officer)
    demo.refresh_from_db()
    assert json.loads(demo.boundary_geojson) == SQUARE and str(demo.latitude) == "0.940000"


def test_map_json_is_scoped(client, demo, city_officer, facilitator, other_facilitator, partner):
    url = reverse("slums:map-data")
    client.force_login(city_officer)
    features = client.get(url).json()["features"]
    assert len(features) == 7 and {f["geometry"]["type"] for f in features} == {"Point"}
    bugis = next(f for f in features if f["properties"]["name"] == "Kampung Bugis")
    assert bugis["geometry"]["coordinates"] == [104.448, 0.94]
    assert bugis["properties"]["slum_class"] == "light" and bugis["properties"]["remaining_ha"] == "4.66"
    assert bugis["properties"]["url"] == reverse("slums:detail", args=[demo.pk])
    client.force_login(facilitator)
    assert [f["properties"]["name"] for f in client.get(url).json()["features"]] == ["Kampung Bugis"]
    client.force_login(other_facilitator)
    assert client.get(url).json()["features"] == []
    client.force_login(partner)  # no slums grant at all: the module is closed, not empty
    assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302


def test_map_json_includes_boundary(client, demo, city_officer):
    update_location(demo, boundary_geojson=json.dumps(SQUARE), acting_user=city_officer)
    client.force_login(city_officer)
    shapes = [f for f in client.get(reverse("slums:map-data")).json()["features"] if f["properties"]["id"] == demo.pk]
    assert sorted(f["geometry"]["type"] for f in shapes) == ["Point", "Polygon"]


def test_map_page_loads_leaflet(client, demo, city_officer):
    client.force_login(city_officer)
    html = client.get(reverse("slums:map")).content.decode()
    assert "leaflet/leaflet.js" in html and "leaflet/leaflet.css" in html and reverse("slums:map-data") in html
    assert "7 lokasi dalam lingkup Anda." in html


def test_progress_numbers_and_chart(client, demo, city_officer, facilitator):
    locations = SlumLocation.objects.prefetch_related("assessments")
    (city,) = progress.city_progress(locations).values()
    assert (str(city.baseline_ha), str(city.latest_ha), str(city.reduced_ha)) == ("150.41", "136.15", "14.26")
    assert str(city.reduced_percent) == "9.5"
    assert city.series == {2014: Decimal("150.41"), 2018: Decimal("136.15")}
    client.force_login(city_officer)
    response = client.get(reverse("slums:progress"))
    html = response.content.decode()
    assert "data:image/png;base64," in html and "14,26 ha (9,5%)" in html
    client.force_login(facilitator)
    rows = client.get(reverse("slums:progress")).context["locations"]
    assert [row["location"] for row in rows] == [demo]
    assert str(rows[0]["progress"].reduced_percent) == "75.4"


def test_list_summary_completeness(client, demo, city_officer):
    client.force_login(city_officer)
    (city,) = client.get(reverse("slums:list")).context["summary"]
    assert (city["locations"], city["assessed"], str(city["reduced_ha"])) == (7, 1, "14.26")


def test_location_create_and_edit_pages(client, facilitator, other_facilitator, partner, areas, demo):
    client.force_login(facilitator)
    url = reverse("slums:location-create")
    villages = client.get(url).context["form"].fields["village"].queryset
    assert list(villages) == [areas["21.72.03.1005"]]
    data = {"name": "Pelantar RW 001", "village": areas["21.72.03.1005"].pk, "decree_number": "12/2020",
            "decree_authority": "Walikota Tanjungpinang", "area_ha": "0", "latitude": "0.941",
            "longitude": ""}  # fmt: skip
    response = client.post(url, data)
    errors = response.context["form"].errors
    assert errors["area_ha"] == ["Luas lokasi harus lebih dari 0 ha."]
    assert 'value="Pelantar RW 001"' in response.content.decode()
    response = client.post(url, {**data, "area_ha": "2.5", "longitude": "104.449"})
    created = SlumLocation.objects.get(name="Pelantar RW 001")
    assert response.url == reverse("slums:detail", args=[created.pk]) and str(created.longitude) == "104.449000"
    edit = reverse("slums:location-edit", args=[created.pk])
    response = client.post(edit, {**data, "area_ha": "2.5", "longitude": "104.449", "boundary_geojson": "[1, 2]"})
    assert response.context["form"].errors["boundary_geojson"]
    client.force_login(other_facilitator)
    assert client.get(edit).status_code == 404
    client.force_login(partner)
    assert client.get(url).status_code == 403
