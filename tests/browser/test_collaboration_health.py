"""A facilitator opens the collaboration health page from their home on a 360 px phone and reads the five stages
of Kampung Bugis in 2018."""

from axe_playwright_python.sync_playwright import Axe

from gotong.collaboration.demo import load_collaboration_demo
from tests.browser.conftest import log_in
from tests.browser.test_accessibility import _violations


def test_health_page_from_facilitator_home_on_phone(
    phone, live_server, areas, facilitator, admin_user, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path  # the demo's after photos
    forum = load_collaboration_demo(acting_user=admin_user)["forum"]
    page = phone
    log_in(page, live_server, "budi")
    home_block = page.locator("[data-home-health]")
    assert home_block.locator("[data-warning]").count() == 3  # the top warnings, each a link to its record
    home_block.get_by_role("link", name="Kesehatan kolaborasi").click()
    page.wait_for_url("**/kolaborasi/kesehatan/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    axe = Axe()
    assert _violations(page, axe, "health list at 360 px") == []

    page.get_by_label("Sampai bulan").fill("2018-12")
    page.get_by_label("Panjang periode").select_option("12")
    page.get_by_role("button", name="Tampilkan").click()
    page.wait_for_url("**/kolaborasi/kesehatan/?sampai=2018-12&bulan=12")
    page.get_by_role("link", name=forum.name).click()
    page.wait_for_url(f"**/kolaborasi/kesehatan/forum/{forum.pk}/?sampai=2018-12&bulan=12")
    for stage in ("dialogue", "trust", "commitment", "understanding", "small_wins"):
        assert page.locator(f'[data-stage-card="{stage}"]').get_attribute("data-evidence") == "yes"
    assert page.get_by_role("heading", name="Definisi").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # no sideways scrolling
    page.screenshot(path="test-results/collaboration-health-phone.png", full_page=True)
    assert _violations(page, axe, "health page at 360 px") == []  # no serious or critical WCAG finding
    # A warning leads to its record: the first one is the forum that stopped meeting.
    page.locator("[data-health-warnings] [data-warning='quiet_forum'] a").click()
    page.wait_for_url(f"**/kolaborasi/forum/{forum.pk}/")
