"""Platform basics: health check, login, throttling, password hashing, language."""

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.test import override_settings
from django.urls import reverse


def test_healthz_reports_database(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_pages_need_login(client, db):
    response = client.get(reverse("registry:household-list"))
    assert response.status_code == 302 and "/akun/masuk/" in response["Location"]


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.Argon2PasswordHasher"])
def test_passwords_are_hashed_with_argon2(db):
    from gotong.accounts.models import User

    user = User.objects.create_user("ani", password="kata-sandi-panjang")
    assert identify_hasher(user.password).algorithm == "argon2"


def test_repeated_failed_logins_are_throttled(client, facilitator, settings):
    url = reverse("login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": "budi", "password": "salah"}, REMOTE_ADDR="10.0.0.5")
    response = client.post(url, {"username": "budi", "password": "rahasia-123"}, REMOTE_ADDR="10.0.0.5")
    assert response.status_code == 429
    assert "Terlalu banyak percobaan" in response.content.decode()


def test_login_page_is_indonesian_by_default_and_english_on_request(client, db):
    assert "Masuk ke Gotong" in client.get(reverse("login")).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "Sign in to Gotong" in client.get(reverse("login")).content.decode()


@pytest.mark.parametrize("role_fixture", ["facilitator", "city_officer", "partner"])
def test_dashboard_renders_for_each_role(client, request, role_fixture):
    user = request.getfixturevalue(role_fixture)
    client.force_login(user)
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    assert "Selamat datang" in response.content.decode()


def test_english_phone_still_gets_indonesian_until_user_switches(client, db):
    content = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Masuk ke Gotong" in content
