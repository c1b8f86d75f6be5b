"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server."""

import os
import shutil

import pytest

CHROMIUM = "/usr/bin/chromium"

# Playwright's sync API runs an event loop in this thread; the test's own ORM calls are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = pytest.mark.browser


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            if not shutil.which(CHROMIUM):
                item.add_marker(pytest.mark.skip(reason=f"{CHROMIUM} missing: run `make test` as root to install it"))


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            # No network beyond loopback here: keep Chromium from calling home.
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield browser
        browser.close()


def _new_page(browser, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="id-ID")
    page = context.new_page()
    # Generous: CI machines are shared and a first page under load can take seconds; a real hang still fails.
    page.set_default_timeout(30_000)
    return context, page


@pytest.fixture
def phone(browser):
    """A 360 px wide phone, as many cadres and facilitators use."""
    context, page = _new_page(browser, 360, 740)
    yield page
    context.close()


@pytest.fixture
def desktop(browser):
    context, page = _new_page(browser, 1280, 900)
    yield page
    context.close()


def log_in(page, live_server, username, password="rahasia-123"):
    page.goto(f"{live_server.url}/akun/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{live_server.url}/")
