"""A cadre on a 360 px phone records a woman's pregnancy from the registry, then her antenatal visit, and sees the
risk flags and the trimester contacts on her page; then the birth adds the baby to the household."""

import datetime

import pytest

from gotong.organizations.models import Membership, Organization
from gotong.posyandu.models import Pregnancy
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from tests.browser.conftest import log_in


@pytest.fixture
def kenanga(areas):
    from gotong.accounts.models import User

    posyandu = Organization.objects.create(name="Posyandu Kenanga", kind="posyandu", area=areas["21.72.03.1005"])
    cadre = User.objects.create_user(username="wati", password="rahasia-123", role="org_staff", first_name="Wati")
    Membership.objects.create(organization=posyandu, user=cadre, role="kader", started_on=datetime.date(2020, 1, 1))
    household = HouseholdFactory(area=rt_in("21.72.03.1005", 1, 1), address="Jl. Bugis Gg. Mawar 3")
    PersonFactory(household=household, name="Rahmat", relationship="kepala", birth_date=datetime.date(1990, 1, 1))
    PersonFactory(
        household=household, name="Nurul Aini", sex="P", relationship="pasangan", birth_date=datetime.date(1996, 4, 4)
    )
    return posyandu


def test_cadre_records_a_pregnant_womans_visit_on_a_phone(phone, live_server, kenanga):
    from django.utils import timezone

    today = timezone.localdate()
    page = phone
    log_in(page, live_server, "wati")
    page.goto(f"{live_server.url}/posyandu/ibu-hamil/baru/")
    page.get_by_label("Ibu hamil (dari registrasi penduduk)").press_sequentially("nurul", delay=30)
    page.get_by_role("button", name="Pilih Nurul Aini").click()
    page.get_by_label("HPHT (hari pertama haid terakhir)").fill((today - datetime.timedelta(weeks=20)).isoformat())
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url("**/posyandu/ibu-hamil/*/")
    assert page.get_by_text("1 kontak ANC terlewat").is_visible()  # no first-trimester contact

    page.get_by_role("link", name="Catat pemeriksaan").click()
    page.get_by_label("Tempat periksa").select_option("posyandu")
    page.get_by_label("LiLA (cm)").fill("22,5")
    page.get_by_label("Hb (g/dL)").fill("10,8")
    page.get_by_label("Tekanan darah sistolik (mmHg)").fill("120")
    page.get_by_label("Tekanan darah diastolik (mmHg)").fill("80")
    page.get_by_label("Tablet tambah darah (TTD) diberikan").fill("30")
    page.get_by_role("button", name="Simpan pemeriksaan").click()
    page.wait_for_url("**/posyandu/ibu-hamil/*/")
    assert page.get_by_text("Risiko KEK: LiLA 22,5 cm (< 23,5 cm)").is_visible()
    assert page.get_by_text("Anemia: Hb 10,8 g/dL (< 11 g/dL)").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path="test-results/posyandu-pregnancy-phone.png", full_page=True)
    visit = Pregnancy.objects.get().visits.get()
    assert (visit.trimester, visit.iron_tablets) == (2, 30)

    page.goto(f"{live_server.url}/posyandu/ibu-hamil/")
    assert page.get_by_role("link", name="Nurul Aini").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path="test-results/posyandu-pregnancy-list-phone.png", full_page=True)


def test_cadre_records_an_antenatal_visit_in_the_offline_field_form(phone, live_server, kenanga):
    from django.utils import timezone
    from playwright.sync_api import expect

    from gotong.accounts.models import User
    from gotong.posyandu.pregnancy import services
    from gotong.registry.models import Person

    cadre = User.objects.get(username="wati")
    lmp = timezone.localdate() - datetime.timedelta(weeks=30)
    woman = Person.objects.get(name="Nurul Aini")
    services.register_pregnancy(posyandu=kenanga, person=woman, lmp=lmp, acting_user=cadre)
    page = phone
    log_in(page, live_server, "wati")
    page.goto(f"{live_server.url}/lapangan/periksa-hamil/")
    page.get_by_label("Ibu hamil").select_option(index=1)
    expect(page.locator("#pregnancy-note")).to_contain_text("30 minggu")
    page.get_by_label("Tempat periksa").select_option("bidan")
    page.get_by_label("Hb (g/dL)").fill("10,5")
    page.get_by_label("Sistolik").fill("150")
    page.get_by_label("Diastolik").fill("100")
    page.get_by_role("button", name="Simpan pemeriksaan").click()
    expect(page.locator("#queue-list")).to_contain_text("Terkirim")
    visit = Pregnancy.objects.get().visits.get()
    assert (visit.place, str(visit.hb_g_dl), visit.systolic, visit.trimester) == ("bidan", "10.5", 150, 3)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
