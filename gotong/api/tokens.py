"""The one token a user's devices and scripts sign in with (DRF's `Token`: the REST API and ODK's server URL).

Replacing or revoking it happens in one transaction that first locks the user's row, so two clicks at once (two
tabs, a double tap on "Buat token") queue behind each other: the user ends up with exactly one working token, never
none and never a failure on the one-token-per-user constraint.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from rest_framework.authtoken.models import Token


def has_token(user) -> bool:
    return Token.objects.filter(user=user).exists()


def _lock(user) -> None:
    # Rows of other users are untouched: only this user's rotations wait for each other.
    list(get_user_model().objects.select_for_update().filter(pk=user.pk).values_list("pk", flat=True))


@transaction.atomic
def rotate_token(user) -> str:
    """A fresh token for the user; the old one (and every URL or script holding it) stops working."""
    _lock(user)
    Token.objects.filter(user=user).delete()
    return Token.objects.create(user=user).key


@transaction.atomic
def revoke_token(user) -> None:
    """No token any more: every device and script using it must sign in again."""
    _lock(user)
    Token.objects.filter(user=user).delete()
