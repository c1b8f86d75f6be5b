"""Areas API: reference data by dotted code, with the prefix filter."""

from gotong.api.testing import listed, token_client


def test_area_by_code_and_prefix(areas, facilitator):
    detail = token_client(facilitator).get("/api/v1/wilayah/21.72.03.1005/").json()
    assert detail["name"] == "Kampung Bugis" and detail["parent"] == "21.72.03"
    codes = [a["code"] for a in listed(facilitator, "/api/v1/wilayah/?wilayah=21.72.03&per_halaman=500")]
    assert "21.72.03.1005" in codes and all(c.startswith("21.72.03") for c in codes)
    assert token_client(facilitator).get("/api/v1/wilayah/99.99/").status_code == 404
