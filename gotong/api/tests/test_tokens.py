"""Device tokens: each device its own token with a label, an expiry and a last-used time; the owner lists and
revokes them; expired ones are refused by the API and by ODK's server URL with an Indonesian message. Replacing
the token of one device ("Buat alamat server") is one locked transaction: one token for that device, always."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from gotong.api import tokens
from gotong.api.models import DeviceToken, digest
from gotong.ledger.tests.test_concurrency import _in_thread, _run_in_threads, _threads_database
from gotong.odk.tests.conftest import OPENROSA


def _api(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def _expire(key: str) -> None:
    DeviceToken.objects.filter(key_digest=digest(key)).update(expires=timezone.now() - timedelta(seconds=1))


@pytest.mark.django_db
def test_a_rotation_that_fails_halfway_keeps_the_old_token(facilitator, monkeypatch):
    old = tokens.rotate_token(facilitator, tokens.ODK_TOKEN)

    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(DeviceToken.objects, "create", broken)
    with pytest.raises(RuntimeError):
        tokens.rotate_token(facilitator, tokens.ODK_TOKEN)
    assert list(DeviceToken.objects.filter(user=facilitator).values_list("key_digest", flat=True)) == [digest(old)]


@pytest.mark.django_db(transaction=True)
def test_simultaneous_clicks_leave_exactly_one_working_token_for_the_device(facilitator):
    """Six "Buat alamat server" clicks at once: each gets its token, none fails, one ODK token is left."""
    tokens.issue_token(facilitator, "Skrip laporan")

    with _threads_database():
        keys = _run_in_threads(6, lambda _i: tokens.rotate_token(facilitator, tokens.ODK_TOKEN))
        left = _in_thread(
            lambda: list(
                DeviceToken.objects.filter(user=facilitator, name=tokens.ODK_TOKEN).values_list("key_digest", flat=True)
            )
        )
        others = _in_thread(lambda: DeviceToken.objects.filter(user=facilitator).exclude(name=tokens.ODK_TOKEN).count())
    assert all(isinstance(key, str) for key in keys), keys
    assert len(left) == 1 and left[0] in {digest(key) for key in keys}
    assert others == 1  # the script's token is untouched


@pytest.mark.django_db
def test_tokens_are_stored_as_digests_and_expire_after_the_lifetime(facilitator, settings):
    settings.GOTONG_TOKEN_LIFETIME_DAYS = 30
    key = tokens.issue_token(facilitator, "HP kader")
    token = DeviceToken.objects.get(user=facilitator)
    assert key not in {token.key_digest, token.prefix} and token.prefix == key[:8]
    assert timedelta(days=29, hours=23) < token.expires - timezone.now() <= timedelta(days=30)


@pytest.mark.django_db
def test_the_api_notes_last_use_and_refuses_an_expired_token_in_indonesian(facilitator):
    key = tokens.issue_token(facilitator, "Skrip")
    assert _api(key).get("/api/v1/rumah-tangga/").status_code == 200
    assert DeviceToken.objects.get(user=facilitator).last_used is not None
    _expire(key)
    response = _api(key).get("/api/v1/rumah-tangga/")
    assert response.status_code == 401
    assert "kedaluwarsa" in response.json()["error"]["message"]
    assert response["WWW-Authenticate"].startswith("Token")


@pytest.mark.django_db
def test_last_use_is_written_at_most_once_an_hour(facilitator):
    key = tokens.issue_token(facilitator, "Skrip")
    client = _api(key)
    client.get("/api/v1/rumah-tangga/")
    first = DeviceToken.objects.get(user=facilitator).last_used
    with CaptureQueriesContext(connection) as within_the_hour:
        client.get("/api/v1/rumah-tangga/")
    assert not any(q["sql"].startswith("UPDATE") for q in within_the_hour.captured_queries)
    assert DeviceToken.objects.get(user=facilitator).last_used == first

    DeviceToken.objects.filter(user=facilitator).update(last_used=first - tokens.LAST_USED_PRECISION)
    client.get("/api/v1/rumah-tangga/")
    assert DeviceToken.objects.get(user=facilitator).last_used > first


@pytest.mark.django_db
def test_an_unknown_or_revoked_token_is_refused(facilitator):
    key = tokens.issue_token(facilitator)
    tokens.revoke_token(facilitator)
    response = _api(key).get("/api/v1/rumah-tangga/")
    assert response.status_code == 401
    assert "dicabut" in response.json()["error"]["message"]


@pytest.mark.django_db
def test_odk_server_url_with_an_expired_token_is_refused_in_indonesian(client, facilitator):
    key = tokens.rotate_token(facilitator, tokens.ODK_TOKEN)
    assert client.get(f"/odk/key/{key}/formList", **OPENROSA).status_code == 200
    _expire(key)
    response = client.get(f"/odk/key/{key}/formList", **OPENROSA)
    assert response.status_code == 401
    assert "kedaluwarsa" in response.content.decode()


@pytest.mark.django_db
def test_token_from_password_carries_its_device_name_and_expiry(facilitator):
    response = APIClient().post(
        "/api/v1/token/", {"username": "budi", "password": "rahasia-123", "name": "Skrip laporan"}, format="json"
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["expires"] and DeviceToken.objects.get(user=facilitator).name == "Skrip laporan"
    assert _api(body["token"]).get("/api/v1/rumah-tangga/").status_code == 200


@pytest.mark.django_db
def test_the_token_page_lists_devices_and_revokes_one_without_the_others(client, facilitator):
    client.force_login(facilitator)
    phone = client.post("/api/token/", {"action": "create", "name": "HP Budi"}).context["new_key"]
    script = client.post("/api/token/", {"action": "create", "name": "Skrip laporan"}).context["new_key"]
    _expire(script)
    page = client.get("/api/token/").content.decode()
    assert "HP Budi" in page and "Skrip laporan" in page and "kedaluwarsa" in page
    assert phone not in page and phone[:8] in page
    phone_id = DeviceToken.objects.get(name="HP Budi").pk
    client.post("/api/token/", {"action": "revoke", "token": phone_id})
    assert list(DeviceToken.objects.filter(user=facilitator).values_list("name", flat=True)) == ["Skrip laporan"]


@pytest.mark.django_db
def test_nobody_revokes_another_users_token(client, facilitator, city_officer):
    tokens.issue_token(city_officer, "HP Siti")
    client.force_login(facilitator)
    client.post("/api/token/", {"action": "revoke", "token": DeviceToken.objects.get().pk})
    assert DeviceToken.objects.filter(user=city_officer).exists()


@pytest.mark.django_db
def test_the_odk_page_replaces_its_own_token_and_leaves_the_api_tokens(client, facilitator):
    client.force_login(facilitator)
    api_key = client.post("/api/token/", {"action": "create", "name": "Skrip"}).context["new_key"]
    client.post("/odk/")
    client.post("/odk/")
    assert DeviceToken.objects.filter(user=facilitator, name=tokens.ODK_TOKEN).count() == 1
    assert _api(api_key).get("/api/v1/rumah-tangga/").status_code == 200
