"""Who is calling an OpenRosa endpoint: the device token in the URL (`/odk/key/<token>/…`, like ODK Central's app
users; `gotong.api.tokens`), or HTTP Basic on `/odk/…` checked by `django.contrib.auth.authenticate` so
django-axes throttles guesses.

Browser sessions are deliberately not accepted: these endpoints are CSRF-exempt, so only credentials a browser
does not attach on its own may open them (Basic POSTs must also carry Collect's `X-OpenRosa-Version` header,
which a cross-site form cannot send).
"""

import base64
import binascii

from django.contrib.auth import authenticate

from gotong.api import tokens


def user_from_token(token: str):
    """The user of an active device token; `tokens.TokenRefused` (with its reason) for an expired one, None for
    an unknown or revoked one or an inactive user."""
    try:
        return tokens.user_for_key(token)[0]
    except tokens.TokenRefused as refused:
        if refused.message is tokens.EXPIRED:
            raise
        return None


def basic_credentials(request) -> tuple[str, str] | None:
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic" or not encoded:
        return None
    try:
        username, sep, password = base64.b64decode(encoded.strip(), validate=True).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return (username, password) if sep else None


def user_from_basic(request):
    credentials = basic_credentials(request)
    if credentials is None:
        return None
    username, password = credentials
    user = authenticate(request=request, username=username, password=password)
    return user if user is not None and user.is_active else None
