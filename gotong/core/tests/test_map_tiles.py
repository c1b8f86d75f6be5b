"""The maps' tile source: configured by environment, and the CSP lets images come from that host alone."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from gotong.core.maptiles import tile_source

REPO = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("template", "source"),
    [
        ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org"),
        ("https://{s}.tiles.example.go.id:8443/osm/{z}/{x}/{y}.png", "https://*.tiles.example.go.id:8443"),
        ("/tiles/{z}/{x}/{y}.png", None),  # served by this site: 'self' covers it
        ("", None),  # no tiles
    ],
)
def test_the_csp_source_is_the_tile_host_alone(template, source):
    assert tile_source(template) == source


@pytest.mark.parametrize("template", ["ftp://tiles.example.org/{z}/{x}/{y}.png", "https://{z}.example.org/x.png"])
def test_a_template_the_csp_cannot_name_stops_the_server(template):
    with pytest.raises(ImproperlyConfigured, match="GOTONG_MAP_TILES"):
        tile_source(template)


def test_configured_tiles_reach_the_csp_and_nothing_else():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env["GOTONG_MAP_TILES"] = "https://peta.example.go.id/{z}/{x}/{y}.png"
    code = (
        "import django, json; from django.conf import settings; django.setup();"
        "d = settings.CONTENT_SECURITY_POLICY['DIRECTIVES'];"
        "print(json.dumps({k: [str(x) for x in d[k]] for k in ('img-src', 'connect-src')}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "DJANGO_SETTINGS_MODULE": "gotong.settings"},
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    directives = json.loads(result.stdout)
    assert directives["img-src"] == ["'self'", "data:", "blob:", "https://peta.example.go.id"]
    assert directives["connect-src"] == ["'self'"]  # tiles are images: no outside host may be fetched


@pytest.mark.django_db
def test_the_map_page_hands_the_tile_settings_to_the_shared_setup(client, city_officer, settings):
    settings.GOTONG_MAP_TILES = settings.GOTONG_MAP_TILES_ATTRIBUTION = ""
    client.force_login(city_officer)
    html = client.get(reverse("slums:map")).content.decode()
    assert "core/map.js" in html and "leaflet/leaflet.js" in html
    config = re.search(r'<script id="gotong-map-config" type="application/json">(.*?)</script>', html).group(1)
    assert json.loads(config) == {"tiles": "", "attribution": ""}
