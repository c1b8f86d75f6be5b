"""Gzip for what gains from it: pages, JSON, scripts, CSV and XML. Photos, PDFs and XLSX are compressed already;
gzipping them again costs the server time, saves nothing, and drops their Content-Length (download progress)."""

from django.middleware.gzip import GZipMiddleware

COMPRESSIBLE = ("text/", "application/json", "application/javascript", "application/manifest+json", "+xml", "/xml")


class TextGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware (with its BREACH mitigation, see settings.MIDDLEWARE) for text-like answers only."""

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        if not any(marker in content_type for marker in COMPRESSIBLE):
            return response
        return super().process_response(request, response)
