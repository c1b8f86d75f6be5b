"""Stored XSS: free text typed by one user is shown as text on every page that shows it, never run as HTML.

Each free-text field below holds a payload that would set `window.__xss` if any page (server template, Leaflet
tooltip or popup, the offline field app) inserted it as HTML. The pages must show the text literally.
"""

from playwright.sync_api import expect

from gotong.collaboration.demo import load_collaboration_demo
from gotong.collaboration.models import Agreement, Forum, Project
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from gotong.slums.demo import load_slum_demo
from gotong.slums.models import SlumLocation
from gotong.wastebank.models import Member
from tests.browser.conftest import log_in
from tests.browser.test_field_forms import bank  # noqa: F401 — fixture

PAYLOAD = "<img src=x onerror=window.__xss=1>"


def _no_script_ran(page):
    assert page.evaluate("typeof window.__xss") == "undefined"


def test_map_tooltip_popup_and_lists_show_payloads_as_text(desktop, live_server, city_officer, facilitator):
    load_slum_demo()
    load_collaboration_demo(city_officer)
    SlumLocation.objects.update(name=f"Lokasi {PAYLOAD}")
    Project.objects.filter(pk=Project.objects.order_by("pk").first().pk).update(name=f"Kegiatan {PAYLOAD}")
    Agreement.objects.update(title=f"Kesepakatan {PAYLOAD}")
    Forum.objects.update(name=f"Forum {PAYLOAD}")
    household = HouseholdFactory(area=rt_in("21.72.03.1005", 1, 1), address=f"Jl. {PAYLOAD}")
    PersonFactory(household=household, name="Kepala Uji")

    page = desktop
    log_in(page, live_server, "siti")
    page.goto(f"{live_server.url}/kumuh/peta/")
    page.wait_for_selector("#slum-map[data-loaded]")
    for n in range(page.locator("path.slum-marker").count()):
        marker = page.locator("path.slum-marker").nth(n)
        marker.hover(force=True)
        marker.click(force=True)
        page.wait_for_timeout(50)
        _no_script_ran(page)
    expect(page.locator(".leaflet-popup-content, .leaflet-tooltip").filter(has_text=PAYLOAD).first).to_be_attached()
    assert page.locator(".leaflet-popup-content img, .leaflet-tooltip img").count() == 0

    for path, text in [
        ("/kolaborasi/kegiatan/", f"Kegiatan {PAYLOAD}"),
        ("/kolaborasi/", f"Kesepakatan {PAYLOAD}"),
        ("/kolaborasi/forum/", f"Forum {PAYLOAD}"),
        ("/registrasi/", f"Jl. {PAYLOAD}"),
    ]:
        page.goto(f"{live_server.url}{path}")
        expect(page.get_by_text(text).first).to_be_visible()
        _no_script_ran(page)


def test_field_app_member_list_shows_a_name_as_text(phone, live_server, bank):  # noqa: F811
    person = Member.objects.get(bank=bank).person
    person.name = PAYLOAD
    person.save(update_fields=["name"])

    page = phone
    log_in(page, live_server, "maimunah")
    page.goto(f"{live_server.url}/lapangan/setoran/")
    # page.evaluate, not wait_for_function: the site's CSP (no 'unsafe-eval') refuses a predicate evaluated in the page.
    page.evaluate(
        """() => navigator.serviceWorker.controller !== null || new Promise((resolve) =>
            navigator.serviceWorker.addEventListener("controllerchange", () => resolve(true)))"""
    )
    expect(page.get_by_label("Anggota").locator("option", has_text=PAYLOAD)).to_have_count(1)
    _no_script_ran(page)
