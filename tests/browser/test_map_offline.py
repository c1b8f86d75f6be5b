"""Maps without tiles: offline, blocked or switched off, the slum map still draws its points on a plain background,
and tiles that hang never hold up the page's load event (the shared setup adds them after it)."""

import copy
import socket
import threading

import pytest

from gotong.slums.demo import load_slum_demo
from tests.browser.conftest import log_in

LOAD_MS = "(() => { const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime; })()"


@pytest.fixture
def hanging_tile_server():
    """A tile server that accepts every connection and never answers (a slow or unreachable tile host)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    held, stop = [], threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    server.close()


def open_map(page, live_server):
    page.goto(f"{live_server.url}/kumuh/peta/", wait_until="load", timeout=10_000)
    load_ms = page.evaluate(LOAD_MS)
    page.wait_for_selector('#slum-map[data-loaded="7"]')
    assert page.locator("path.slum-marker").count() == 7
    return load_ms


def test_the_map_draws_its_points_without_tiles_and_hanging_tiles_do_not_delay_the_page(
    phone, live_server, city_officer, facilitator, settings, hanging_tile_server
):
    load_slum_demo()
    page = phone
    log_in(page, live_server, "siti")

    # Tiles switched off (GOTONG_MAP_TILES empty): no tile is even asked for.
    settings.GOTONG_MAP_TILES = ""
    asked = []
    page.on("request", lambda request: asked.append(request.url) if "tile" in request.url else None)
    without_tiles = min(open_map(page, live_server) for _ in range(2))
    assert page.get_attribute("#slum-map", "data-tiles") == "off" and not asked

    # Tiles hanging (a slow or unreachable tile server): the load event comes as fast as without tiles.
    settings.GOTONG_MAP_TILES = hanging_tile_server + "/{z}/{x}/{y}.png"
    policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
    policy["DIRECTIVES"]["img-src"] = [*policy["DIRECTIVES"]["img-src"], hanging_tile_server]  # as at start-up
    settings.CONTENT_SECURITY_POLICY = policy
    with_hanging_tiles = min(open_map(page, live_server) for _ in range(2))
    page.wait_for_selector("img.leaflet-tile", state="attached")  # asked for after the load event, still pending
    assert page.evaluate("[...document.querySelectorAll('img.leaflet-tile')].every((img) => !img.complete)")
    assert with_hanging_tiles < 3 * without_tiles + 300, (with_hanging_tiles, without_tiles)

    # Tiles failing (offline): the layer gives up and the plain background stays.
    settings.GOTONG_MAP_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    page.route("**/*tile*", lambda route: route.abort())
    open_map(page, live_server)
    page.wait_for_selector('#slum-map[data-tiles="failed"]', state="attached")
    assert page.locator("img.leaflet-tile").count() == 0

    page.screenshot(path="test-results/map-without-tiles-phone.png", full_page=True)
