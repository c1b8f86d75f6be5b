"""Partner aid recorded in a community treasury's cash book is a tie in the actors' network (socialcapital)."""

import datetime

from gotong.socialcapital.network import build_network
from gotong.treasury import services
from gotong.treasury.models import CashEntry
from gotong.treasury.tests.conftest import cempako_category, key


def test_partner_aid_in_the_cash_book_ties_giver_and_receiver(funded, bri, treasurer, admin_user, other_facilitator):
    aid = cempako_category(funded, "Bantuan mitra")
    for amount in (5_000_000, 2_500_000):
        services.record_cash_entry(funded, category=aid, occurred_on=datetime.date(2025, 12, 2), amount=amount,
                                   description="Bibit", partner=bri, key=key(), acting_user=treasurer)  # fmt: skip
    graph = build_network(admin_user)
    assert graph.edges[funded.pk, bri.pk]["aid"] == 2
    assert graph.edges[funded.pk, bri.pk]["weight"] == 2  # harvest income (no partner) adds nothing
    # A cancelled entry is no aid.
    entry = CashEntry.objects.filter(partner=bri).first()
    services.cancel_cash_entry(entry, reason="Salah catat", acting_user=treasurer)
    assert build_network(admin_user).edges[funded.pk, bri.pk]["aid"] == 1
    # Rina (26 Ilir) reads Cempako's cash book: she sees the tie; the Tanjungpinang officer does not.
    assert build_network(other_facilitator).has_edge(funded.pk, bri.pk)
