"""A cadre at the posyandu table with a phone: open this month's session, weigh a child, see the status."""

import datetime

import pytest

from gotong.organizations.models import Membership, Organization
from gotong.posyandu import services
from gotong.posyandu.models import Weighing
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from tests.browser.conftest import log_in


@pytest.fixture
def kenanga(areas, admin_user):
    from django.utils import timezone

    from gotong.accounts.models import User

    posyandu = Organization.objects.create(name="Posyandu Kenanga", kind="posyandu", area=areas["21.72.03.1005"])
    cadre = User.objects.create_user(username="wati", password="rahasia-123", role="org_staff", first_name="Wati")
    Membership.objects.create(organization=posyandu, user=cadre, role="kader", started_on=datetime.date(2020, 1, 1))
    household = HouseholdFactory(area=rt_in("21.72.03.1005", 1, 1))
    PersonFactory(
        household=household, name="Siti Aminah", sex="P", relationship="kepala", birth_date=datetime.date(1995, 4, 4)
    )
    today = timezone.localdate()
    children = []
    for name, sex, days in (("Nabila Putri", "P", 400), ("Rizky Pratama", "L", 900)):
        person = PersonFactory(
            household=household,
            name=name,
            sex=sex,
            relationship="anak",
            birth_date=today - datetime.timedelta(days=days),
        )
        children.append(
            services.register_child(
                posyandu=posyandu, person=person, registered_on=person.birth_date, acting_user=admin_user
            )
        )
    session = services.open_session(posyandu=posyandu, held_on=today, acting_user=admin_user)
    return posyandu, session, children


def test_cadre_weighs_a_child_on_a_phone_and_sees_the_status(phone, live_server, kenanga):
    posyandu, session, (nabila, rizky) = kenanga
    page = phone
    log_in(page, live_server, "wati")
    page.goto(f"{live_server.url}/posyandu/")
    page.goto(f"{live_server.url}/posyandu/hari-buka/{session.pk}/")
    page.get_by_role("link", name="Timbang berikutnya: Nabila Putri").click()
    page.get_by_label("Berat badan (kg)").fill("6,2")  # far too light for 13 months: below the red line
    page.get_by_label("Panjang/tinggi badan (cm)").fill("70,5")
    page.get_by_label("Telentang (panjang badan)").check()
    page.get_by_role("button", name="Simpan & berikutnya").click()
    page.wait_for_url(f"**/timbang/{rizky.public_id}/")
    assert page.get_by_text("Nabila Putri: 6,20 kg").is_visible()
    assert page.get_by_text("Berat badan sangat kurang").is_visible()
    assert page.get_by_role("heading", name="Rizky Pratama").is_visible()
    page.screenshot(path="test-results/posyandu-weighing-phone.png", full_page=True)

    page.goto(f"{live_server.url}/posyandu/balita/{nabila.public_id}/")
    status = page.locator("[data-status]").first
    assert status.get_by_text("Berat badan sangat kurang").is_visible()
    assert page.get_by_text("Rujuk ke puskesmas").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    weighing = Weighing.objects.get(child=nabila)
    assert weighing.bgm and weighing.waz_class == "severely_underweight"
    page.screenshot(path="test-results/posyandu-child-phone.png", full_page=True)
