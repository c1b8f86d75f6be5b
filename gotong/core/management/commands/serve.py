"""`gotong serve`: the production server — waitress (WSGI) with static files served by WhiteNoise.

It also starts a background-task worker (`gotong db_worker`, e.g. for large exports) as a child process, so a
laptop needs nothing else; run with `--no-worker` when a separate `gotong db_worker` service does that job.
"""

import signal
import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand
from waitress import serve


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
    help = "Jalankan server web Gotong (waitress + WhiteNoise) beserta pekerja tugas latar, tanpa web server terpisah."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)
        parser.add_argument("--no-collectstatic", action="store_true", help="Lewati collectstatic.")
        parser.add_argument(
            "--no-worker", action="store_true", help="Jangan jalankan pekerja tugas latar (pakai `gotong db_worker`)."
        )

    def handle(self, *args, host, port, threads, no_collectstatic, no_worker, **options):
        if not no_collectstatic:
            call_command("collectstatic", interactive=False, verbosity=0)
        from gotong.wsgi import application

        worker = None if no_worker else start_worker()
        # A service manager stops us with SIGTERM: leave through `finally` so the worker goes too.
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
        self.stdout.write(f"Gotong berjalan di http://{host}:{port}/ (Ctrl+C untuk berhenti)")
        if worker:
            self.stdout.write("Pekerja tugas latar (ekspor besar) berjalan.")
        try:
            serve(application, host=host, port=port, threads=threads, ident="gotong")
        finally:
            if worker:
                stop_worker(worker)
