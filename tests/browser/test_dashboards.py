"""A city officer opens the city dashboard on a phone and follows a number down to the list behind it."""

from gotong.areas.models import Area
from gotong.dashboards.tests.conftest import other_village, today, town  # noqa: F401  (fixtures)
from tests.browser.conftest import log_in


def test_city_officer_clicks_a_number_through_to_the_list(phone, live_server, town, city_officer):  # noqa: F811
    page = phone
    log_in(page, live_server, "siti")
    page.goto(f"{live_server.url}/dasbor/")
    page.wait_for_url("**/dasbor/21.72/")
    households = page.locator('[data-figure="households"]')
    assert households.locator("span").inner_text() == "5"
    assert page.locator('img[data-chart="deciles"]').is_visible()
    # The slum map (Leaflet from our own static files) has fetched its scoped GeoJSON.
    page.wait_for_selector("#area-map[data-loaded]", state="attached")
    # Nothing wider than the phone: the page does not scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path="test-results/dashboard-city-phone.png", full_page=True)

    page.locator('[data-decile="1"]').click()
    page.wait_for_url("**/registrasi/?wilayah=21.72&desil=1")
    rows = page.locator("tbody tr")
    assert rows.count() == 2

    page.go_back()
    page.get_by_text("Wilayah di dalamnya").click()
    page.get_by_role("link", name=Area.objects.get(code="21.72.03").name, exact=True).click()
    page.wait_for_url("**/dasbor/21.72.03/")
    page.get_by_text("Wilayah di dalamnya").click()
    page.get_by_role("link", name="Kampung Bugis").click()
    page.wait_for_url("**/dasbor/21.72.03.1005/")
    assert page.get_by_role("heading", name="Posyandu, Maret 2026").is_visible()
