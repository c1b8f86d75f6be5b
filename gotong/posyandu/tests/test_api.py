"""Posyandu API: a cadre sees their own posyandu's children only; partners are refused (no `posyandu.view`)."""

from gotong.api.testing import listed, token_client


def test_cadre_sees_own_children_only(child, cadre, other_cadre, partner):
    [row] = listed(cadre, "/api/v1/posyandu/balita/")
    assert row["id"] == str(child.public_id)
    assert listed(other_cadre, "/api/v1/posyandu/balita/") == []
    assert token_client(other_cadre).get(f"/api/v1/posyandu/balita/{child.public_id}/").status_code == 404
    assert token_client(partner).get("/api/v1/posyandu/balita/").status_code == 403
    assert token_client(partner).get("/api/v1/posyandu/penimbangan/").status_code == 403


def test_resident_sees_own_family_child(child, resident):
    assert [c["name"] for c in listed(resident, "/api/v1/posyandu/balita/")] == [child.person.name]
