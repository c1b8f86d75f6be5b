"""The API's `Authorization: Token <key>`: DRF's header parsing, Gotong's device tokens (expiring, hashed)."""

from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication

from gotong.api import tokens


class DeviceTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key):
        try:
            user, token = tokens.user_for_key(key)
        except tokens.TokenRefused as refused:
            raise exceptions.AuthenticationFailed(refused.message) from None
        return user, token
