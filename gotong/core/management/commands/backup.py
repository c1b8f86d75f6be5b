"""`gotong backup [PATH]`: the database and the uploaded photos in one archive (see gotong/core/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from gotong.core.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Cadangkan basis data dan foto unggahan ke satu arsip .tar (default: var/cadangan/gotong-<waktu>.tar)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="berkas arsip tujuan")

    def handle(self, *args, path=None, **options):
        from django.conf import settings

        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        destination = Path(path) if path else Path(settings.DATA_DIR) / "cadangan" / f"gotong-{stamp}.tar"
        try:
            summary = create_backup(destination)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Cadangan {summary.engine} ditulis ke {summary.path} "
            f"({summary.size_bytes / 1_000_000:.1f} MB, {summary.media_files} berkas foto)."
        )
