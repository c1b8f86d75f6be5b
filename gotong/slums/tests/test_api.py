"""Slums API: locations and assessments scoped by work area."""

from gotong.api.testing import listed, token_client


def test_locations_scoped_by_area(bugis, facilitator, other_facilitator):
    assert [loc["name"] for loc in listed(facilitator, "/api/v1/kumuh/lokasi/")] == [bugis.name]
    assert listed(other_facilitator, "/api/v1/kumuh/lokasi/") == []
    assert token_client(other_facilitator).get(f"/api/v1/kumuh/lokasi/{bugis.pk}/").status_code == 404
    assert listed(other_facilitator, "/api/v1/kumuh/penilaian/") == []
