import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gotong.settings")

# A refused body (over DATA_UPLOAD_MAX_MEMORY_SIZE: Django answers 400 from Content-Length alone) is read to its end
# after the answer, up to this size, so that gunicorn keeps the connection and the browser, still sending, receives
# the Indonesian error page instead of a reset connection. Anything larger is cut off.
DRAIN_LIMIT = 64 * 1024 * 1024


class _DrainAfter:
    """The response, unchanged, plus reading what is left of the request body once it has been sent."""

    def __init__(self, response, stream, length: int):
        self.response, self.stream, self.length = response, stream, length

    def __iter__(self):
        return iter(self.response)

    def close(self):
        try:
            if hasattr(self.response, "close"):
                self.response.close()
        finally:
            remaining = self.length
            while remaining > 0:
                chunk = self.stream.read(min(remaining, 1024 * 1024))
                if not chunk:
                    break
                remaining -= len(chunk)


def _with_drained_body(app):
    def application(environ, start_response):
        response = app(environ, start_response)
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if 0 < length <= DRAIN_LIMIT:  # GETs and files keep the server's own (sendfile) path
            return _DrainAfter(response, environ["wsgi.input"], length)
        return response

    return application


application = _with_drained_body(get_wsgi_application())
