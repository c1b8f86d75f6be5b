"""The field app on a bad network, against Gotong in production mode (issue 19): a connection that never answers
falls back to what is saved within the timeout, and every form's first load, reference data and the service
worker's downloads included, stays within 150 KB on the wire, a repeat open online within 10 KB."""

import time

import pytest
from playwright.sync_api import expect

from gotong.bench.fieldnet import BROWSER_ARGS, FORMS, log_in, measure_form, wait_for_worker
from tests.browser.production.hangproxy import HangProxy

pytestmark = [pytest.mark.production, pytest.mark.browser]

FIRST_LOAD_BUDGET = 150 * 1024
REPEAT_BUDGET = 10 * 1024
# The service worker gives up on the network after 5 s, the page after 6 s; allow the slow CI machine a margin.
FALLBACK_WITHIN = 12
SEND_TIMEOUT_S = 12  # field.js SEND_TIMEOUT


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=BROWSER_ARGS)
        yield browser
        browser.close()


@pytest.mark.parametrize(("kind", "slug", "username"), FORMS, ids=[kind for kind, _slug, _user in FORMS])
def test_form_weight_on_the_wire(chromium, production_server, kind, slug, username):
    result = measure_form(chromium, production_server.url, kind, slug, username)
    first = "\n".join(f"  {r['by']:>14} {r['bytes']:>7} {r['url']}" for r in result["first_requests"])
    repeat = "\n".join(f"  {r['by']:>14} {r['bytes']:>7} {r['url']}" for r in result["repeat_requests"])
    print(f"\n{kind}: first {result['first_bytes']} B\n{first}\nrepeat {result['repeat_bytes']} B\n{repeat}")
    urls = [r["url"] for r in result["first_requests"]]
    # The measurement saw what it must: the page, the form's own data and the worker's install downloads.
    assert any(f"/api/v1/lapangan/data/{kind}/" in url for url in urls), urls
    assert any(r["by"] == "service_worker" for r in result["first_requests"]), first
    assert any("bootstrap" in url for url in urls), "the emptied cache must make the first open pay for Bootstrap"
    assert result["first_bytes"] <= FIRST_LOAD_BUDGET, first
    assert result["repeat_bytes"] <= REPEAT_BUDGET, repeat


def test_static_files_pages_and_data_leave_compressed(chromium, production_server):
    """What `gotong serve` sends a browser: precompressed static files (Brotli or gzip), gzipped pages and JSON."""
    context = chromium.new_context()
    try:
        page = context.new_page()
        log_in(page, production_server.url, "kader")
        seen = {}
        page.on("response", lambda r: seen.setdefault(r.url.split("?")[0], r.all_headers().get("content-encoding")))
        with page.expect_response(lambda r: "/api/v1/lapangan/data/weighing/" in r.url) as data:
            page.goto(f"{production_server.url}/lapangan/timbang/")
        expect(page.locator("#entry")).to_be_visible()
        assert data.value.all_headers().get("content-encoding") == "gzip"
        encodings = {url.removeprefix(production_server.url): value for url, value in seen.items()}
        assert encodings["/lapangan/timbang/"] == "gzip"
        assets = {url: value for url, value in encodings.items() if url.endswith((".css", ".js"))}
        assert len(assets) == 3 and set(assets.values()) <= {"br", "gzip"}, assets
    finally:
        context.close()


def test_a_connection_that_never_answers_falls_back_to_saved_data(chromium, production_server):
    proxy = HangProxy(production_server.port)
    context = chromium.new_context(viewport={"width": 360, "height": 740}, locale="id-ID")
    try:
        page = context.new_page()
        page.set_default_timeout(30_000)
        log_in(page, proxy.url, "kader")
        url = f"{proxy.url}/lapangan/timbang/"
        page.goto(url)
        wait_for_worker(page)
        expect(page.locator("#entry")).to_be_visible()  # page and data saved while the network worked
        expect(page.locator("#net")).to_have_attribute("data-state", "online")

        # "Signal but no data": connections are accepted, nothing ever answers, the service worker's included.
        proxy.hanging.set()
        started = time.monotonic()
        page.goto(url, wait_until="commit", timeout=FALLBACK_WITHIN * 1000)
        expect(page.locator("#entry")).to_be_visible(timeout=FALLBACK_WITHIN * 1000)
        expect(page.locator("#net")).to_have_text("Jaringan lambat, memakai data tersimpan")
        waited = time.monotonic() - started
        assert waited < FALLBACK_WITHIN, waited
        assert proxy.held, "no request reached the hung proxy: the test did not hang the network"
        assert page.get_by_label("Balita").locator("option[value]:not([value=''])").count() > 0

        # An entry made now waits on the phone: its send times out, and it is neither lost nor sent twice.
        # The last child: the main production test weighs the first one.
        last = page.get_by_label("Balita").evaluate("s => s.options[s.options.length - 1].value")
        page.get_by_label("Balita").select_option(last)
        page.get_by_label("Berat badan (kg)").fill("9,4")
        page.get_by_role("button", name="Simpan penimbangan").click()
        expect(page.locator("#queue-count")).to_have_text("1 menunggu dikirim")
        page.wait_for_timeout(SEND_TIMEOUT_S * 1000 + 1000)  # the send gave up: still waiting, not lost
        expect(page.locator("#queue-count")).to_have_text("1 menunggu dikirim")

        proxy.drop_connections()  # the signal is back
        page.get_by_role("button", name="Kirim sekarang").click()
        expect(page.locator("#queue-count")).to_have_text("Semua isian sudah terkirim", timeout=30_000)
        expect(page.locator("#queue-list .queue-item[data-status=sent]")).to_have_count(1)
    finally:
        context.close()
        proxy.close()
