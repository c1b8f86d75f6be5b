from django.core.management.base import BaseCommand

from gotong.exports.services import prune_exports


class Command(BaseCommand):
    help = "Kelola ekspor di latar belakang. `gotong exports prune` menghapus berkas ekspor yang lebih dari 24 jam."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("prune", help="Hapus ekspor (dan berkasnya) yang lebih tua dari GOTONG_EXPORT_KEEP_HOURS.")

    def handle(self, *args, action, **options):
        if action == "prune":
            removed = prune_exports()
            self.stdout.write(f"Ekspor dihapus: {removed}.")
