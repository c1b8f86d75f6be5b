"""Production mode: settings read from the environment, security headers, error pages, login throttle, HEAD."""

import http.client
import os
import re
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, RequestFactory
from django.urls import path, reverse

from gotong.core.env import env_bool, env_int, env_secret, stored_secret_key

REPO = Path(__file__).resolve().parents[3]

# The production environment README.md's "Running in production" documents (besides DATABASE_URL and the key).
DOCUMENTED_PRODUCTION_ENV = {
    "DEBUG": "false",
    "ALLOWED_HOSTS": "gotong.example.go.id",
    "CSRF_TRUSTED_ORIGINS": "https://gotong.example.go.id",
    "GOTONG_TRUSTED_PROXIES": "1",
    "SECURE_SSL_REDIRECT": "true",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "true",
    "SECURE_HSTS_PRELOAD": "true",
}


def gotong(*args, env=None, data_dir, timeout=120):
    """Run `python -m gotong …` in a fresh process with only the given environment on top of a clean one."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECRET_KEY", "DEBUG", "SECURE_"))}
    clean.pop("DATABASE_URL", None)
    clean.update({"GOTONG_DATA_DIR": str(data_dir), **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", "gotong", *args], env=clean, cwd=REPO, capture_output=True, text=True, timeout=timeout
    )


# --- Reading the environment --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("1", True), ("On", True), ("false", False)])
def test_env_bool_reads_the_usual_words(monkeypatch, value, expected):
    monkeypatch.setenv("DEBUG", value)
    assert env_bool("DEBUG", not expected) is expected


def test_env_bool_and_env_int_refuse_what_they_cannot_read_and_name_the_variable(monkeypatch):
    monkeypatch.setenv("DEBUG", "tru")
    with pytest.raises(ImproperlyConfigured, match="DEBUG='tru'"):
        env_bool("DEBUG", False)
    monkeypatch.setenv("GOTONG_TRUSTED_PROXIES", "satu")
    with pytest.raises(ImproperlyConfigured, match="GOTONG_TRUSTED_PROXIES='satu'"):
        env_int("GOTONG_TRUSTED_PROXIES", 0)
    monkeypatch.setenv("GOTONG_TRUSTED_PROXIES", "-1")
    with pytest.raises(ImproperlyConfigured, match="at least 0"):
        env_int("GOTONG_TRUSTED_PROXIES", 0, minimum=0)


def test_a_mistyped_debug_stops_the_command_with_the_variables_name(tmp_path):
    result = gotong("check", env={"DEBUG": "tru"}, data_dir=tmp_path)
    assert result.returncode != 0
    assert "DEBUG='tru'" in result.stderr


def test_secret_from_a_file_and_not_from_both(monkeypatch, tmp_path):
    key_file = tmp_path / "key"
    key_file.write_text("from-the-file\n")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("SECRET_KEY_FILE", str(key_file))
    assert env_secret("SECRET_KEY") == "from-the-file"
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    with pytest.raises(ImproperlyConfigured, match="both set"):
        env_secret("SECRET_KEY")
    monkeypatch.delenv("SECRET_KEY")
    monkeypatch.setenv("SECRET_KEY_FILE", str(tmp_path / "missing"))
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY_FILE"):
        env_secret("SECRET_KEY")


def test_an_install_without_a_key_makes_its_own_once_and_keeps_it_private(tmp_path):
    path = tmp_path / "data" / "secret_key"
    first = stored_secret_key(path)
    assert len(first) >= 50
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stored_secret_key(path) == first
    assert stored_secret_key(tmp_path / "other" / "secret_key") != first  # no key shared between installs


def test_debug_is_off_unless_asked_for_and_the_key_lands_in_the_data_folder(tmp_path):
    probe = "from django.conf import settings; print(settings.DEBUG, len(settings.SECRET_KEY))"
    result = gotong("shell", "-c", probe, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split()[0] == "False"
    key = (tmp_path / "secret_key").read_text().strip()
    again = gotong("shell", "-c", "from django.conf import settings; print(settings.SECRET_KEY)", data_dir=tmp_path)
    assert again.stdout.splitlines()[-1] == key


def test_database_url_from_a_file(tmp_path):
    url_file = tmp_path / "database_url"
    url_file.write_text(f"sqlite:///{tmp_path / 'elsewhere.sqlite3'}\n")
    probe = "from django.conf import settings; print(settings.DATABASES['default']['NAME'])"
    result = gotong("shell", "-c", probe, env={"DATABASE_URL_FILE": str(url_file)}, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == str(tmp_path / "elsewhere.sqlite3")


def test_check_deploy_is_clean_under_the_documented_production_settings(tmp_path):
    result = gotong("check", "--deploy", "--fail-level", "WARNING", env=DOCUMENTED_PRODUCTION_ENV, data_dir=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


# --- Headers ------------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_pages_carry_csp_permissions_policy_and_hsts(settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    response = Client().get(reverse("login"), secure=True)
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    script_src = re.search(r"script-src ([^;]*)", csp).group(1)
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_an_inline_script_runs_only_with_the_nonce_of_its_own_response(client, facilitator):
    """htmx's loader carries the nonce the header names; a fresh response gets a fresh nonce."""
    client.force_login(facilitator)
    nonces = set()
    for _ in range(2):
        response = client.get(reverse("dashboard"))
        header_nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
        assert f'nonce="{header_nonce}"' in response.content.decode()
        nonces.add(header_nonce)
    assert len(nonces) == 2


def test_no_template_has_an_inline_event_handler_or_a_script_without_nonce():
    """The CSP allows no inline script: handlers go to static files, inline <script> blocks carry the nonce."""
    offenders = []
    for template in (REPO / "gotong").rglob("templates/**/*.html"):
        text = template.read_text(encoding="utf-8")
        if re.search(r"\son[a-z]+\s*=", text):
            offenders.append(f"{template}: inline event handler")
        for tag in re.findall(r"<script\b[^>]*>", text):
            if "src=" not in tag and "nonce=" not in tag and 'type="application/json"' not in tag:
                offenders.append(f"{template}: {tag}")
    assert not offenders, offenders


# --- Error pages --------------------------------------------------------------------------------------------------


def boom(request):
    raise RuntimeError("something broke")


urlpatterns = [path("boom/", boom)]
handler500 = "gotong.core.errors.server_error"


@pytest.mark.django_db
def test_404_is_indonesian_in_the_site_layout(client, settings):
    assert not settings.DEBUG
    response = client.get("/tidak-ada/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Halaman tidak ditemukan" in page and "Ke beranda" in page and "navbar" in page


@pytest.mark.django_db
def test_403_is_indonesian_in_the_site_layout(client, partner):
    client.force_login(partner)
    response = client.get(reverse("activities:event-create"))  # partners read aggregates only
    assert response.status_code == 403
    page = response.content.decode()
    assert "Akses ditolak" in page and "navbar" in page


@pytest.mark.django_db
def test_500_is_indonesian_and_rendered_without_the_request_context(client, settings):
    # A context processor that fails (as the database might): the 500 page must not need any of them.
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "OPTIONS": {"context_processors": [f"{__name__}.fail"]}}]
    client.raise_request_exception = False
    response = _with_test_urls(client, "/boom/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Terjadi kesalahan di server" in page and "<html" in page


@pytest.mark.django_db
def test_csrf_failure_page_is_indonesian(settings):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "Formulir ini sudah kedaluwarsa" in response.content.decode()


@pytest.mark.django_db
def test_an_oversize_form_gets_the_indonesian_400_page(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    response = client.post(reverse("login"), {"username": "x", "password": "y" * (1024 * 1024 + 1)})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Data yang dikirim terlalu besar (batasnya 1 MB)" in page and 'lang="id"' in page
    assert "Bad Request" not in page


@pytest.mark.django_db
def test_an_unknown_host_gets_the_indonesian_400_page(client, settings):
    settings.ALLOWED_HOSTS = ["gotong.example.go.id"]
    response = client.get(reverse("login"), HTTP_HOST="penyerang.example")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Permintaan tidak dapat diproses" in page and "Periksa alamat" in page
    assert "Bad Request" not in page


def test_bad_request_view_falls_back_to_plain_text_when_the_template_fails():
    from gotong.core import errors

    response = errors.bad_request(RequestFactory().get("/"), template_name="tidak-ada-400.html")
    assert response.status_code == 400
    assert b"Permintaan tidak dapat diproses" in response.content


def fail(request):
    raise RuntimeError("context processor down")


def _with_test_urls(client, url):
    from django.test import override_settings

    with override_settings(ROOT_URLCONF=__name__):
        return client.get(url)


def test_server_error_view_falls_back_to_plain_text_when_the_template_fails(monkeypatch):
    from gotong.core import errors

    response = errors.server_error(RequestFactory().get("/"), template_name="tidak-ada-500.html")
    assert response.status_code == 500
    assert b"Terjadi kesalahan di server" in response.content


# --- Login throttle behind a proxy --------------------------------------------------------------------------------

PROXY = "10.0.0.1"  # the reverse proxy: every request reaches us from here


def _login(client, username, password, forwarded_for):
    return client.post(
        reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


@pytest.fixture
def behind_one_proxy(settings):
    settings.GOTONG_TRUSTED_PROXIES = 1


@pytest.mark.django_db
def test_one_persons_typos_lock_only_their_account_from_that_office(
    client, facilitator, city_officer, behind_one_proxy, settings
):
    office = "203.0.113.7"
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "budi", "salah", office)
    assert _login(client, "budi", "rahasia-123", office).status_code == 429
    # Siti, in the same office and so behind the same address, still signs in.
    assert _login(Client(), "siti", "rahasia-123", office).status_code == 302
    # Budi from home (another address seen through the same proxy) is not locked either.
    assert _login(Client(), "budi", "rahasia-123", "198.51.100.20").status_code == 302


@pytest.mark.django_db
def test_many_usernames_from_one_address_get_throttled(client, city_officer, behind_one_proxy, settings):
    attacker = "192.0.2.66"
    for number in range(settings.AXES_ADDRESS_FAILURE_LIMIT):
        _login(client, f"tebakan{number}", "salah", attacker)
    # Siti's right password from that address is refused too, until the cool-off ends; elsewhere she signs in.
    assert _login(Client(), "siti", "rahasia-123", attacker).status_code == 429
    assert _login(Client(), "siti", "rahasia-123", "198.51.100.20").status_code == 302


@pytest.mark.django_db
def test_a_forged_forwarded_for_does_not_choose_the_address(client, facilitator, behind_one_proxy, settings):
    """The proxy appends the real address; what the visitor put before it is ignored."""
    for number in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "budi", "salah", f"1.2.3.{number}, 203.0.113.9")
    assert _login(client, "budi", "rahasia-123", "203.0.113.9").status_code == 429


@pytest.mark.django_db
def test_a_success_does_not_clear_the_addresss_other_failures(client, city_officer, behind_one_proxy, settings):
    attacker = "192.0.2.67"
    for number in range(settings.AXES_ADDRESS_FAILURE_LIMIT - 1):
        _login(client, f"tebakan{number}", "salah", attacker)
    assert _login(Client(), "siti", "rahasia-123", attacker).status_code == 302
    _login(client, "tebakan-lagi", "salah", attacker)
    assert _login(Client(), "siti", "rahasia-123", attacker).status_code == 429


# --- HEAD through the real server ---------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_head_has_no_body_under_gotong_serve_and_the_next_get_is_intact(tmp_path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECRET_KEY", "DEBUG"))}
    env.pop("DATABASE_URL", None)
    # DEBUG on only so static URLs resolve without a minute of collectstatic; the middleware does not look at DEBUG.
    env.update({"GOTONG_DATA_DIR": str(tmp_path), "DEBUG": "true"})
    server = subprocess.Popen(
        [sys.executable, "-m", "gotong", "serve", "--port", str(port), "--no-collectstatic", "--no-worker"],
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()
                assert time.monotonic() < deadline, "gotong serve did not start"
                time.sleep(0.2)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("HEAD", "/lapangan/manifest.webmanifest")
        head = connection.getresponse()
        assert head.status == 200
        length = int(head.getheader("Content-Length"))
        assert length > 0
        assert head.read() == b""
        # Same connection: had the HEAD answer carried a body, it would be read here as the start of this answer.
        connection.request("GET", "/lapangan/manifest.webmanifest")
        get = connection.getresponse()
        body = get.read()
        assert get.status == 200 and len(body) == length
        assert body.startswith(b"{") and b"Gotong Lapangan" in body
        connection.close()
    finally:
        server.terminate()
        # gunicorn stops gracefully: the master waits for each worker process to finish (17 s measured on a
        # saturated 2-core machine, where 30 s did not always suffice).
        server.wait(timeout=90)


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (0, "1.2.3.4", "10.0.0.1"),  # nothing trusted in front: the header is anyone's to send
        (1, "203.0.113.7", "203.0.113.7"),  # nginx appended the visitor
        (1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),  # the visitor's own header is ignored
        (2, "6.6.6.6, 203.0.113.7, 10.0.0.2", "203.0.113.7"),  # CDN, then nginx
        (1, "", "10.0.0.1"),  # reached us around the proxy
        (1, "bukan-alamat", "10.0.0.1"),
    ],
)
def test_client_address_behind_n_trusted_proxies(settings, proxies, forwarded_for, expected):
    from gotong.core.throttle import client_address

    settings.GOTONG_TRUSTED_PROXIES = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded_for)
    assert client_address(request) == expected
