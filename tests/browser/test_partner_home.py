"""BRI's partner (`mitra`) on a 360 px phone: the hydroponic aid it gave Kampung Sayur Cempako and what the community
gave back, on the home page, then the partnership's own page (issue 20, seed 002)."""

import datetime

from gotong.collaboration.models import ReciprocityKind
from gotong.collaboration.services.reciprocity import record_reciprocity
from gotong.organizations.choices import MemberRole
from gotong.organizations.models import Membership
from gotong.treasury import services as treasury
from gotong.treasury.tests.conftest import (  # noqa: F401 (fixtures)
    bri,
    cempako,
    cempako_category,
    cempako_rt,
    funded,
    key,
    treasurer,
)
from tests.browser.conftest import log_in


def test_partner_home_shows_aid_and_reciprocity(phone, live_server, partner, bri, funded, treasurer):  # noqa: F811
    treasury.record_cash_entry(
        funded, category=cempako_category(funded, "Bantuan mitra"), occurred_on=datetime.date(2026, 8, 11),
        amount=4_000_000, description="Instalasi hidroponik 4 rak (taksiran)", in_kind=True, partner=bri, key=key(),
        acting_user=treasurer,
    )  # fmt: skip
    for kind, count, value, text in (
        (ReciprocityKind.ACCOUNTS_OPENED, 14, None, "Warga membuka rekening BRI"),
        (ReciprocityKind.LOANS_TAKEN, 3, 45_000_000, "Pelaku usaha mengambil KUR BRI"),
    ):
        record_reciprocity(community=funded, partner=bri, occurred_on=datetime.date(2026, 9, 1), kind=kind,
                           count=count, value_rupiah=value, description=text, acting_user=treasurer)  # fmt: skip
    Membership.objects.create(
        organization=bri, user=partner, role=MemberRole.STAFF, started_on=datetime.date(2024, 1, 1)
    )

    log_in(phone, live_server, "mitra")
    home = phone.locator('[data-home="partner"]')
    assert home.locator('[data-figure="aid-total"]').inner_text() == "Rp4.000.000"
    assert home.get_by_text("Rp4.000.000 berupa barang").first.is_visible()
    returned = home.locator("[data-partnership] [data-returned]")
    assert "Rekening dibuka di mitra: 14" in returned.inner_text()
    # Three borrowers are residents: a partner reads "<5", never the count; their loans' value is money, in full.
    assert "Pinjaman diambil dari mitra (mis. KUR): <5" in returned.inner_text()
    assert home.get_by_text("Rp45.000.000").first.is_visible()
    assert "Anda belum punya wilayah kerja" not in phone.content()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.screenshot(path="/tmp/home-partner-reciprocity.png", full_page=True)

    home.get_by_role("link", name="BRI Sumatera Selatan – Kampung Sayur Cempako").click()
    phone.wait_for_url("**/kolaborasi/kemitraan/*/")
    assert phone.get_by_role("heading", name="BRI Sumatera Selatan – Kampung Sayur Cempako").is_visible()
    # The community's own words stay with the community.
    assert "Pelaku usaha mengambil KUR BRI" not in phone.content()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
