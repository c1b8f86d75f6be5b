"""`gotong serve`: the production server — gunicorn with several worker processes, static files by WhiteNoise.

Why gunicorn (issue 24): a request is ~15 ms of Python, so one process uses one core whatever its threads (the GIL);
throughput grows only with processes. Gunicorn is the maintained pre-fork WSGI server Django's deployment docs
name first, pure Python (no compiler on the server), with graceful restarts and a master that replaces a crashed
worker. Its `gthread` workers keep a few threads each so a slow database answer does not idle a core. Granian
(Rust) was the other candidate; it is younger and its WSGI mode adds no gain where the time is Django's own.
Waitress (threads only, one process) stays as the fallback on Windows, where gunicorn cannot run.

It also starts a background-task worker (`gotong db_worker`, e.g. for large exports) as a child process, so a
laptop needs nothing else; run with `--no-worker` when a separate `gotong db_worker` service does that job.
"""

import os
import signal
import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


def default_workers() -> int:
    """GOTONG_WEB_WORKERS, else one process per core this process may use."""
    value = os.environ.get("GOTONG_WEB_WORKERS", "").strip()
    if value:
        if not value.isdigit() or int(value) < 1:
            raise CommandError(f"GOTONG_WEB_WORKERS harus bilangan bulat ≥ 1, bukan {value!r}.")
        return int(value)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def default_threads() -> int:
    value = os.environ.get("GOTONG_WEB_THREADS", "").strip()
    if value:
        if not value.isdigit() or int(value) < 1:
            raise CommandError(f"GOTONG_WEB_THREADS harus bilangan bulat ≥ 1, bukan {value!r}.")
        return int(value)
    return 4


def gunicorn_options(*, host: str, port: int, workers: int, threads: int) -> dict:
    """Gunicorn's settings for Gotong; a plain dict so a test can read them."""
    return {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",
        "threads": threads,
        # Django applies GOTONG_TRUSTED_PROXIES itself (SECURE_PROXY_SSL_HEADER, the login throttle's address);
        # gunicorn's default would also trust X-Forwarded-Proto from loopback, even with no proxy configured.
        "forwarded_allow_ips": "",
        # The default control socket is one file per user ($HOME/.gunicorn/gunicorn.ctl): a second server
        # (another instance, the test stage) would fight over it; nothing here uses gunicornc.
        "control_socket_disable": True,
        # Import Django once in the master, fork the workers: less memory, and a broken setting fails at start.
        "preload_app": True,
        "timeout": 120,  # a request past this is killed and its worker replaced; long work belongs in tasks
        "graceful_timeout": 30,
        "proc_name": "gotong",
        "errorlog": "-",
    }


def run_gunicorn(application, options: dict) -> None:
    from gunicorn.app.base import BaseApplication

    class GotongServer(BaseApplication):
        def load_config(self):
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self):
            return application

    GotongServer().run()


def start_worker() -> subprocess.Popen:
    # A child process, not a thread: the worker installs its own signal handlers and keeps its own connection.
    return subprocess.Popen([sys.executable, "-m", "gotong", "db_worker", "--no-reload", "--interval", "1"])


def stop_worker(worker: subprocess.Popen) -> None:
    worker.terminate()  # SIGTERM: the worker finishes the task in hand, then exits
    try:
        worker.wait(timeout=30)
    except subprocess.TimeoutExpired:
        worker.kill()


class Command(BaseCommand):
    help = (
        "Jalankan server web Gotong (gunicorn, beberapa proses, + WhiteNoise) beserta pekerja tugas latar, "
        "tanpa web server terpisah."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--workers", type=int, default=None, help="Jumlah proses web (bawaan: GOTONG_WEB_WORKERS atau jumlah inti)."
        )
        parser.add_argument(
            "--threads", type=int, default=None, help="Utas per proses (bawaan: GOTONG_WEB_THREADS atau 4)."
        )
        parser.add_argument("--no-collectstatic", action="store_true", help="Lewati collectstatic.")
        parser.add_argument(
            "--no-worker", action="store_true", help="Jangan jalankan pekerja tugas latar (pakai `gotong db_worker`)."
        )

    def handle(self, *args, host, port, workers, threads, no_collectstatic, no_worker, **options):
        workers = default_workers() if workers is None else workers
        threads = default_threads() if threads is None else threads
        if workers < 1 or threads < 1:
            raise CommandError("--workers dan --threads harus ≥ 1.")
        if not no_collectstatic:
            call_command("collectstatic", interactive=False, verbosity=0)
        from django.db import connections

        from gotong.wsgi import application

        # The workers are forked from this process: none may inherit (and share) a database connection.
        connections.close_all()
        worker = None if no_worker else start_worker()
        # A service manager stops us with SIGTERM: leave through `finally` so the worker goes too (gunicorn's
        # master installs its own handler and exits through SystemExit, which runs `finally` as well).
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
        windows = os.name == "nt"
        processes = 1 if windows else workers
        self.stdout.write(
            f"Gotong berjalan di http://{host}:{port}/ ({processes} proses × {threads} utas; Ctrl+C untuk berhenti)"
        )
        if worker:
            self.stdout.write("Pekerja tugas latar (ekspor besar) berjalan.")
        self.stdout.flush()
        try:
            if windows:  # gunicorn needs fork(): one waitress process
                from waitress import serve

                serve(application, host=host, port=port, threads=threads, ident="gotong")
            else:
                run_gunicorn(application, gunicorn_options(host=host, port=port, workers=workers, threads=threads))
        finally:
            if worker:
                stop_worker(worker)
