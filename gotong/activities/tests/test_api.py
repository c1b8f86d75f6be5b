"""Activities API: events scoped by area and organisation; date filter on the event date."""

from gotong.api.testing import listed, token_client


def test_events_scoped_and_filtered_by_date(event, facilitator, other_facilitator, bkm_staff):
    assert [e["title"] for e in listed(facilitator, "/api/v1/gotong-royong/kegiatan/")] == ["Kerja bakti RT 002"]
    assert [e["id"] for e in listed(bkm_staff, "/api/v1/gotong-royong/kegiatan/")] == [str(event.public_id)]
    assert listed(facilitator, "/api/v1/gotong-royong/kegiatan/?dari=2025-04-01") == []
    assert listed(other_facilitator, "/api/v1/gotong-royong/kegiatan/") == []
    url = f"/api/v1/gotong-royong/kegiatan/{event.public_id}/"
    assert token_client(other_facilitator).get(url).status_code == 404
