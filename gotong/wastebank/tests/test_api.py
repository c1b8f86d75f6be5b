"""Waste bank API: staff see their bank, a resident their own membership and balance, other areas nothing,
partners (no `wastebank.view`) are refused."""

from gotong.api.testing import listed, token_client


def test_staff_and_resident_views(member, staff, resident, other_facilitator, partner):
    [row] = listed(staff, "/api/v1/bank-sampah-anggota/")
    assert row["name"] == "Halimah" and row["balance"] == 0
    assert [m["id"] for m in listed(resident, "/api/v1/bank-sampah-anggota/")] == [str(member.public_id)]
    assert listed(resident, "/api/v1/bank-sampah/") == []
    assert listed(other_facilitator, "/api/v1/bank-sampah-anggota/") == []
    assert token_client(partner).get("/api/v1/bank-sampah-setoran/").status_code == 403
    url = f"/api/v1/bank-sampah-anggota/{member.public_id}/"
    assert token_client(other_facilitator).get(url).status_code == 404
