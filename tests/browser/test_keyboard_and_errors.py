"""Keyboard and screen-reader users: a skip link past the menu, focus on the problem after a refused form, error texts
read with their field, and a language choice that waits for its button."""

from tests.browser.conftest import log_in

# Texts each id in the focused element's aria-describedby points to ("MISSING id" for an id not on the page).
DESCRIPTIONS = """() => (document.activeElement.getAttribute("aria-describedby") || "").split(" ").filter(Boolean)
  .map((id) => document.getElementById(id) ? document.getElementById(id).textContent.trim() : "MISSING " + id)"""


def test_skip_link_is_the_first_tab_stop_and_lands_in_the_content(phone, live_server, city_officer):
    page = phone
    log_in(page, live_server, "siti")
    page.goto(f"{live_server.url}/akun/kata-sandi/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Langsung ke isi")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Langsung ke isi"
    assert skip.is_visible()  # hidden until focused, then shown above the menu
    page.screenshot(path="/tmp/a11y-skip-link-phone.png")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "isi"
    # The next tab stop is the page's own first control, not the menu again.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_old_password"


def test_a_refused_login_puts_focus_on_its_error(desktop, live_server, city_officer):
    page = desktop
    page.goto(f"{live_server.url}/akun/masuk/")
    page.get_by_label("Nama pengguna").fill("siti")
    page.get_by_label("Kata sandi").fill("salah-sekali")
    with page.expect_navigation():
        page.get_by_role("button", name="Masuk").click()
    focused = page.evaluate("document.activeElement.getAttribute('role') + ' ' + document.activeElement.textContent")
    assert focused.startswith("alert ")
    assert "sandi yang benar" in focused.lower()


def test_a_refused_form_puts_focus_on_the_field_and_reads_its_error(desktop, live_server, city_officer):
    page = desktop
    log_in(page, live_server, "siti")
    page.goto(f"{live_server.url}/akun/kata-sandi/")
    page.locator("#id_old_password").fill("bukan-sandi-lama")
    page.locator("#id_new_password1").fill("Kampung-Bugis-2026")
    page.locator("#id_new_password2").fill("Kampung-Bugis-2026")
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Simpan kata sandi baru").click()
    assert page.evaluate("document.activeElement.id") == "id_old_password"
    assert page.evaluate("document.activeElement.getAttribute('aria-invalid')") == "true"
    described = page.evaluate(DESCRIPTIONS)
    assert described and not [text for text in described if text.startswith("MISSING")], described
    assert any("lama" in text.lower() or "old" in text.lower() for text in described), described
    # The new password's rules (help text) are read with that field too.
    page.locator("#id_new_password1").focus()
    help_texts = page.evaluate(DESCRIPTIONS)
    assert help_texts and not [text for text in help_texts if text.startswith("MISSING")], help_texts


def test_the_language_select_waits_for_its_button(desktop, live_server, city_officer):
    page = desktop
    log_in(page, live_server, "siti")
    page.evaluate("window.notReloaded = true")
    select = page.get_by_label("Bahasa")
    select.focus()
    page.keyboard.press("ArrowDown")  # moving through the list with the keyboard changes the value…
    select.select_option("en")
    page.wait_for_timeout(300)
    assert page.evaluate("window.notReloaded === true")  # …and does not reload the page
    assert page.evaluate("document.documentElement.lang") == "id"
    with page.expect_navigation():
        page.get_by_role("button", name="Ganti bahasa").click()
    assert page.evaluate("document.documentElement.lang") == "en"
