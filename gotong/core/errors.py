"""The 500 page: rendered from the template alone, never from the request's context.

Context processors read the user, the session and the database, any of which may be what just failed; the page
must still show. Should even the template fail, a plain Indonesian sentence goes out.
"""

from django.http import HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

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
