"""Production mode: Gotong served the way README's "Running in production" says, then driven by a browser.

One server for the whole stage: `gotong migrate`, `gotong demo --force`, then `gotong serve --no-worker` (which
collects the static files into a fresh data folder) with DEBUG off, its own SECRET_KEY and ALLOWED_HOSTS. The
database is a fresh PostgreSQL database on DATABASE_URL's server when DATABASE_URL is set (CI), else a fresh
SQLite file. Nothing here touches the test database of the ordinary runs.
"""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

DEMO_PASSWORD = "gotong-demo"
GOTONG = [sys.executable, "-m", "gotong"]
SETUP_TIMEOUT = 900  # migrate + demo on a shared 2-core machine: 164 s and over 300 s under load (7 Dec)
READY_TIMEOUT = 900  # collectstatic (Brotli and gzip of every file) comes first; a busy 2-core machine is slow


@dataclass
class ProductionServer:
    url: str
    host: str
    port: int
    log: Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


class _PostgresDatabase:
    """A fresh database on the server DATABASE_URL points at, dropped at the end of the stage."""

    def __init__(self, url: str):
        self.admin_url = url
        self.name = f"gotong_prod_{secrets.token_hex(4)}"
        parts = urlsplit(url)
        self.url = urlunsplit(parts._replace(path=f"/{self.name}"))

    def _connect(self):
        import psycopg

        # The URL's own database may not exist yet (pytest-django creates test_…): the maintenance database does.
        parts = urlsplit(self.admin_url)
        return psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True)

    def create(self) -> None:
        with self._connect() as conn:
            conn.execute(f'CREATE DATABASE "{self.name}"')

    def drop(self) -> None:
        with self._connect() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def _run(args, env, log: Path, timeout: int) -> None:
    with log.open("a") as out:
        out.write(f"\n$ gotong {' '.join(args)}\n")
        out.flush()
        started = time.monotonic()
        result = subprocess.run([*GOTONG, *args], env=env, stdout=out, stderr=subprocess.STDOUT, timeout=timeout)
        out.write(f"# {time.monotonic() - started:.1f} s, exit {result.returncode}\n")
    if result.returncode:
        pytest.fail(f"`gotong {' '.join(args)}` failed ({result.returncode}):\n{_tail(log)}", pytrace=False)


def _wait_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"`gotong serve` exited with {process.returncode}:\n{_tail(log)}", pytrace=False)
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    pytest.fail(f"/healthz did not answer within {READY_TIMEOUT} s:\n{_tail(log)}", pytrace=False)


@pytest.fixture(scope="session")
def production_server(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("gotong-production")
    log = data_dir / "server.log"
    port = _free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        # Only what an operator sets: no test settings, no leftovers from the developer's shell.
        if not key.startswith(("DJANGO_", "GOTONG_", "PYTEST_")) and key not in {"STATIC_ROOT", "MEDIA_ROOT"}
    }
    env.update(
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        GOTONG_DATA_DIR=str(data_dir),
        PYTHONUNBUFFERED="1",
    )
    postgres = _PostgresDatabase(os.environ["DATABASE_URL"]) if os.environ.get("DATABASE_URL") else None
    if postgres:
        postgres.create()
        env["DATABASE_URL"] = postgres.url
    else:
        env.pop("DATABASE_URL", None)  # the default: a fresh SQLite file in GOTONG_DATA_DIR

    process = None
    try:
        _run(["migrate", "--no-input", "-v", "0"], env, log, SETUP_TIMEOUT)
        # The demo logins share a published password, so the command wants --force with DEBUG off.
        _run(["demo", "--households", "40", "--force"], env, log, SETUP_TIMEOUT)
        with log.open("a") as out:
            process = subprocess.Popen(
                [*GOTONG, "serve", "--host", "127.0.0.1", "--port", str(port), "--no-worker"],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url, process, log)
        yield ProductionServer(url=url, host="127.0.0.1", port=port, log=log)
    finally:
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if postgres:
            postgres.drop()


def log_in(page, server: ProductionServer, username: str) -> None:
    page.goto(f"{server.url}/akun/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{server.url}/")
