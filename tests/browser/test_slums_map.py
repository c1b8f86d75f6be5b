"""The slum map in the browser: Leaflet draws one marker per location in the user's scope."""

from gotong.slums.demo import load_slum_demo
from tests.browser.conftest import log_in


def test_city_officer_sees_seven_markers(phone, live_server, city_officer, facilitator):
    load_slum_demo()
    page = phone
    log_in(page, live_server, "siti")
    page.goto(f"{live_server.url}/kumuh/peta/")
    page.wait_for_selector('#slum-map[data-loaded="7"]')
    assert page.locator("path.slum-marker").count() == 7
    page.locator("path.slum-marker").first.click(force=True)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "ha" in popup.inner_text() and popup.get_by_role("link", name="Buka lokasi").is_visible()
    page.screenshot(path="test-results/slums-map-phone.png", full_page=True)


def test_facilitator_sees_only_kampung_bugis(desktop, live_server, facilitator):
    load_slum_demo()
    page = desktop
    log_in(page, live_server, "budi")
    page.goto(f"{live_server.url}/kumuh/peta/")
    page.wait_for_selector('#slum-map[data-loaded="1"]')
    assert page.locator("path.slum-marker").count() == 1
