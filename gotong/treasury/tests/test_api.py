"""Treasury API: the bookkeeper sees the books and loan state; a partner sees no named records."""

from gotong.api.testing import listed, token_client


def test_bookkeeper_sees_loan_state_partner_sees_nothing(loan, treasurer, partner, facilitator):
    [row] = listed(treasurer, "/api/v1/kas/pinjaman/")
    assert row["state"] is None  # computed on the detail only
    detail = token_client(treasurer).get(f"/api/v1/kas/pinjaman/{loan.public_id}/").json()
    assert detail["state"]["outstanding"] > 0
    assert listed(treasurer, "/api/v1/kas/buku/")
    for url in ("/api/v1/kas/pinjaman/", "/api/v1/kas/buku/", "/api/v1/kas/anggota/"):
        assert token_client(partner).get(url).status_code == 403  # partners read totals only, no named record
        assert listed(facilitator, url) == []  # Kampung Bugis facilitator: Cempako is in Palembang


def test_member_detail_shows_savings_balances(member, treasurer):
    detail = token_client(treasurer).get(f"/api/v1/kas/anggota/{member.public_id}/").json()
    assert set(detail["savings"]) == {"pokok", "wajib", "sukarela"}
