"""Start `gotong serve` on loopback, prepare a logged-in city officer, run locust headless twice, parse its CSV.

With several worker counts (`--workers 1 2`) the server is started once per count, so 1 vs N processes are
measured under the same mix, one after the other, in one result.

The same server answers a trivial run (/healthz) and an application run (field + API paths), each bounded in time
and users, so the result is a ratio within one run on one (noisy, shared) machine.
"""

import csv
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.test import Client

from gotong.bench.load.field import prepare_field_users
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


def _locust(label: str, port: int, users: int, seconds: int, workdir: Path, env: dict) -> list[dict]:
    prefix = workdir / label
    command = [
        sys.executable, "-m", "locust", "-f", str(Path(__file__).with_name("locustfile.py")), "--headless",
        "-u", str(users), "-r", str(users), "-t", f"{seconds}s", "--host", f"http://127.0.0.1:{port}",
        "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING",
    ]  # fmt: skip
    subprocess.run(command, env=env, check=False, capture_output=True)
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


def _serve(port: int, workers: int, env: dict) -> subprocess.Popen:
    command = [sys.executable, "-m", "gotong.cli", "serve", "--host", "127.0.0.1", "--port", str(port), "--no-worker",
               "--workers", str(workers), "--no-collectstatic"]  # fmt: skip
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def run_load(
    *,
    city_code: str,
    port: int,
    users: int,
    seconds: int,
    workdir: Path,
    workers: list[int],
    client: str = "fast",
    log=print,
) -> dict:
    """One server per entry of `workers` (its number of processes), one after the other on the same database and
    machine state, each measured trivial then app: 1 vs N processes side by side in one result."""
    workdir.mkdir(parents=True, exist_ok=True)
    refresh_statistics()
    session, token = prepare_officer(city_code)
    env = production_env(
        BENCH_SESSION=session, BENCH_TOKEN=token, BENCH_FIELD=prepare_field_users(city_code), BENCH_CLIENT=client
    )
    # What `gotong serve` does first (DEBUG off: hashed, compressed files), once for all the servers below.
    subprocess.run([sys.executable, "-m", "gotong.cli", "collectstatic", "--no-input", "-v0"], env=env, check=True)
    runs = []
    for count in workers:
        server = _serve(port, count, env)
        try:
            _wait_for(port, seconds=300)
            log(f"server on :{port} with {count} process(es); locust {users} users × {seconds} s, trivial then app")
            trivial = _locust(f"trivial-{count}", port, users, seconds, workdir, {**env, "BENCH_TARGET": "trivial"})
            app = _locust(f"app-{count}", port, users, seconds, workdir, {**env, "BENCH_TARGET": "app"})
        finally:
            server.terminate()
            server.wait(timeout=60)
        _wait_closed(port)
        runs.append({"workers": count, "trivial": trivial, "app": app})
    return {
        "users": users,
        "seconds": seconds,
        "city": city_code,
        "cores": os.cpu_count(),
        "client": client,
        "runs": runs,
    }


def _wait_closed(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return
        time.sleep(0.5)
