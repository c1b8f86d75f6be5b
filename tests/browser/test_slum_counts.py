"""A facilitator on a phone enters a slum assessment from counts, with the hectares typed the Indonesian way."""

from decimal import Decimal

from django.urls import reverse

from gotong.slums.demo import load_slum_demo
from gotong.slums.models import SlumLocation
from gotong.slums.tests.test_counts import SUMBERMULYO_BASES, SUMBERMULYO_COUNTS
from tests.browser.conftest import log_in


def test_assessment_from_counts_with_a_decimal_comma(phone, live_server, facilitator):
    load_slum_demo()
    bugis = SlumLocation.objects.get(name="Kampung Bugis")
    page = phone
    log_in(page, live_server, "budi")
    page.goto(live_server.url + reverse("slums:assessment-create", args=[bugis.pk]))
    area = page.locator('[name="affected_area_ha"]')
    assert area.get_attribute("type") == "text" and area.get_attribute("inputmode") == "decimal"
    area.press_sequentially("3,2")
    # The 21 counts in one go (typing each is slow and proves nothing more), then one input event as typing sends.
    values = {name: str(value).replace(".", ",") for name, value in SUMBERMULYO_BASES.items()}
    values.update({f"c_{code}": str(value) for code, value in SUMBERMULYO_COUNTS.items()})
    page.evaluate(
        """values => {
            for (const [name, value] of Object.entries(values)) {
                document.querySelector(`[name="${name}"]`).value = value;
            }
            document.getElementById("assessment-form").dispatchEvent(new Event("input", {bubbles: true}));
        }""",
        values,
    )
    # The percent is computed while typing: 605 of 780 m of road.
    assert page.locator("#computed-2b").inner_text() == "= 77,56 % → nilai 5"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path="test-results/slum-counts-form-phone.png", full_page=True)
    page.get_by_role("button", name="Simpan penilaian").click()
    page.wait_for_url(live_server.url + reverse("slums:detail", args=[bugis.pk]))
    assert "total 38, Kumuh sedang" in page.locator("body").inner_text()
    assert "3,20" in page.locator("[data-trend]").inner_text()  # shown back with the comma
    latest = bugis.assessments.order_by("-assessed_on").first()
    assert latest.affected_area_ha == Decimal("3.2") and latest.total == 38  # stored 3.2, not 32
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path="test-results/slum-counts-phone.png", full_page=True)
