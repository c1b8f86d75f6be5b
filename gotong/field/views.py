"""The installable field app: home, the four form shells, the service worker and the web app manifest.

Pages are shells: the data come from `/api/v1/lapangan/data/<kind>/` and entries leave through
`/api/v1/lapangan/kiriman/`, both called by `static/field/field.js`.
"""

import hashlib
import json
from functools import cache

from django.contrib.staticfiles import finders
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.templatetags.static import PrefixNode, static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import ensure_csrf_cookie

from gotong.core.policy.routes import route
from gotong.field import conditional, recordable, reference
from gotong.field.catalog import form_titles, js_catalog
from gotong.field.labels import labels_for

# Indonesian addresses, like the rest of the site: /lapangan/timbang/ …
SLUGS = {
    "weighing": "timbang",
    "anc_visit": "periksa-hamil",
    "immunisation": "imunisasi",
    "deposit": "setoran",
    "visit": "kunjungan",
    "attendance": "kehadiran",
    "aspiration": "aspirasi",
}
KINDS = {slug: kind for kind, slug in SLUGS.items()}
SHELL_STATIC = ("bootstrap/css/bootstrap.min.css", "field/field.css", "field/field.js", "field/icon-192.png")


class KnownForm:
    """`target=` of a form's URL: an unknown form is a 404; a known one is no record (`None`: the policy is asked
    about `devices.use` anywhere). `samples()` gives every form's URL keyword for the URL-generated access test."""

    def __init__(self, keyword: str, names: dict[str, str]):
        self.keyword = keyword
        self.names = names  # URL value → kind

    def __call__(self, **kwargs):
        if kwargs.get(self.keyword) not in self.names:
            raise Http404
        return None

    def samples(self):
        for name in self.names:
            yield {self.keyword: name}


known_slug = KnownForm("slug", KINDS)


@route("devices.use")
@ensure_csrf_cookie
def home(request):
    # Only the forms the user may submit somewhere (`gotong.field.recordable`, the same answer as ODK's form list).
    titles = form_titles()
    forms = [(SLUGS[kind], titles[kind]) for kind in recordable.kinds_for(request.user)]
    page = render(request, "field/home.html", {"forms": forms, "text": js_catalog()})
    return conditional.answer(request, page, conditional.page_etag(request, page))


@route("devices.use", target=known_slug)
@ensure_csrf_cookie
def form(request, slug: str):
    # Every form's shell opens for everyone (the service worker precaches all four); its data are per user.
    kind = KINDS[slug]
    page = render(
        request,
        f"field/form_{kind}.html",
        {
            "kind": kind,
            "title": form_titles()[kind],
            "no_data": reference.no_data_message(kind),
            "labels": labels_for(kind),  # the same labels a conflict about this form shows
            "text": js_catalog(),
        },
    )
    # A repeat open on a working connection gets a 304 (the shell is rendered to hash it, a few milliseconds).
    return conditional.answer(request, page, conditional.page_etag(request, page))


@cache
def _shell_version() -> str:
    """Changes whenever a precached static file does, so phones drop the old shell."""
    digest = hashlib.sha256()
    for name in SHELL_STATIC:
        path = finders.find(name)
        if path:
            with open(path, "rb") as handle:
                digest.update(handle.read())
    return digest.hexdigest()[:12]


def shell_urls() -> list[str]:
    pages = [reverse("field:home")] + [reverse("field:form", args=[slug]) for slug in SLUGS.values()]
    return pages + [static(name) for name in SHELL_STATIC] + [reverse("field:manifest")]


@route("portal.view", public=True)
def service_worker(request):
    body = render(
        request,
        "field/sw.js",
        {
            "version": _shell_version(),
            "shell": json.dumps(shell_urls()),
            "data_prefix": json.dumps(reverse("api:field:reference", args=["x"])[: -len("x/")]),
            # The prefix itself ({% get_static_prefix %}), not static(""): a manifest storage has no entry for "".
            "static_prefix": json.dumps(PrefixNode.handle_simple("STATIC_URL")),
            "scope": json.dumps(reverse("field:home")),
        },
        content_type="application/javascript; charset=utf-8",
    )
    # The browser asks for the worker on every navigation (its update check): an unchanged one is a 304.
    return conditional.answer(request, body, conditional.page_etag(request, body, personal=False))


@route("portal.view", public=True)
def manifest(request):
    data = {
        "name": "Gotong Lapangan",
        "short_name": _("Lapangan"),
        "description": _("Formulir lapangan Gotong yang tetap bisa dipakai tanpa sinyal."),
        "start_url": reverse("field:home"),
        "scope": reverse("field:home"),
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#198754",
        "lang": "id",
        "icons": [
            {"src": static("field/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("field/icon-512.png"), "sizes": "512x512", "type": "image/png"},
        ],
    }
    return JsonResponse(data, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False})
