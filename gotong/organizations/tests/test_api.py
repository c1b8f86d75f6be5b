"""Organizations API: scope by area; anonymous callers are refused."""

from gotong.api.testing import listed, token_client
from gotong.organizations.services import create_organization


def test_organisations_scoped_by_area(areas, city_officer, facilitator, other_facilitator):
    bkm = create_organization(name="BKM Bugis", kind="bkm", area=areas["21.72.03.1005"], acting_user=city_officer)
    assert [o["name"] for o in listed(facilitator, "/api/v1/organisasi/")] == ["BKM Bugis"]
    assert listed(other_facilitator, "/api/v1/organisasi/") == []
    assert token_client(other_facilitator).get(f"/api/v1/organisasi/{bkm.pk}/").status_code == 404
    detail = token_client(facilitator).get(f"/api/v1/organisasi/{bkm.pk}/").json()
    assert detail["members"] == []


def test_anonymous_is_refused(client, areas):
    assert client.get("/api/v1/organisasi/").status_code == 401
