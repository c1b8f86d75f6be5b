"""Each role's daily task from its home page on a 360 px phone: at most three taps from logging in.

The personas are the module fixtures' (a cadre of Posyandu Kenanga, a waste bank's pengelola, Cempako's
bendahara, Kampung Bugis's faskel, Tanjungpinang's officer, BRI's partner, a saver): loading the whole demo for
each browser test would take minutes. The demo's own logins are checked page by page in
`gotong/core/tests/test_navigation.py`. Each home is photographed to /tmp/home-<role>.png for a look.
"""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from gotong.accounts.models import User
from gotong.casework import services as casework
from gotong.casework.models import Frequency
from gotong.casework.tests.conftest import bugis_patient, tb_case  # noqa: F401 (fixtures)
from gotong.organizations.choices import MemberRole
from gotong.organizations.models import Membership
from gotong.posyandu import services as posyandu_services
from gotong.posyandu.tests.conftest import cadre, child, family, posyandu  # noqa: F401 (fixtures)
from gotong.treasury import services as treasury
from gotong.treasury.tests.conftest import (  # noqa: F401 (fixtures)
    bri,
    cempako,
    cempako_category,
    cempako_rt,
    funded,
    key,
    loan,
    member,
    product,
    treasurer,
)
from gotong.wastebank.tests.conftest import bank, categories, staff  # noqa: F401 (fixtures)
from tests.browser.conftest import log_in


def _home(page, live_server, username, role):
    log_in(page, live_server, username)
    # Nothing wider than the phone, and a picture of the home to look at.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=f"/tmp/home-{role}.png", full_page=True)
    return page


def test_cadre_taps_once_to_the_weighing_form(phone, live_server, cadre, child):  # noqa: F811
    session = posyandu_services.open_session(posyandu=child.posyandu, held_on=timezone.localdate(), acting_user=cadre)
    page = _home(phone, live_server, "kader", "cadre")
    page.get_by_role("link", name="Timbang: Rizky Hasan").click()
    page.wait_for_url(f"**/posyandu/hari-buka/{session.pk}/timbang/{child.public_id}/")
    assert page.get_by_label("Berat badan (kg)").is_visible()


def test_waste_bank_staff_taps_once_to_the_deposit_form(phone, live_server, bank, staff, categories):  # noqa: F811
    page = _home(phone, live_server, "maimunah", "wastebank")
    assert page.get_by_text("Botol PET: Rp3.500").is_visible()
    page.get_by_role("link", name="Catat setoran").click()
    page.wait_for_url(f"**/bank-sampah/{bank.pk}/setor/")


def test_treasurer_taps_once_to_this_months_cash_book(phone, live_server, treasurer, loan):  # noqa: F811
    page = _home(phone, live_server, "bendahara", "treasurer")
    assert page.get_by_text("1 pinjaman menunggak").is_visible()
    page.locator("[data-action=cash-book]").click()
    page.wait_for_url(f"**/kas/{loan.organization_id}/kas/?bulan=*")


def test_facilitator_taps_once_to_log_an_overdue_visit(phone, live_server, facilitator, tb_case):  # noqa: F811
    # Monthly from 10 March: on the 20th (the fixture's today) that visit is overdue.
    casework.set_visit_plan(tb_case, frequency=Frequency.MONTHLY, start_on=datetime.date(2026, 3, 10),
                            acting_user=facilitator)  # fmt: skip
    page = _home(phone, live_server, "budi", "facilitator")
    page.get_by_role("link", name="Catat kunjungan Raja Ali").first.click()
    page.wait_for_url(f"**/kasus/{tb_case.public_id}/kunjungan/")


def test_officer_taps_once_to_the_dashboard(phone, live_server, city_officer):
    page = _home(phone, live_server, "siti", "officer")
    assert page.get_by_text("Perlu perhatian").is_visible()
    page.locator("[data-action=dashboard]").click()
    # /dasbor/ opens the officer's city; its map may wait for tiles that never come offline, so the navigation
    # itself is what is awaited.
    page.wait_for_url("**/dasbor/21.72/", wait_until="commit")


def test_partner_sees_its_contributions_and_opens_the_treasury(phone, live_server, partner, bri, funded, treasurer):  # noqa: F811
    aid = cempako_category(funded, "Bantuan mitra")
    treasury.record_cash_entry(funded, category=aid, occurred_on=datetime.date(2026, 1, 10), amount=5_000_000,
                               description="Bantuan tunai", partner=bri, key=key(), acting_user=treasurer)  # fmt: skip
    Membership.objects.create(
        organization=bri, user=partner, role=MemberRole.STAFF, started_on=datetime.date(2024, 1, 1)
    )
    page = _home(phone, live_server, "mitra", "partner")
    assert page.get_by_text("Kontribusi BRI Sumatera Selatan").is_visible()
    page.get_by_role("link", name="Kampung Sayur Cempako").click()
    page.wait_for_url(f"**/kas/{funded.pk}/")


def test_resident_taps_once_to_own_savings(phone, live_server, member, loan):  # noqa: F811
    User.objects.create_user(username="rahma", password="rahasia-123", role="resident", person=member.person)
    page = _home(phone, live_server, "rahma", "resident")
    page.locator("[data-action=own-savings]").click()
    page.wait_for_url("**/kas/saya/")
    # The menu collapses behind one button at 360 px; ODK and the API wait in the account menu.
    page.get_by_role("button", name="Menu").click()
    # The account menu is opened once the menu has finished sliding open (class "show", not "collapsing"): under
    # load (8 Dec 2026) a click during the slide left the account menu closed.
    expect(page.locator("#nav")).to_have_class(re.compile(r"\bshow\b"))
    page.locator("#account-menu > a").click()
    expect(page.locator("#account-menu").get_by_role("link", name="ODK Collect")).to_be_visible()
