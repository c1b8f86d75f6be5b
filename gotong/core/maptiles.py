"""The maps' background tiles: one URL template from the environment, and the only outside host the CSP lets
images come from.

`GOTONG_MAP_TILES` is a Leaflet URL template (`https://tile.openstreetmap.org/{z}/{x}/{y}.png`, a tile server of
your own, or a path on this site such as `/tiles/{z}/{x}/{y}.png`); empty means no tiles: the maps draw boundaries
and points on a plain background, which is also what they show when tiles fail to load (offline).
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

OPENSTREETMAP = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OPENSTREETMAP_ATTRIBUTION = "&copy; OpenStreetMap"


def tile_source(url: str) -> str | None:
    """The CSP source for the tiles' host (`https://tiles.example.org`, `https://*.tile.example.org` for a `{s}`
    subdomain template), or None when the tiles come from this site or there are none."""
    url = url.strip()
    if not url or url.startswith("/") and not url.startswith("//"):
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ImproperlyConfigured(
            f"GOTONG_MAP_TILES={url!r}: use an http(s) URL template or a path on this site, or leave it empty"
        )
    host = parts.netloc.split("@")[-1]
    if host.startswith("{s}."):
        host = "*." + host[4:]
    if "{" in host:
        raise ImproperlyConfigured(f"GOTONG_MAP_TILES={url!r}: only {{s}} may stand in the host, as its first label")
    return f"{parts.scheme}://{host}"
