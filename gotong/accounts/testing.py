"""Test support: the URL configuration as a server with mail configured builds it (the e-mail reset URLs are added
only when EMAIL_HOST is set, at import time)."""

import importlib
from contextlib import contextmanager

from django.urls import clear_url_caches


def _reload_urls() -> None:
    import gotong.accounts.urls
    import gotong.urls

    importlib.reload(gotong.accounts.urls)
    importlib.reload(gotong.urls)
    clear_url_caches()


@contextmanager
def urls_with_mail(settings, host: str = "smtp.example.id"):
    """Inside: EMAIL_HOST set, the locmem mail backend, and the URLs rebuilt; rebuilt without mail afterwards."""
    settings.EMAIL_HOST = host
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    _reload_urls()
    try:
        yield
    finally:
        settings.EMAIL_HOST = ""
        _reload_urls()
