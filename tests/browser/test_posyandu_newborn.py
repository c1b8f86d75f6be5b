"""A cadre on a phone registers a ten-day-old baby who has no NIK yet, then weighs her at the session."""

import datetime
from decimal import Decimal

import pytest

from gotong.organizations.models import Membership, Organization
from gotong.posyandu import services
from gotong.registry.models import Person
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from tests.browser.conftest import log_in


@pytest.fixture
def melati(areas, admin_user):
    from django.utils import timezone

    from gotong.accounts.models import User

    posyandu = Organization.objects.create(name="Posyandu Melati", kind="posyandu", area=areas["21.72.03.1005"])
    cadre = User.objects.create_user(username="wati", password="rahasia-123", role="org_staff", first_name="Wati")
    Membership.objects.create(organization=posyandu, user=cadre, role="kader", started_on=datetime.date(2020, 1, 1))
    household = HouseholdFactory(area=rt_in("21.72.03.1005", 1, 1), address="Jl. Bugis Gg. Mawar 3")
    PersonFactory(
        household=household, name="Siti Aminah", sex="P", relationship="kepala", birth_date=datetime.date(1995, 4, 4)
    )
    session = services.open_session(posyandu=posyandu, held_on=timezone.localdate(), acting_user=admin_user)
    return posyandu, session


def test_newborn_without_nik_is_registered_and_weighed_on_a_phone(phone, live_server, melati):
    from django.utils import timezone

    _posyandu, session = melati
    page = phone
    log_in(page, live_server, "wati")
    page.goto(f"{live_server.url}/posyandu/balita/baru/penduduk-baru/")
    page.get_by_label("Keluarga (KK)").press_sequentially("siti", delay=30)  # the family picker, by the mother's name
    page.get_by_role("button", name="Pilih Keluarga Siti Aminah").click()
    page.get_by_label("Nama anak").fill("Bayi Aminah")
    page.get_by_label("NIK belum ada").check()
    page.get_by_label("Jenis kelamin").select_option("P")
    born = timezone.localdate() - datetime.timedelta(days=10)
    page.get_by_label("Tanggal lahir").fill(born.isoformat())
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url("**/posyandu/balita/*/")
    assert page.get_by_text("NIK belum ada").is_visible()
    baby = Person.objects.get(name="Bayi Aminah")
    assert baby.nik is None and baby.nik_pending

    page.goto(f"{live_server.url}/posyandu/hari-buka/{session.pk}/timbang/{baby.posyandu_child.public_id}/")
    page.get_by_label("Berat badan (kg)").fill("3,4")
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    weighing = baby.posyandu_child.weighings.get()
    assert weighing.weight_kg == Decimal("3.40") and weighing.trend == "B"
    page.screenshot(path="test-results/posyandu-newborn-phone.png", full_page=True)
