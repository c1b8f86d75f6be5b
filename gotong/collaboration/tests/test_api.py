"""Collaboration API: agreements, commitments and projects scoped by work area."""

from gotong.api.testing import listed, token_client
from gotong.portal.tests.town import build_town


def test_collaboration_records_scoped_by_area(city_officer, facilitator, other_facilitator, partner):
    build_town(city_officer)
    [agreement] = listed(facilitator, "/api/v1/kolaborasi/kesepakatan/")
    assert agreement["title"] == "MoU kumuh nol" and len(agreement["parties"]) == 2
    [project] = listed(facilitator, "/api/v1/kolaborasi/proyek/")
    assert {b["source"]: b["amount_rupiah"] for b in project["budgets"]} == {"apbn": 150_000_000, "swadaya": 2_500_000}
    assert listed(facilitator, "/api/v1/kolaborasi/komitmen/?dari=2025-03-01&sampai=2025-03-01")
    for url in ("/api/v1/kolaborasi/kesepakatan/", "/api/v1/kolaborasi/proyek/", "/api/v1/kolaborasi/komitmen/"):
        assert listed(other_facilitator, url) == []
        # Issue 17: partners hold no collaboration grant, so the API refuses them the module (not an empty list).
        assert token_client(partner).get(url).status_code == 403
    url = f"/api/v1/kolaborasi/kesepakatan/{agreement['id']}/"
    assert token_client(other_facilitator).get(url).status_code == 404
