"""The token a phone uses in its ODK server URL: the user's DRF token (the same one the REST API accepts)."""

from django.db import transaction
from rest_framework.authtoken.models import Token


def has_token(user) -> bool:
    return Token.objects.filter(user=user).exists()


@transaction.atomic
def issue_token(user) -> str:
    """A fresh token for the user; the old one (and every URL or script holding it) stops working."""
    Token.objects.filter(user=user).delete()
    return Token.objects.create(user=user).key
