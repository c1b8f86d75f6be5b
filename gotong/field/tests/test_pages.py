"""The installable shell: who sees which form, the service worker, the manifest, and the weight of a first load."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

pytestmark = pytest.mark.django_db
FIRST_LOAD_BUDGET = 150 * 1024


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_home_lists_only_the_forms_the_user_can_use(cadre, staff, partner):
    cadre_page = logged_in(cadre).get("/lapangan/").content.decode()
    assert "Penimbangan balita" in cadre_page and "Setoran bank sampah" not in cadre_page
    staff_page = logged_in(staff).get("/lapangan/").content.decode()
    assert "Setoran bank sampah" in staff_page and "Penimbangan balita" not in staff_page
    assert "Belum ada formulir lapangan" in logged_in(partner).get("/lapangan/").content.decode()


def test_forms_need_a_login_and_a_known_form(cadre, client):
    assert client.get("/lapangan/timbang/").status_code == 302
    assert logged_in(cadre).get("/lapangan/panen/").status_code == 404


def test_service_worker_precaches_the_shell_under_its_scope(client):
    response = client.get("/lapangan/sw.js")
    assert response["Content-Type"].startswith("application/javascript")
    text = response.content.decode()
    for url in ("/lapangan/timbang/", "/lapangan/setoran/", "/static/field/field.js", "/lapangan/manifest.webmanifest"):
        assert f'"{url}"' in text
    assert '"/api/v1/lapangan/data/"' in text


def test_manifest_names_the_app_and_its_icons(client):
    data = client.get("/lapangan/manifest.webmanifest").json()
    assert data["name"] == "Gotong Lapangan" and data["start_url"] == "/lapangan/"
    for icon in data["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/"))


def _gzip_size(content: bytes) -> int:
    return len(gzip.compress(content, compresslevel=6, mtime=0))


@pytest.mark.parametrize("slug", ["timbang", "setoran", "kunjungan", "kehadiran"])
def test_first_load_of_a_form_is_under_150_kb_gzip(cadre, slug):
    html = logged_in(cadre).get(f"/lapangan/{slug}/").content
    assets = re.findall(rb'<(?:link rel="stylesheet"|script) [^>]*(?:href|src)="/static/([^"]+)"', html)
    assert len(assets) == 3  # bootstrap, field.css, field.js
    total = _gzip_size(html)
    for name in assets:
        with open(finders.find(name.decode()), "rb") as handle:
            total += _gzip_size(handle.read())
    print(f"first load of /lapangan/{slug}/: {total} bytes gzip")
    assert total < FIRST_LOAD_BUDGET
