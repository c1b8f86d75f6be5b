"""The OpenRosa 1.0 endpoints ODK Collect and KoboCollect talk to: form list, form, manifest, media, submission.

Each exists twice: under `/odk/key/<token>/` (the server URL a device is given) and under `/odk/` with HTTP
Basic. Views only authenticate, check the user may use the form, and call `catalog`, `media` or `submissions`.
"""

import functools
import hashlib

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from gotong.odk import catalog, media, openrosa
from gotong.odk.auth import user_from_basic, user_from_token
from gotong.odk.submissions import Refused, receive_submission


def _refuse_unauthenticated(token: str | None) -> HttpResponse:
    if token is not None:
        return openrosa.message(_("Token di alamat server tidak berlaku; buat alamat baru di halaman ODK Gotong."), 401)
    response = openrosa.message(_("Masukkan nama pengguna dan kata sandi Gotong."), 401)
    response["WWW-Authenticate"] = 'Basic realm="Gotong ODK", charset="UTF-8"'
    return response


def openrosa_endpoint(*methods: str):
    """Authenticate by URL token or HTTP Basic, allow only `methods`, add the OpenRosa headers."""

    def decorate(view):
        @csrf_exempt
        @functools.wraps(view)
        def wrapper(request, *args, token: str | None = None, **kwargs):
            if request.method not in methods:
                response = openrosa.message(_("Metode tidak didukung."), 405)
                response["Allow"] = ", ".join(methods)
                return response
            user = user_from_token(token) if token is not None else user_from_basic(request)
            if user is None:
                return _refuse_unauthenticated(token)
            if token is None and request.method == "POST" and "HTTP_X_OPENROSA_VERSION" not in request.META:
                return openrosa.message(_("Kiriman harus dari aplikasi OpenRosa (ODK Collect/KoboCollect)."), 400)
            request.user = user
            try:
                return openrosa.with_headers(view(request, *args, token=token, **kwargs))
            except Http404:
                return openrosa.message(_("Formulir atau berkas tidak ditemukan untuk akun ini."), 404)

        return wrapper

    return decorate


def _url(request, name: str, token: str | None, **kwargs) -> str:
    if token is not None:
        return request.build_absolute_uri(reverse(f"odk:key-{name}", kwargs={"token": token, **kwargs}))
    return request.build_absolute_uri(reverse(f"odk:{name}", kwargs=kwargs))


def _form_for(user, form_id: str) -> catalog.OdkForm:
    form = catalog.FORMS.get(form_id)
    if form is None or not form.may_use(user):
        raise Http404
    return form


@openrosa_endpoint("GET", "HEAD")
def form_list(request, token=None):
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


@openrosa_endpoint("GET", "HEAD")
def form_xml(request, form_id, token=None):
    form = _form_for(request.user, form_id)
    return HttpResponse(catalog.build(form.form_id).xml, content_type=openrosa.XML_CONTENT_TYPE)


@openrosa_endpoint("GET", "HEAD")
def manifest(request, form_id, token=None):
    form = _form_for(request.user, form_id)
    files = [
        {
            "filename": filename,
            "md5": hashlib.md5(media.render(filename, request.user)).hexdigest(),
            "download_url": _url(request, "media", token, form_id=form.form_id, filename=filename),
        }
        for filename in form.media_files
    ]
    return openrosa.manifest(files)


@openrosa_endpoint("GET", "HEAD")
def media_file(request, form_id, filename, token=None):
    form = _form_for(request.user, form_id)
    if filename not in form.media_files:
        raise Http404
    response = HttpResponse(media.render(filename, request.user), content_type="text/csv; charset=utf-8")
    response["Cache-Control"] = "private, no-store"  # per-user lists of names
    return response


@openrosa_endpoint("HEAD", "GET", "POST")
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
        received = receive_submission(request.user, upload.read())
    except Refused as refused:
        return openrosa.message(refused.message, refused.status, nature="error")
    if received.created:
        text = _("Terkirim ke Gotong: %(summary)s") % {"summary": received.summary}
        return openrosa.message(text, 201, nature="submit_success")
    text = _("Sudah diterima sebelumnya; tidak dicatat dua kali.")
    return openrosa.message(text, 202, nature="submit_success")
