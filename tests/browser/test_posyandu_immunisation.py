"""A cadre at the posyandu's services table with a phone: a two-month-old's doses in one submit, then the card."""

import datetime

import pytest

from gotong.organizations.models import Membership, Organization
from gotong.posyandu import services
from gotong.posyandu.immunisation import services as immunisation
from gotong.posyandu.models import Immunisation
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from tests.browser.conftest import log_in


@pytest.fixture
def baby(areas, admin_user):
    from django.utils import timezone

    from gotong.accounts.models import User

    posyandu = Organization.objects.create(name="Posyandu Kenanga", kind="posyandu", area=areas["21.72.03.1005"])
    cadre = User.objects.create_user(username="wati", password="rahasia-123", role="org_staff", first_name="Wati")
    Membership.objects.create(organization=posyandu, user=cadre, role="kader", started_on=datetime.date(2020, 1, 1))
    household = HouseholdFactory(area=rt_in("21.72.03.1005", 1, 1))
    today = timezone.localdate()
    person = PersonFactory(
        household=household,
        name="Nabila Putri",
        sex="P",
        relationship="anak",
        birth_date=today - datetime.timedelta(days=62),
    )
    child = services.register_child(
        posyandu=posyandu, person=person, registered_on=person.birth_date, acting_user=admin_user
    )
    # HB0 at birth, BCG and polio 1 at a month (puskesmas).
    immunisation.record_doses(child=child, doses=[("hb0", 1)], given_on=person.birth_date, acting_user=admin_user)
    immunisation.record_doses(
        child=child,
        doses=[("bcg", 1), ("polio", 1)],
        given_on=person.birth_date + datetime.timedelta(days=31),
        place="puskesmas",
        acting_user=admin_user,
    )
    session = services.open_session(posyandu=posyandu, held_on=today, acting_user=admin_user)
    return session, child


def test_cadre_records_an_immunisation_on_a_phone(phone, live_server, baby):
    session, child = baby
    page = phone
    log_in(page, live_server, "wati")
    # Meja 1: she came; meja 5 (services) lists the doses she is due, linked to the immunisation page.
    page.goto(f"{live_server.url}/posyandu/hari-buka/{session.pk}/")
    page.get_by_role("button", name="Hadir Nabila Putri").click()
    page.goto(f"{live_server.url}/posyandu/hari-buka/{session.pk}/?meja=5")
    page.get_by_role("link", name="Imunisasi Nabila Putri").click()
    assert page.get_by_role("heading", name="Imunisasi: Nabila Putri").is_visible()
    # Polio 3 ticked by mistake: refused in Indonesian, nothing saved.
    page.get_by_label("Polio tetes (OPV) 3", exact=False).check()
    page.get_by_role("button", name="Simpan imunisasi").click()
    assert page.get_by_text("Polio tetes (OPV) 2 belum tercatat").first.is_visible()
    assert Immunisation.objects.filter(child=child).count() == 3
    page.get_by_label("Polio tetes (OPV) 3", exact=False).uncheck()
    for label in ("Polio tetes (OPV) 2", "DPT-HB-Hib 1", "PCV (pneumokokus) 1", "Rotavirus (RV) 1"):
        page.get_by_label(label, exact=False).check()
    page.get_by_role("button", name="Simpan imunisasi").click()
    page.wait_for_url(f"**/hari-buka/{session.pk}/")
    assert page.get_by_text("Nabila Putri: Polio tetes (OPV) 2, DPT-HB-Hib 1").is_visible()
    assert Immunisation.objects.filter(child=child, session=session).count() == 4

    page.goto(f"{live_server.url}/posyandu/balita/{child.public_id}/")
    card = page.locator("section", has=page.get_by_role("heading", name="Imunisasi"))
    assert card.get_by_text("Belum Imunisasi Dasar Lengkap (IDL).").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path="test-results/posyandu-immunisation-card-phone.png", full_page=True)
    page.goto(f"{live_server.url}/posyandu/imunisasi/")
    page.screenshot(path="test-results/posyandu-immunisation-due-phone.png", full_page=True)
    # Her next doses come four weeks after today's: nobody is due for the rest of this month.
    assert page.get_by_text("Tidak ada anak yang dijadwalkan imunisasi bulan ini.").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
