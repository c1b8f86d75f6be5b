"""An anonymous visitor on a phone reads the public portal: cities, then a city, with "<5" for small counts."""

import pytest

from gotong.portal.tests.town import build_town


@pytest.fixture
def town(areas, city_officer):
    return build_town(city_officer)


def test_anonymous_phone_visitor_reads_a_city(phone, live_server, town):
    page = phone
    response = page.goto(f"{live_server.url}/publik/")
    assert response.status == 200
    assert "/login" not in page.url
    assert page.get_by_role("heading", name="Portal transparansi Gotong").is_visible()
    page.get_by_role("link", name="Tanjung Pinang").click()
    page.wait_for_url("**/publik/21.72/")
    assert page.locator("#households-total").inner_text() == "21"
    villages = page.locator("#villages")
    small = villages.locator("tr", has_text="Kampung Baru")
    assert small.locator("td").nth(1).inner_text() == "<5"
    assert villages.locator("tr", has_text="Senggarang").locator("td").nth(1).inner_text() == "—"
    assert page.locator("#deciles").get_by_text("<5").count() == 2
    # Rows stack on a 360 px phone: nothing wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path="/tmp/h_portal/portal_city_phone.png", full_page=True)
    villages.get_by_role("link", name="Kampung Bugis").click()
    page.wait_for_url("**/publik/21.72.03.1005/")
    assert page.locator("#households-total").inner_text() == "12"
    assert page.get_by_text("150.000.000").first.is_visible()
