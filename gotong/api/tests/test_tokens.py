"""Replacing a device token ("Buat token", "Buat alamat server") is one locked transaction: one token, always."""

import pytest
from rest_framework.authtoken.models import Token

from gotong.api import tokens
from gotong.ledger.tests.test_concurrency import _in_thread, _run_in_threads, _threads_database


@pytest.mark.django_db
def test_a_rotation_that_fails_halfway_keeps_the_old_token(facilitator, monkeypatch):
    old = tokens.rotate_token(facilitator)

    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Token.objects, "create", broken)
    with pytest.raises(RuntimeError):
        tokens.rotate_token(facilitator)
    assert list(Token.objects.filter(user=facilitator).values_list("key", flat=True)) == [old]


@pytest.mark.django_db(transaction=True)
def test_simultaneous_clicks_on_both_pages_leave_exactly_one_working_token(facilitator):
    """Six rotations at once (two tabs of the API token page and the ODK page): each click gets its token, none
    fails on the one-token-per-user rule, and the user ends with one token, the last one made."""
    Token.objects.create(user=facilitator)

    with _threads_database():
        keys = _run_in_threads(6, lambda _i: tokens.rotate_token(facilitator))
        left = _in_thread(lambda: list(Token.objects.filter(user=facilitator).values_list("key", flat=True)))
    assert all(isinstance(key, str) for key in keys), keys
    assert len(left) == 1 and left[0] in keys


@pytest.mark.django_db
def test_the_token_page_and_the_odk_page_rotate_the_same_token(client, facilitator):
    client.force_login(facilitator)
    client.post("/api/token/", {"action": "create"})
    api_key = Token.objects.get(user=facilitator).key
    client.post("/odk/")
    assert Token.objects.filter(user=facilitator).count() == 1
    assert Token.objects.get(user=facilitator).key != api_key
    client.post("/api/token/", {"action": "revoke"})
    assert not Token.objects.filter(user=facilitator).exists()
