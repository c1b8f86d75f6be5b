"""`gotong restore ARCHIVE [--database-url URL]`: restore a `gotong backup` archive into an empty database."""

from django.core.management.base import BaseCommand, CommandError

from gotong.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Pulihkan arsip `gotong backup` ke basis data kosong (dan foto ke MEDIA_ROOT)."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--database-url", help="basis data tujuan (default: DATABASE_URL)")

    def handle(self, *args, archive, database_url=None, **options):
        try:
            manifest = restore_backup(archive, database_url=database_url)
        except (BackupError, FileNotFoundError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Dipulihkan: cadangan {manifest['engine']} dari {manifest['created_at']} "
            f"({manifest['media_files']} berkas foto). Jalankan `gotong migrate` bila versi Gotong lebih baru."
        )
