"""The service worker as production serves it: collected, hashed and compressed static files (manifest storage)."""

import json
import re

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

MANIFEST_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"


@pytest.fixture(scope="module")
def collected_root(tmp_path_factory):
    """One collectstatic for the module (hashing and compressing every file takes most of a minute)."""
    root = tmp_path_factory.mktemp("static")
    with override_settings(STATIC_ROOT=root, STORAGES=_manifest_storages()):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


def _manifest_storages():
    from django.conf import settings

    return {**settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST_STORAGE}}


@pytest.fixture
def collected(collected_root, settings):
    settings.STATIC_ROOT = collected_root
    settings.STORAGES = _manifest_storages()
    return collected_root


def test_service_worker_renders_with_hashed_static_urls(collected):
    response = Client().get("/lapangan/sw.js")
    assert response.status_code == 200
    text = response.content.decode()
    assert "const STATIC_PREFIX = " + json.dumps("/static/") + ";" in text
    shell = json.loads(re.search(r"const SHELL = (\[.*?\]);", text).group(1))
    hashed = [url for url in shell if url.startswith("/static/")]
    # Each precached static file by its hashed name, and that file was collected (so the install cannot 404).
    assert any(re.fullmatch(r"/static/field/field\.[0-9a-f]{12}\.js", url) for url in hashed), hashed
    for url in hashed:
        assert (collected / url.removeprefix("/static/")).is_file(), url


def test_manifest_icons_point_at_collected_files(collected):
    data = Client().get("/lapangan/manifest.webmanifest").json()
    for icon in data["icons"]:
        assert re.fullmatch(r"/static/field/icon-\d+\.[0-9a-f]{12}\.png", icon["src"])
        assert (collected / icon["src"].removeprefix("/static/")).is_file()
