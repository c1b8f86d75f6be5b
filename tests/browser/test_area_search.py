"""Area search as people type it: numbers as digits, names split or joined differently."""

from tests.browser.conftest import log_in


def test_search_as_you_type_finds_villages_however_spelled(phone, live_server, city_officer):
    page = phone
    log_in(page, live_server, "siti")
    page.goto(f"{live_server.url}/wilayah/")
    search = page.get_by_role("searchbox")
    search.fill("26 Ilir")
    page.get_by_role("link", name="Dua-puluh-enam Ilir", exact=True).wait_for()
    search.fill("Tanjungpinang")
    page.get_by_role("link", name="Kota Tanjung Pinang").first.wait_for()
    page.get_by_role("link", name="Kota Tanjung Pinang").first.click()
    page.wait_for_url(f"{live_server.url}/wilayah/21.72/")
    assert page.get_by_role("heading", name="Kota Tanjung Pinang").is_visible()
