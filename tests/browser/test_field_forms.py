"""The other offline forms on a phone: a waste-bank deposit queued offline, and a gotong royong attendance list."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from gotong.accounts.models import User
from gotong.activities.models import Attendance
from gotong.core.dates import short_date
from gotong.organizations.choices import MemberRole, OrganizationKind
from gotong.organizations.models import Membership
from gotong.organizations.services import create_organization
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from gotong.wastebank.models import Deposit
from tests.browser.conftest import log_in
from tests.browser.service_worker import wait_for_service_worker

BUGIS = "21.72.03.1005"


def staff_of(organization, username):
    user = User.objects.create_user(username=username, password="rahasia-123", role="org_staff")
    Membership.objects.create(
        organization=organization, user=user, role=MemberRole.MANAGER, started_on=datetime.date(2024, 1, 1)
    )
    return user


@pytest.fixture
def bank(areas, city_officer):
    from gotong.wastebank import services

    org = create_organization(
        name="Bank Sampah Bugis Bersih", kind=OrganizationKind.WASTE_BANK, area=areas[BUGIS], acting_user=city_officer
    )
    bank = services.set_up_bank(org, acting_user=city_officer)
    staff = staff_of(org, "maimunah")
    jan = datetime.date(2026, 1, 1)
    services.add_category(bank, name="Botol PET", price_per_kg=3_500, valid_from=jan, acting_user=staff)
    services.add_category(bank, name="Kardus", price_per_kg=2_000, valid_from=jan, acting_user=staff)
    services.register_member(bank, person=PersonFactory(name="Halimah"), joined_on=jan, acting_user=staff)
    return bank


def test_a_deposit_weighed_offline_is_booked_once_at_the_days_price(phone, live_server, bank):
    page = phone
    log_in(page, live_server, "maimunah")
    page.goto(f"{live_server.url}/lapangan/setoran/")
    wait_for_service_worker(page)
    expect(page.locator("#entry")).to_be_visible()

    page.context.set_offline(True)
    page.get_by_label("Anggota").select_option(label="0001 · Halimah")
    page.get_by_label("Botol PET (Rp3.500/kg)").fill("2,35")
    page.get_by_label("Kardus (Rp2.000/kg)").fill("1")
    expect(page.locator("#estimate")).to_have_text("Perkiraan nilai: Rp10.225")
    page.get_by_role("button", name="Simpan setoran").click()
    expect(page.locator("#queue-count")).to_have_text("1 menunggu dikirim")
    page.reload()
    expect(page.locator("#queue-count")).to_have_text("1 menunggu dikirim")

    page.context.set_offline(False)
    expect(page.locator("#queue-list")).to_contain_text("Rp10.225")
    (deposit,) = Deposit.objects.all()
    assert (deposit.total_grams, deposit.total_value) == (3350, 10_225)


def test_a_bkm_volunteer_ticks_who_came_to_the_kerja_bakti(phone, live_server, areas, city_officer):
    from gotong.activities import services

    bkm = create_organization(name="BKM Bugis", kind=OrganizationKind.BKM, area=areas[BUGIS], acting_user=city_officer)
    staff_of(bkm, "lurah_rt")
    rt = rt_in(BUGIS, 6, 2)
    house = HouseholdFactory(area=rt)
    for name in ("Andi", "Bayu", "Citra"):
        PersonFactory(household=house, name=name, birth_date=datetime.date(1980, 1, 1), relationship="famili")
    event = services.create_event(
        title="Kerja bakti RT 002", kind="kerja_bakti", held_on=timezone.localdate(), default_hours=2, area=rt,
        organization=bkm, acting_user=city_officer,
    )  # fmt: skip

    page = phone
    log_in(page, live_server, "lurah_rt")
    page.goto(f"{live_server.url}/lapangan/kehadiran/")
    page.get_by_label("Kegiatan").select_option(label=f"Kerja bakti RT 002 ({short_date(event.held_on)})")
    page.get_by_label("Andi").check()
    page.get_by_label("Citra").check()
    page.get_by_role("button", name="Simpan daftar hadir").click()
    expect(page.locator("#queue-list")).to_contain_text("Kehadiran Kerja bakti RT 002: 2 orang")
    assert sorted(Attendance.objects.filter(event=event).values_list("person__name", flat=True)) == ["Andi", "Citra"]


def test_a_psm_logs_a_tb_home_visit_with_adherence(phone, live_server, areas, facilitator, city_officer):
    from gotong.casework import services
    from gotong.casework.models import Program, Visit

    household = HouseholdFactory(area=rt_in(BUGIS, 2, 3))
    patient = PersonFactory(household=household, name="Raja Ali")
    services.open_case(
        program=Program.TB, household=household, person=patient, summary="TBC RO", opened_reason="Rujukan puskesmas",
        opened_on=timezone.localdate() - datetime.timedelta(days=30), supervisor=city_officer,
        health_condition="TBC resisten obat", acting_user=facilitator,
    )  # fmt: skip
    page = phone
    log_in(page, live_server, "budi")
    page.goto(f"{live_server.url}/lapangan/kunjungan/")
    page.get_by_label("Kasus").select_option(index=1)
    expect(page.get_by_label("Bertemu dengan")).to_have_value("Raja Ali")
    page.get_by_label("Kepatuhan minum obat").select_option("yes")
    page.get_by_label("Rencana berikutnya").fill("Antar kontrol ke puskesmas")
    page.get_by_role("button", name="Simpan kunjungan").click()
    expect(page.locator("#queue-list")).to_contain_text("Terkirim")
    (visit,) = Visit.objects.all()
    assert (visit.adherence, visit.next_step) == ("yes", "Antar kontrol ke puskesmas")
