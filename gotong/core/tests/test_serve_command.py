"""`gotong serve`: several processes by default, the count settable, and no proxy header trusted behind our back.

The server itself is started by the production-mode stage (tests/browser/production/) and `gotong bench load`."""

import pytest
from django.core.management.base import CommandError

from gotong.core.management.commands import serve


def test_one_process_per_usable_core_unless_told(monkeypatch):
    monkeypatch.delenv("GOTONG_WEB_WORKERS", raising=False)
    monkeypatch.setattr(serve.os, "sched_getaffinity", lambda pid: {0, 1, 2}, raising=False)
    assert serve.default_workers() == 3
    monkeypatch.setenv("GOTONG_WEB_WORKERS", "5")
    assert serve.default_workers() == 5


@pytest.mark.parametrize("value", ["0", "dua", "-1"])
def test_a_bad_worker_count_is_refused_in_indonesian(monkeypatch, value):
    monkeypatch.setenv("GOTONG_WEB_WORKERS", value)
    with pytest.raises(CommandError, match="GOTONG_WEB_WORKERS harus bilangan bulat"):
        serve.default_workers()


def test_gunicorn_settings_are_valid_and_trust_no_forwarded_headers():
    from gunicorn.config import Config

    options = serve.gunicorn_options(host="127.0.0.1", port=8000, workers=3, threads=4)
    config = Config()
    for key, value in options.items():
        config.set(key, value)  # an unknown or invalid setting raises here
    assert config.workers == 3 and config.threads == 4
    assert config.worker_class_str == "gthread"
    # GOTONG_TRUSTED_PROXIES decides in Django; gunicorn must not mark a request HTTPS from X-Forwarded-Proto.
    assert config.forwarded_allow_ips == []
    assert config.control_socket_disable is True
    assert serve.gunicorn_options(host="::1", port=8000, workers=1, threads=1)["bind"] == "[::1]:8000"
