"""The OpenRosa 1.0 endpoints ODK Collect and KoboCollect talk to: form list, form, manifest, media, submission.

Each exists twice: under `/odk/key/<token>/` (the server URL a device is given) and under `/odk/` with HTTP
Basic. Views only authenticate, ask the access policy (each URL's `access_rule`: `devices.use`, and for a form's own
URLs the capability the form records with, e.g. `posyandu.record`), and call `catalog`, `media` or `submissions`.
"""

import functools
import hashlib
from dataclasses import dataclass

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from gotong.api import tokens
from gotong.core.policy.decide import Decision
from gotong.core.policy.routes import Rule
from gotong.odk import catalog, media, openrosa
from gotong.odk.auth import user_from_basic, user_from_token
from gotong.odk.submissions import Refused, receive_submission

DEVICES = "devices.use"


@dataclass(frozen=True)
class OpenRosaRule(Rule):
    """A rule whose caller signs in the way ODK Collect does, never with a browser session: by the token in the URL
    (`/odk/key/<token>/…`) or by HTTP Basic (`/odk/…`). No login page: without valid credentials the answer is 401,
    with `WWW-Authenticate: Basic` on the Basic URLs so Collect asks for the user name and password."""

    authentication = "openrosa"


class FormTarget:
    """`target=` of one form's URLs: the form the URL names, and the media file when it names one.

    A form is no record, so the policy is asked about the capability anywhere (`None`); another form's id or an
    unknown media file is a 404. `samples()` gives this form's URL keywords, for the URL-generated access test.
    """

    def __init__(self, form: catalog.OdkForm, *, media_file: bool = False):
        self.form = form
        self.media_file = media_file

    def __call__(self, form_id: str | None = None, filename: str | None = None, **kwargs):
        if form_id != self.form.form_id or (self.media_file and filename not in self.form.media_files):
            raise Http404
        return None

    def samples(self):
        if not self.media_file:
            yield {"form_id": self.form.form_id}
            return
        for filename in self.form.media_files:
            yield {"form_id": self.form.form_id, "filename": filename}


def _refuse_unauthenticated(token: str | None) -> HttpResponse:
    if token is not None:
        return openrosa.message(_("Token di alamat server tidak berlaku; buat alamat baru di halaman ODK Gotong."), 401)
    response = openrosa.message(_("Masukkan nama pengguna dan kata sandi Gotong."), 401)
    response["WWW-Authenticate"] = 'Basic realm="Gotong ODK", charset="UTF-8"'
    return response


def _not_found() -> HttpResponse:
    return openrosa.message(_("Formulir atau berkas tidak ditemukan untuk akun ini."), 404)


def openrosa_endpoint(rule: OpenRosaRule, *methods: str):
    """Authenticate by URL token or HTTP Basic, allow only `methods`, ask the policy `rule`, add OpenRosa headers."""

    def decorate(view):
        @csrf_exempt
        @functools.wraps(view)
        def wrapper(request, *args, token: str | None = None, **kwargs):
            if request.method not in methods:
                response = openrosa.message(_("Metode tidak didukung."), 405)
                response["Allow"] = ", ".join(methods)
                return response
            try:
                user = user_from_token(token) if token is not None else user_from_basic(request)
            except tokens.TokenRefused as refused:
                return openrosa.message(str(refused.message), 401)
            if user is None:
                return _refuse_unauthenticated(token)
            if token is None and request.method == "POST" and "HTTP_X_OPENROSA_VERSION" not in request.META:
                return openrosa.message(_("Kiriman harus dari aplikasi OpenRosa (ODK Collect/KoboCollect)."), 400)
            request.user = user
            try:
                decision = rule.decide(user, request.method, kwargs)
                if decision is Decision.HIDE:
                    return _not_found()
                if decision is not Decision.ALLOW:
                    return openrosa.message(_("Akun Anda tidak berhak memakai formulir ini."), 403)
                return openrosa.with_headers(view(request, *args, token=token, **kwargs))
            except Http404:
                return _not_found()

        wrapper.access_rule = rule
        return wrapper

    return decorate


def _url(request, name: str, token: str | None, **kwargs) -> str:
    if token is not None:
        return request.build_absolute_uri(reverse(f"odk:key-{name}", kwargs={"token": token, **kwargs}))
    return request.build_absolute_uri(reverse(f"odk:{name}", kwargs=kwargs))


@openrosa_endpoint(OpenRosaRule(get=DEVICES), "GET", "HEAD")
def form_list(request, token=None):
    """The forms worth having on this phone: those the user may record something with."""
    wanted = request.GET.get("formID")
    entries = []
    for form in catalog.forms_for(request.user):
        if wanted and wanted != form.form_id:
            continue
        built = catalog.build(form.form_id)
        entries.append(
            {
                "form_id": form.form_id,
                "name": str(form.title),
                "version": built.version,
                "md5": built.md5,
                "description": str(form.description),
                "download_url": _url(request, "form-xml", token, form_id=form.form_id),
                "manifest_url": _url(request, "manifest", token, form_id=form.form_id) if form.media_files else None,
            }
        )
    return openrosa.form_list(entries)


def form_xml(request, form_id, token=None):
    return HttpResponse(catalog.build(form_id).xml, content_type=openrosa.XML_CONTENT_TYPE)


def manifest(request, form_id, token=None):
    files = [
        {
            "filename": filename,
            "md5": hashlib.md5(media.render(filename, request.user)).hexdigest(),
            "download_url": _url(request, "media", token, form_id=form_id, filename=filename),
        }
        for filename in catalog.FORMS[form_id].media_files
    ]
    return openrosa.manifest(files)


def media_file(request, form_id, filename, token=None):
    response = HttpResponse(media.render(filename, request.user), content_type="text/csv; charset=utf-8")
    response["Cache-Control"] = "private, no-store"  # per-user lists of names
    return response


def form_views(form: catalog.OdkForm) -> dict:
    """One form's form.xml, manifest and media views, each asking for the capability the form records with: someone
    who may record weighings nowhere gets 403 for the weighing form's URLs (the lists stay per record: `media`)."""
    whole = OpenRosaRule(get=form.capability, target=FormTarget(form))
    files = OpenRosaRule(get=form.capability, target=FormTarget(form, media_file=True))
    return {
        "form-xml": openrosa_endpoint(whole, "GET", "HEAD")(form_xml),
        "manifest": openrosa_endpoint(whole, "GET", "HEAD")(manifest),
        "media": openrosa_endpoint(files, "GET", "HEAD")(media_file),
    }


@openrosa_endpoint(OpenRosaRule(get=DEVICES, post=DEVICES), "HEAD", "GET", "POST")
def submission(request, token=None):
    if request.method != "POST":
        # Collect asks with HEAD first to learn the size limit (and to be asked for credentials).
        return HttpResponse(status=204)
    upload = request.FILES.get("xml_submission_file")
    if upload is None:
        return openrosa.message(_("Kiriman tanpa berkas xml_submission_file."), 400)
    if upload.size > openrosa.MAX_SUBMISSION_BYTES:
        return openrosa.message(_("Berkas kiriman terlalu besar."), 413)
    try:
        files = request.FILES.lists()
        attachments = tuple(f.name for key, parts in files if key != "xml_submission_file" for f in parts)
        received = receive_submission(request.user, upload.read(), attachments)
    except Refused as refused:
        return openrosa.message(refused.message, refused.status, nature="error")
    if received.created:
        text = _("Terkirim ke Gotong: %(summary)s") % {"summary": received.summary}
        return openrosa.message(text, 201, nature="submit_success")
    text = _("Sudah diterima sebelumnya; tidak dicatat dua kali.")
    return openrosa.message(text, 202, nature="submit_success")
