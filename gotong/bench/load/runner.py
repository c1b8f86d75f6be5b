"""Start `gotong serve` on loopback, prepare a logged-in city officer, run locust headless twice, parse its CSV.

The same server answers a trivial run (/healthz) and an application run (field + API paths), each bounded in time
and users, so the result is a ratio within one run on one (noisy, shared) machine.
"""

import csv
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.test import Client

from gotong.bench.load.field import prepare_field_user
from gotong.bench.processes import production_env

USERNAME = "bench_officer"


def refresh_statistics() -> None:
    """ANALYZE, so the planner knows the table sizes before we measure.

    After a bulk COPY the statistics still say "empty table" until autovacuum's analyze runs (never, when a
    server has autovacuum off): PostgreSQL then sorts all 230 k persons of a city for a 50-row page (2.5 s)
    instead of walking the family-card index (0.5 ms). A production server with autovacuum on gets there by itself.
    """
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def prepare_officer(city_code: str) -> tuple[str, str]:
    """A city officer for the city, with a session cookie and an API token."""
    from gotong.accounts.models import User
    from gotong.api import tokens
    from gotong.areas.models import Area, WorkAssignment

    user = User.objects.filter(username=USERNAME).first()
    if user is None:
        user = User.objects.create_user(username=USERNAME, password="bench-rahasia-123", role="city_officer")
    WorkAssignment.objects.get_or_create(user=user, area=Area.objects.get(code=city_code))
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value, tokens.issue_token(user, "locust")


def _wait_for(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.5)
    raise RuntimeError(f"server did not start on port {port}")


def _locust(target: str, port: int, users: int, seconds: int, workdir: Path, env: dict) -> list[dict]:
    prefix = workdir / target
    command = [
        sys.executable, "-m", "locust", "-f", str(Path(__file__).with_name("locustfile.py")), "--headless",
        "-u", str(users), "-r", str(users), "-t", f"{seconds}s", "--host", f"http://127.0.0.1:{port}",
        "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING",
    ]  # fmt: skip
    subprocess.run(command, env={**env, "BENCH_TARGET": target}, check=False, capture_output=True)
    with open(f"{prefix}_stats.csv", newline="") as handle:
        return [
            {
                "name": row["Name"],
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "rps": round(float(row["Requests/s"]), 1),
                "p50_ms": float(row["50%"]),
                "p99_ms": float(row["99%"]),
            }
            for row in csv.DictReader(handle)
        ]


def run_load(*, city_code: str, port: int, users: int, seconds: int, workdir: Path, log=print) -> dict:
    workdir.mkdir(parents=True, exist_ok=True)
    refresh_statistics()
    session, token = prepare_officer(city_code)
    env = production_env(BENCH_SESSION=session, BENCH_TOKEN=token, BENCH_FIELD=prepare_field_user(city_code))
    server = subprocess.Popen(
        [sys.executable, "-m", "gotong.cli", "serve", "--host", "127.0.0.1", "--port", str(port), "--no-worker"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(port, seconds=600)  # `gotong serve` collects and compresses static files first (DEBUG off)
        log(f"server on :{port}; locust {users} users × {seconds} s, trivial then app")
        trivial = _locust("trivial", port, users, seconds, workdir, env)
        app = _locust("app", port, users, seconds, workdir, env)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"users": users, "seconds": seconds, "city": city_code, "trivial": trivial, "app": app}
