"""The browser tests that matter, against Gotong served in production mode (see conftest.py).

DEBUG is off, static files come collected and hashed through WhiteNoise, and the demo's personas use the forms
they use in real work: one form per module, the offline field app, the error pages, HEAD.
"""

import datetime
import http.client
import json
import secrets
import socket

import pytest
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from playwright.sync_api import expect

from tests.browser.production.conftest import log_in
from tests.browser.service_worker import wait_for_service_worker

pytestmark = [pytest.mark.production, pytest.mark.browser]

TODAY = datetime.date.today().isoformat()


def unique(text: str) -> str:
    return f"{text} {secrets.token_hex(3)}"


def submit(page, button=None):
    """Submit the page's main form and land on the page it redirects to, without validation errors."""
    form_url = page.url
    (button or page.locator("main form[method=post] [type=submit]").last).click()
    page.wait_for_url(lambda url: url != form_url)
    expect(page.locator(".is-invalid, .errorlist, .invalid-feedback:visible")).to_have_count(0)
    return page


def choose_first(select):
    """The first real choice of a select (skipping the empty "---------")."""
    value = select.evaluate("s => Array.from(s.options).find(o => o.value).value")
    select.select_option(value)


# One form per module, each as the persona who fills it in.


def test_facilitator_edits_a_household(desktop, production_server):
    page = desktop
    log_in(page, production_server, "faskel")
    page.goto(f"{production_server.url}/registrasi/")
    page.locator("main a[href^='/registrasi/kk/']:not([href$='/baru/'])").first.click()
    detail = page.url
    page.goto(f"{detail}ubah/")
    address = unique("Jl. Produksi No. 7")
    page.get_by_label("Alamat").fill(address)
    submit(page)
    assert page.url == detail
    expect(page.locator("main")).to_contain_text(address)


def test_facilitator_creates_a_gotong_royong_event(desktop, production_server):
    page = desktop
    log_in(page, production_server, "faskel")
    page.goto(f"{production_server.url}/gotong-royong/kegiatan/baru/")
    title = unique("Kerja bakti saluran")
    page.get_by_label("Nama kegiatan").fill(title)
    choose_first(page.get_by_label("Jenis"))
    page.get_by_label("Tanggal").fill(TODAY)
    page.get_by_label("Lama kegiatan (jam)").fill("3")
    choose_first(page.get_by_label("RT/RW/kelurahan"))
    submit(page)
    expect(page.locator("main")).to_contain_text(title)


def test_facilitator_edits_a_slum_location(desktop, production_server):
    page = desktop
    log_in(page, production_server, "faskel")
    page.goto(f"{production_server.url}/kumuh/")
    page.locator("main").get_by_role("link", name="Kampung Bugis").first.click()
    detail = page.url
    page.get_by_role("link", name="Ubah lokasi").click()
    # The linked RW/RT units stay as they are (a multi-select of the village's units); the decree's note changes.
    linked = page.get_by_label("RW/RT", exact=True).evaluate("select => select.selectedOptions.length")
    assert linked > 0
    units = unique("RW 03")
    page.get_by_label("Catatan RW/RT").fill(units)
    submit(page)
    assert page.url == detail
    expect(page.locator("main")).to_contain_text(units)


def test_city_officer_creates_a_program(desktop, production_server):
    page = desktop
    log_in(page, production_server, "kota")
    page.goto(f"{production_server.url}/program/baru/")
    name = unique("Bedah rumah")
    page.get_by_label("Nama program").fill(name)
    choose_first(page.get_by_label("Jenis"))
    choose_first(page.get_by_label("Penyelenggara"))
    choose_first(page.get_by_label("Wilayah sasaran"))
    submit(page)
    expect(page.locator("main")).to_contain_text(name)


def test_treasurer_records_a_cash_entry(desktop, production_server):
    page = desktop
    log_in(page, production_server, "bendahara")
    page.goto(f"{production_server.url}/kas/")
    page.locator("main a[href^='/kas/']:not([href='/kas/'])").first.click()
    page.get_by_role("link", name="Buku kas").first.click()
    page.goto(f"{page.url}catat/")
    description = unique("Iuran kebersihan")
    page.get_by_label("Tanggal").fill(TODAY)
    choose_first(page.get_by_label("Kategori"))
    page.get_by_label("Jumlah (Rp)").fill("25.000")
    page.get_by_label("Uraian").fill(description)
    submit(page)
    expect(page.locator("main")).to_contain_text(description)


def test_waste_bank_manager_records_a_deposit(desktop, production_server):
    page = desktop
    log_in(page, production_server, "banksampah")
    page.goto(f"{production_server.url}/bank-sampah/")
    page.locator("main").get_by_role("link", name="Catat setoran").click()
    choose_first(page.get_by_label("Anggota"))
    page.get_by_label("Tanggal").fill(TODAY)
    page.get_by_label("Kardus (kg)").fill("2,5")
    submit(page)
    expect(page.locator(".alert-success")).to_contain_text("dicatat")


def test_social_worker_logs_a_home_visit(desktop, production_server):
    page = desktop
    log_in(page, production_server, "psm")
    page.goto(f"{production_server.url}/kasus/")
    page.locator("main a[href$='/kunjungan/']").first.click()
    met_with = unique("Ibu kandung")
    page.get_by_label("Tanggal kunjungan").fill(TODAY)
    page.get_by_label("Bertemu dengan").fill(met_with)
    adherence = page.get_by_label("Ya, minum obat sesuai resep")
    if adherence.count():  # asked only when the case's plan includes medication
        adherence.check()
    page.get_by_label("Kondisi").fill("Sehat, minum obat teratur.")
    submit(page)
    expect(page.locator(".alert-success")).to_be_visible()


# The offline field app (posyandu weighing by a cadre).


def test_cadre_weighs_offline_and_the_entry_syncs(phone, production_server):
    page = phone
    response = page.request.get(f"{production_server.url}/lapangan/sw.js")
    assert response.status == 200
    assert response.headers["content-type"].startswith("application/javascript")
    assert "STATIC_PREFIX" in response.text()

    log_in(page, production_server, "kader")
    page.goto(f"{production_server.url}/lapangan/")
    page.get_by_role("link", name="Penimbangan balita").click()
    wait_for_service_worker(page)
    expect(page.locator("#entry")).to_be_visible()
    expect(page.get_by_label("Balita").locator("option[value]:not([value=''])").first).to_be_attached()

    page.context.set_offline(True)
    expect(page.locator("#net")).to_contain_text("Tanpa sinyal")
    choose_first(page.get_by_label("Balita"))
    page.get_by_label("Tanggal ukur").fill(TODAY)
    page.get_by_label("Berat badan (kg)").fill("9,3")
    page.get_by_role("button", name="Simpan penimbangan").click()
    expect(page.locator("#queue-count")).to_have_text("1 menunggu dikirim")

    page.reload()  # offline: the shell from the service worker's cache, the entry from IndexedDB
    expect(page.locator("#queue-count")).to_have_text("1 menunggu dikirim")

    page.context.set_offline(False)  # the `online` event sends the queue
    expect(page.locator("#queue-count")).to_have_text("Semua isian sudah terkirim")
    expect(page.locator("#queue-list")).to_contain_text("Terkirim")


# Error pages and HTTP.


def has_template(name: str) -> bool:
    try:
        get_template(name)
    except TemplateDoesNotExist:
        return False
    return True


def assert_indonesian_error_page(page, template: str) -> None:
    """Once the site has its own error page, it is the site's (Indonesian, with the layout), not Django's."""
    if not has_template(template):
        return  # Django's bare page: only the status is asserted until the project's template exists
    assert page.locator("html").get_attribute("lang") == "id"
    expect(page.locator("body")).not_to_contain_text("Not Found")
    expect(page.locator("body")).not_to_contain_text("Forbidden")


def test_unknown_address_is_a_404(desktop, production_server):
    response = desktop.goto(f"{production_server.url}/tidak-ada-halaman-ini/")
    assert response.status == 404
    assert "Traceback" not in desktop.content()  # DEBUG is really off
    assert_indonesian_error_page(desktop, "404.html")


def test_forbidden_page_is_a_403(desktop, production_server):
    page = desktop
    log_in(page, production_server, "warga")
    response = page.goto(f"{production_server.url}/program/baru/")
    assert response.status == 403
    assert_indonesian_error_page(page, "403.html")


def test_a_bad_host_and_an_oversize_form_get_the_indonesian_400_page(production_server):
    connection = http.client.HTTPConnection(production_server.host, production_server.port, timeout=10)
    connection.request("GET", "/akun/masuk/", headers={"Host": "penyerang.example"})
    response = connection.getresponse()
    page = response.read().decode()
    assert response.status == 400 and "Permintaan tidak dapat diproses" in page and "Bad Request" not in page

    # A form body over DATA_UPLOAD_MAX_MEMORY_SIZE (20 MB unless set), with a CSRF cookie so that it is the size,
    # not the missing cookie, that is refused.
    connection = http.client.HTTPConnection(production_server.host, production_server.port, timeout=30)
    connection.request("GET", "/akun/masuk/")
    login = connection.getresponse()
    login.read()
    cookie = next(c.split(";")[0] for c in login.headers.get_all("Set-Cookie") if c.startswith("csrftoken="))
    body = b"username=x&password=" + b"y" * (21 * 1024 * 1024)
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}
    connection.request("POST", "/akun/masuk/", body=body, headers=headers)
    response = connection.getresponse()
    page = response.read().decode()
    assert response.status == 400 and "Data yang dikirim terlalu besar" in page


def test_healthz_reports_the_database(production_server):
    connection = http.client.HTTPConnection(production_server.host, production_server.port, timeout=10)
    connection.request("GET", "/healthz")
    response = connection.getresponse()
    assert response.status == 200
    assert json.loads(response.read())["status"] == "ok"


def read_response(stream) -> tuple[bytes, dict[str, str], bytes]:
    """Status line, headers and (Content-Length) body of the next response on a kept-alive connection."""
    status = stream.readline().rstrip(b"\r\n")
    headers = {}
    while line := stream.readline().rstrip(b"\r\n"):
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    body = stream.read(int(headers.get("content-length", 0)))
    return status, headers, body


def test_head_has_no_body_and_keeps_the_connection_usable(production_server):
    """HEAD then GET on one kept-alive connection: the GET's status line comes right after the HEAD's headers.

    One buffered reader for both responses, unlike http.client (which makes a new reader per response and so
    silently drops a HEAD body whenever it arrived in the same packet as the headers).
    """
    with socket.create_connection((production_server.host, production_server.port), timeout=10) as sock:
        stream = sock.makefile("rb")
        sock.sendall(b"HEAD /akun/masuk/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        status = stream.readline().rstrip(b"\r\n")
        assert status == b"HTTP/1.1 200 OK"
        head_headers = {}
        while line := stream.readline().rstrip(b"\r\n"):
            name, _, value = line.decode("latin-1").partition(":")
            head_headers[name.strip().lower()] = value.strip()
        assert head_headers.get("connection", "").lower() != "close"

        sock.sendall(b"GET /akun/masuk/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        status, headers, body = read_response(stream)
        assert status == b"HTTP/1.1 200 OK"
        assert "Nama pengguna" in body.decode()
        # The HEAD announced what the GET delivers, without delivering it itself.
        assert head_headers["content-type"] == headers["content-type"]
