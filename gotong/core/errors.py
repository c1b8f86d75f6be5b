"""The 400 and 500 pages: rendered from the template alone, never from the request's context.

Context processors read the user, the session and the database, any of which may be what just failed; the page
must still show. A 400 comes from a request Django refused to read (a body over DATA_UPLOAD_MAX_MEMORY_SIZE, too
many fields, a Host not in ALLOWED_HOSTS): reading it again for the layout would fail again. Should even the
template fail, a plain Indonesian sentence goes out.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpResponseBadRequest, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

BAD_REQUEST_FALLBACK = (
    "<!doctype html><title>Gotong</title><h1>Permintaan tidak dapat diproses</h1><p>Tidak ada yang disimpan.</p>"
)
FALLBACK = (
    "<!doctype html><title>Gotong</title><h1>Terjadi kesalahan di server</h1><p>Coba lagi beberapa saat lagi.</p>"
)


@requires_csrf_token
def server_error(request, template_name="500.html"):
    try:
        body = loader.get_template(template_name).render()
    except Exception:  # the error page must not raise in its turn
        body = FALLBACK
    return HttpResponseServerError(body)


@requires_csrf_token
def bad_request(request, exception=None, template_name="400.html"):
    too_big = isinstance(exception, RequestDataTooBig | TooManyFieldsSent | TooManyFilesSent)
    context = {"too_big": too_big, "megabytes": (settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0) // (1024 * 1024)}
    try:
        body = loader.get_template(template_name).render(context)
    except Exception:  # the error page must not raise in its turn
        body = BAD_REQUEST_FALLBACK
    return HttpResponseBadRequest(body)
