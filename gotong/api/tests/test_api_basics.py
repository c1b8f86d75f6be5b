"""Token authentication, the shared error body, pagination and the shared filters."""

import pytest
from rest_framework.test import APIClient

from gotong.api.models import DeviceToken
from gotong.api.testing import token_client
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

BUGIS = "21.72.03.1005"
SENGGARANG = "21.72.03.1003"


@pytest.fixture
def api():
    return APIClient()


_token_client = token_client


def test_anonymous_gets_401_with_the_error_body(api, areas):
    response = api.get("/api/v1/rumah-tangga/")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
    assert response["WWW-Authenticate"].startswith("Token")


def test_token_from_username_and_password_opens_the_api(api, facilitator):
    response = api.post("/api/v1/token/", {"username": "budi", "password": "rahasia-123"}, format="json")
    assert response.status_code == 200
    api.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    assert api.get("/api/v1/rumah-tangga/").status_code == 200


def test_wrong_password_is_a_400_in_indonesian(api, facilitator):
    response = api.post("/api/v1/token/", {"username": "budi", "password": "salah"}, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["fields"]["non_field_errors"] == ["Nama pengguna atau kata sandi salah."]


def test_repeated_guessing_is_locked_out_by_axes(api, facilitator, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(3):
        api.post("/api/v1/token/", {"username": "budi", "password": "salah"}, format="json")
    response = api.post("/api/v1/token/", {"username": "budi", "password": "rahasia-123"}, format="json")
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "locked_out"


def test_token_page_shows_a_new_token_once_and_revokes_it(client, facilitator):
    client.force_login(facilitator)
    created = client.post("/api/token/", {"action": "create"})
    key = created.context["new_key"]
    assert key in created.content.decode()
    assert key not in client.get("/api/token/").content.decode()
    client.post("/api/token/", {"action": "revoke_all"})
    assert not DeviceToken.objects.filter(user=facilitator).exists()


def test_pages_link_without_counting(facilitator):
    for i in range(3):
        HouseholdFactory(area=rt_in(BUGIS), family_card_number=f"21720301010000{i:02d}")
    api = _token_client(facilitator)
    first = api.get("/api/v1/rumah-tangga/?per_halaman=2").json()
    assert "count" not in first and len(first["results"]) == 2 and first["previous"] is None
    second = api.get(first["next"]).json()
    assert len(second["results"]) == 1 and second["next"] is None and second["previous"]


def test_bad_filter_values_are_400_naming_the_field(facilitator):
    api = _token_client(facilitator)
    for query, field in (("wilayah=abc", "wilayah"), ("dari=31-01-2025", "dari"), ("halaman=0", "halaman")):
        response = api.get(f"/api/v1/penduduk/?{query}")
        assert response.status_code == 400, query
        assert field in response.json()["error"]["fields"]


def test_area_and_date_filters(city_officer):
    bugis = PersonFactory(household=HouseholdFactory(area=rt_in(BUGIS)), name="Orang Bugis")
    PersonFactory(household=HouseholdFactory(area=rt_in(SENGGARANG)), name="Orang Senggarang")
    api = _token_client(city_officer)
    names = [p["name"] for p in api.get(f"/api/v1/penduduk/?wilayah={BUGIS}").json()["results"]]
    assert names == ["Orang Bugis"]
    born = bugis.birth_date.isoformat()
    assert len(api.get(f"/api/v1/penduduk/?dari={born}&sampai={born}").json()["results"]) == 2
    assert api.get("/api/v1/penduduk/?diubah_sejak=2999-01-01T00:00:00Z").json()["results"] == []


def test_schema_and_docs_are_served_without_a_cdn(client, facilitator):
    schema = client.get("/api/openapi.json")
    assert schema.status_code == 200
    assert "/api/v1/rumah-tangga/" in schema.json()["paths"]
    assert "Error" in schema.json()["components"]["schemas"]
    client.force_login(facilitator)
    docs = client.get("/api/docs/").content.decode()
    assert "cdn" not in docs.lower()


def test_index_explains_how_to_get_a_token(client, areas):
    page = client.get("/api/").content.decode()
    assert "/api/docs/" in page and "/api/v1/token/" in page and "Authorization: Token" in page


def test_unknown_api_address_is_a_json_404(facilitator):
    response = _token_client(facilitator).get("/api/v1/tidak-ada/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
