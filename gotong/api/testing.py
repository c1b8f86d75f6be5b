"""Helpers for the modules' API tests."""

from rest_framework.test import APIClient

from gotong.api import tokens


def token_client(user) -> APIClient:
    """A client that signs in the way a device or script does: with the user's API token."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {tokens.issue_token(user)}")
    return client


def listed(user, url: str) -> list[dict]:
    response = token_client(user).get(url)
    assert response.status_code == 200, response.content
    return response.json()["results"]
