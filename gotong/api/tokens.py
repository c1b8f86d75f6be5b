"""A user's device tokens (`gotong.api.models.DeviceToken`): the REST API's `Authorization: Token …` and the key
in ODK's server URL. Each has a label, an expiry (`GOTONG_TOKEN_LIFETIME_DAYS`, 180 days unless set) and the time
it was last used; the owner lists and revokes them on the token page.

Replacing the token of one device ("Buat token", "Buat alamat server") happens in one transaction that first locks
the user's row, so two clicks at once (two tabs, a double tap) queue behind each other: the device ends up with
exactly one working token, never none.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gotong.api.models import DeviceToken, digest, new_key

# The labels of the tokens Gotong's own pages make.
API_TOKEN = "API"
ODK_TOKEN = "ODK Collect"
# last_used is written at most this often per token, so a busy script or a syncing phone does not write on every
# request (the device list shows the day, not the minute, a token was last used).
LAST_USED_PRECISION = timedelta(hours=1)


class TokenRefused(Exception):
    """The key names no token, or one that is expired or whose user is inactive; `message` says which."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


UNKNOWN = _("Token tidak dikenal atau sudah dicabut.")
EXPIRED = _("Token sudah kedaluwarsa; buat token baru di halaman Token API atau ODK Gotong.")
INACTIVE = _("Akun pemilik token tidak aktif.")


def lifetime() -> timedelta:
    return timedelta(days=getattr(settings, "GOTONG_TOKEN_LIFETIME_DAYS", 180))


def user_for_key(key: str):
    """The active user a key signs in, noting the token's use; raises `TokenRefused` otherwise."""
    token = DeviceToken.objects.select_related("user").filter(key_digest=digest(key or "")).first()
    if token is None:
        raise TokenRefused(UNKNOWN)
    now = timezone.now()
    if token.expires <= now:
        raise TokenRefused(EXPIRED)
    if not token.user.is_active:
        raise TokenRefused(INACTIVE)
    if token.last_used is None or now - token.last_used >= LAST_USED_PRECISION:
        DeviceToken.objects.filter(pk=token.pk).update(last_used=now)
    return token.user, token


def devices(user):
    """The user's tokens, newest first, expired ones included (shown as expired until revoked)."""
    return DeviceToken.objects.filter(user=user)


def has_token(user, name: str | None = None) -> bool:
    """Whether the user has an unexpired token (for the device `name`, when given)."""
    found = DeviceToken.objects.active().filter(user=user)
    return (found.filter(name=name) if name is not None else found).exists()


def _lock(user) -> None:
    # Rows of other users are untouched: only this user's rotations wait for each other.
    list(get_user_model().objects.select_for_update().filter(pk=user.pk).values_list("pk", flat=True))


def _create(user, name: str) -> str:
    key = new_key()
    DeviceToken.objects.create(
        user=user, name=name[:80], key_digest=digest(key), prefix=key[:8], expires=timezone.now() + lifetime()
    )
    return key


@transaction.atomic
def issue_token(user, name: str = API_TOKEN) -> str:
    """One more token (another device or script); the user's others keep working. The key is returned once."""
    _lock(user)
    return _create(user, name)


@transaction.atomic
def rotate_token(user, name: str = API_TOKEN) -> str:
    """A fresh token for the device `name`; its old one (and every URL or script holding it) stops working."""
    _lock(user)
    DeviceToken.objects.filter(user=user, name=name).delete()
    return _create(user, name)


@transaction.atomic
def revoke_device(user, token_id: int) -> bool:
    """Revoke one of the user's tokens; False when the user has no such token."""
    _lock(user)
    deleted, _detail = DeviceToken.objects.filter(user=user, pk=token_id).delete()
    return bool(deleted)


@transaction.atomic
def revoke_token(user) -> None:
    """No token any more: every device and script of the user must sign in again."""
    _lock(user)
    DeviceToken.objects.filter(user=user).delete()
