"""The treasurer closes last month from her home page on a 360 px phone: two taps and the count typed."""

import pytest

from gotong.treasury.models import MonthClose
from gotong.treasury.tests.conftest import (  # noqa: F401 (fixtures)
    bri,
    cempako,
    cempako_rt,
    treasurer,
    two_months,
)
from tests.browser.conftest import log_in


@pytest.fixture
def treasurer_home(phone, live_server, two_months):  # noqa: F811 (the imported fixture)
    log_in(phone, live_server, "bendahara")
    return phone


def test_treasurer_closes_the_month_from_home(treasurer_home, live_server, two_months):  # noqa: F811
    page = treasurer_home
    taps = 0
    page.get_by_role("link", name="Tutup buku Januari 2026").click()
    taps += 1
    page.wait_for_url("**/tutup-buku/")
    assert page.get_by_test_id("book-cash").inner_text() == "Rp365.000"
    page.get_by_label("Kas dihitung (Rp)").fill("365.000")
    page.get_by_role("button", name="Tutup buku Januari 2026").click()
    taps += 1
    page.wait_for_url("**/laporan/?periode=2026-01")
    assert taps <= 3
    assert page.get_by_text("Buku Januari 2026 ditutup.").is_visible()
    assert page.locator('[data-status="closed"]').inner_text().startswith("Januari 2026 ditutup oleh bendahara")
    assert page.get_by_test_id("closing").inner_text() == "Rp365.000"
    assert page.get_by_test_id("assets").inner_text() == page.get_by_test_id("claims").inner_text() == "Rp4.865.000"
    # Nothing wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path="test-results/treasury-month-close-phone.png", full_page=True)
    close = MonthClose.objects.get()
    assert (close.month.isoformat(), close.counted_cash, close.difference) == ("2026-01-01", 365_000, 0)
    # Back home, February is next and January's statements are one tap away.
    page.goto(f"{live_server.url}/")
    assert page.get_by_role("link", name="Tutup buku Februari 2026").is_visible()
    page.locator('[data-action="last-statements"]').click()
    page.wait_for_url("**/laporan/?periode=2026-01")


def test_difference_without_explanation_keeps_the_count(treasurer_home, two_months):  # noqa: F811
    page = treasurer_home
    page.get_by_role("link", name="Tutup buku Januari 2026").click()
    page.get_by_label("Kas dihitung (Rp)").fill("350.000")
    page.get_by_role("button", name="Tutup buku Januari 2026").click()
    assert page.get_by_text("jelaskan selisihnya", exact=False).first.is_visible()
    assert page.get_by_label("Kas dihitung (Rp)").input_value() == "350.000"
    assert not MonthClose.objects.exists()
