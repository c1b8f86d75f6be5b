"""Offline field forms on a phone: record while offline, survive a reload, sync once when the link returns."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from gotong.core.dates import short_date
from gotong.organizations.models import Membership, Organization
from gotong.posyandu import services
from gotong.posyandu.models import Weighing
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from tests.browser.conftest import log_in
from tests.browser.service_worker import wait_for_service_worker


@pytest.fixture
def kenanga(areas, admin_user):
    from gotong.accounts.models import User

    posyandu = Organization.objects.create(name="Posyandu Kenanga", kind="posyandu", area=areas["21.72.03.1005"])
    cadre = User.objects.create_user(username="wati", password="rahasia-123", role="org_staff", first_name="Wati")
    Membership.objects.create(organization=posyandu, user=cadre, role="kader", started_on=datetime.date(2020, 1, 1))
    household = HouseholdFactory(area=rt_in("21.72.03.1005", 1, 1))
    today = timezone.localdate()
    person = PersonFactory(
        household=household, name="Nabila Putri", sex="P", relationship="anak",
        birth_date=today - datetime.timedelta(days=400),
    )  # fmt: skip
    child = services.register_child(
        posyandu=posyandu, person=person, registered_on=person.birth_date, acting_user=admin_user
    )
    session = services.open_session(posyandu=posyandu, held_on=today, acting_user=admin_user)
    return child, session


def wait_until_offline_ready(page):
    """The service worker controls the page (shell precached) and the form's data are on the phone."""
    wait_for_service_worker(page)
    expect(page.locator("#entry")).to_be_visible()


def test_a_weighing_recorded_offline_survives_a_reload_and_is_stored_once(phone, live_server, kenanga):
    child, session = kenanga
    page = phone
    log_in(page, live_server, "wati")
    page.goto(f"{live_server.url}/lapangan/")
    page.get_by_role("link", name="Penimbangan balita").click()
    wait_until_offline_ready(page)

    page.context.set_offline(True)
    expect(page.locator("#net")).to_contain_text("Tanpa sinyal")
    page.get_by_label("Balita").select_option(label=f"Nabila Putri ({short_date(child.person.birth_date)})")
    page.get_by_label("Tanggal ukur").fill(session.held_on.isoformat())
    page.get_by_label("Berat badan (kg)").fill("8,4")
    page.get_by_role("button", name="Simpan penimbangan").click()
    expect(page.locator("#queue-count")).to_have_text("1 menunggu dikirim")

    page.reload()  # offline: the shell comes from the service worker, the entry from IndexedDB
    expect(page.locator("#queue-count")).to_have_text("1 menunggu dikirim")
    expect(page.get_by_label("Balita")).to_contain_text("Nabila Putri")
    assert not Weighing.objects.exists()

    page.context.set_offline(False)  # the `online` event sends the queue
    expect(page.locator("#queue-count")).to_have_text("Semua isian sudah terkirim")
    expect(page.locator("#queue-list")).to_contain_text("Terkirim")
    page.get_by_role("button", name="Kirim sekarang").click()  # a second push sends nothing again
    page.reload()
    expect(page.locator("#queue-count")).to_have_text("Semua isian sudah terkirim")
    (weighing,) = Weighing.objects.filter(child=child)
    assert weighing.weight_kg == 8.4 or str(weighing.weight_kg) == "8.40"


def test_a_conflict_shows_the_server_values_and_the_user_chooses(phone, live_server, kenanga, admin_user):
    child, session = kenanga
    page = phone
    log_in(page, live_server, "wati")
    page.goto(f"{live_server.url}/lapangan/timbang/")
    wait_until_offline_ready(page)
    page.context.set_offline(True)
    page.get_by_label("Balita").select_option(label=f"Nabila Putri ({short_date(child.person.birth_date)})")
    page.get_by_label("Tanggal ukur").fill(session.held_on.isoformat())
    page.get_by_label("Berat badan (kg)").fill("8,4")
    page.get_by_role("button", name="Simpan penimbangan").click()
    # Meanwhile another cadre weighs the same child at the table, online.
    services.record_weighing(child=child, session=session, weight_kg="8.9", acting_user=admin_user)

    page.context.set_offline(False)
    conflict = page.locator('#queue-list [data-status="conflict"]')
    expect(conflict).to_contain_text("sudah diubah di server")
    # Never "all sent" while a conflict waits; the form's labels and both values as people write them.
    expect(page.locator("#queue-count")).to_have_text("1 menunggu keputusan Anda")
    weight = conflict.get_by_role("row").filter(has_text="Berat badan (kg)")
    expect(weight.get_by_role("cell")).to_have_text(["8,4", "8,9"])
    expect(weight).to_contain_text("berbeda")
    expect(conflict.get_by_role("row").filter(has_text="Tanggal ukur")).to_contain_text(short_date(session.held_on))
    expect(conflict).not_to_contain_text("weight_kg")
    assert str(Weighing.objects.get(child=child).weight_kg) == "8.90"  # never silently overwritten

    conflict.get_by_role("button", name="Pakai isian saya").click()
    expect(page.locator('#queue-list [data-status="sent"]')).to_have_count(1)
    assert str(Weighing.objects.get(child=child).weight_kg) == "8.40"
