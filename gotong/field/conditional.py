"""Conditional GET for the field app: a repeat open on a working connection downloads a 304, not the page again.

Every ETag here is made from what the user would receive, so it changes exactly when that does, and it includes
the user, so a phone shared by two cadres never gets a 304 for the other one's data (both would be answered
from the browser's HTTP cache, which is per browser, not per user). GZipMiddleware turns a strong ETag into
W/"…"; Django's If-None-Match check compares weakly (RFC 9110, 13.1.2), so the tag still matches after gzip.
"""

import hashlib
import json
import re

from django.conf import settings
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag

# The page's masked CSRF token is new on every render (Django masks it against BREACH); the secret behind it is
# what matters, and that is hashed in instead.
CSRF_ATTRIBUTE = re.compile(rb'data-csrf="[^"]*"')
# "Private": never kept by a shared proxy; "no-cache": the browser keeps it but asks (If-None-Match) before use.
REVALIDATE = "private, no-cache"


def _tag(*parts: bytes | str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode() if isinstance(part, str) else part)
        digest.update(b"\0")
    return quote_etag(digest.hexdigest()[:32])


def reference_etag(user, data: dict) -> str:
    """The tag of a form's reference data: the data themselves (not when they were generated), the user and the
    language their labels are in."""
    stable = {key: value for key, value in data.items() if key != "generated_at"}
    body = json.dumps(stable, sort_keys=True, ensure_ascii=False, default=str)
    return _tag("reference", str(user.pk), translation.get_language() or "", body)


def page_etag(request, response, *, personal: bool = True) -> str:
    """The tag of a rendered page: its bytes (the CSRF token stripped), the user and the CSRF secret. A public
    script (`personal=False`) is tagged by its bytes alone, without touching the session (no `Vary: Cookie`)."""
    body = CSRF_ATTRIBUTE.sub(b"", response.content)
    if not personal:
        return _tag("public", body)
    secret = request.META.get("CSRF_COOKIE") or request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
    return _tag("page", str(request.user.pk), secret, body)


def answer(request, response, etag: str):
    """`response` with its ETag, or a 304 when the browser already holds exactly this (If-None-Match)."""
    response["ETag"] = etag
    response["Cache-Control"] = REVALIDATE
    not_modified = get_conditional_response(request, etag=etag, response=response)
    if not_modified is not response:
        not_modified["Cache-Control"] = REVALIDATE
    return not_modified
