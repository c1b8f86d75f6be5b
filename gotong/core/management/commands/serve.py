"""`gotong serve`: the production server — waitress (WSGI) with static files served by WhiteNoise."""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from waitress import serve


class Command(BaseCommand):
    help = "Jalankan server web Gotong (waitress + WhiteNoise), tanpa web server terpisah."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)
        parser.add_argument("--no-collectstatic", action="store_true", help="Lewati collectstatic.")

    def handle(self, *args, host, port, threads, no_collectstatic, **options):
        if not no_collectstatic:
            call_command("collectstatic", interactive=False, verbosity=0)
        from gotong.wsgi import application

        self.stdout.write(f"Gotong berjalan di http://{host}:{port}/ (Ctrl+C untuk berhenti)")
        serve(application, host=host, port=port, threads=threads, ident="gotong")
