"""The treasurer records a loan repayment on a 360 px phone and sees the outstanding balance drop."""

import pytest

from gotong.ledger.services import balance
from gotong.treasury.models import Repayment
from gotong.treasury.tests.conftest import (  # noqa: F401 (fixtures)
    cempako,
    cempako_rt,
    funded,
    loan,
    member,
    product,
    treasurer,
)
from tests.browser.conftest import log_in


@pytest.fixture
def page_with_loan(phone, live_server, loan):  # noqa: F811 (the imported fixture)
    log_in(phone, live_server, "bendahara")
    phone.goto(f"{live_server.url}/kas/pinjaman/{loan.public_id}/")
    return phone


def test_treasurer_records_repayment_on_phone(page_with_loan, live_server, loan):  # noqa: F811
    page = page_with_loan
    assert page.get_by_test_id("outstanding").inner_text() == "Rp1.045.000"
    page.get_by_role("link", name="Bayar angsuran").click()
    page.get_by_label("Tanggal bayar").fill("2026-01-10")
    page.get_by_label("Jumlah dibayar (Rp)").fill("348.333")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(f"**/kas/pinjaman/{loan.public_id}/")
    assert page.get_by_text("Angsuran dicatat: bunga Rp15.000, pokok Rp333.333.").is_visible()
    assert page.get_by_test_id("outstanding").inner_text() == "Rp696.667"
    # Nothing wider than the phone: the schedule table stacks.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path="test-results/treasury-loan-phone.png", full_page=True)
    loan.receivable.refresh_from_db()
    assert balance(loan.receivable) == 1_000_000 - 333_333
    assert Repayment.objects.filter(loan=loan).count() == 1


def test_overpayment_shows_error_and_keeps_input(page_with_loan, loan):  # noqa: F811
    page = page_with_loan
    page.get_by_role("link", name="Bayar angsuran").click()
    page.get_by_label("Tanggal bayar").fill("2026-01-10")
    page.get_by_label("Jumlah dibayar (Rp)").fill("2.000.000")
    page.get_by_role("button", name="Simpan").click()
    assert page.get_by_text("Pembayaran Rp2.000.000 melebihi sisa pinjaman Rp1.045.000.").is_visible()
    assert page.get_by_label("Jumlah dibayar (Rp)").input_value() == "2.000.000"
    assert not Repayment.objects.exists()
