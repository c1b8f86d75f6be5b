"""The bank's manager records a weighed deposit on a 360 px phone and sees the member's passbook update."""

import re

from gotong.ledger.services import balance
from gotong.wastebank.models import Deposit
from gotong.wastebank.tests.conftest import bank, categories, member, staff  # noqa: F401 - fixtures
from tests.browser.conftest import log_in


def test_staff_records_deposit_on_phone(phone, live_server, bank, staff, categories, member):  # noqa: F811
    page = phone
    log_in(page, live_server, "maimunah")
    page.goto(f"{live_server.url}/bank-sampah/")
    page.wait_for_url(f"**/bank-sampah/{bank.pk}/")
    page.get_by_role("link", name="Catat setoran").first.click()
    page.wait_for_url(f"**/bank-sampah/{bank.pk}/setor/")
    assert page.locator("#prices").get_by_text("Botol PET: Rp3.500").is_visible()

    page.get_by_label("Anggota").select_option(label=f"{member.number} · Halimah")
    page.get_by_label("Botol PET (kg)").fill("2,35")
    page.get_by_label("Besi (kg)").fill("1")
    page.screenshot(path="test-results/wastebank-deposit-phone.png", full_page=True)
    # Nothing on the form is wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.get_by_role("button", name="Simpan setoran").click()

    page.wait_for_url(f"**/bank-sampah/anggota/{member.public_id}/")
    assert page.get_by_text("Setoran Halimah dicatat: Rp12.225.").is_visible()
    assert page.locator("[data-balance]").inner_text() == "Rp12.225"
    first_row = page.locator("#passbook tbody tr").first
    assert re.search(r"3,35", first_row.inner_text())
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path="test-results/wastebank-passbook-phone.png", full_page=True)
    assert Deposit.objects.count() == 1
    assert balance(member.account) == 12_225
