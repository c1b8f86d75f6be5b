from django.core.management.base import BaseCommand

from gotong.areas.loading import load_areas


class Command(BaseCommand):
    help = "Kelola data wilayah Kemendagri. `gotong areas load` memuat/memperbarui semua wilayah."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("load", help="Muat provinsi, kab/kota, kecamatan dan kelurahan/desa (idempoten).")
        load.add_argument(
            "--within",
            nargs="*",
            default=None,
            metavar="KODE",
            help="Hanya wilayah di dalam kode ini (mis. 21.72 16.71), untuk uji dan laptop kelurahan.",
        )

    def handle(self, *args, action, **options):
        if action == "load":
            result = load_areas(options["within"])
            self.stdout.write(
                f"Wilayah: {result.created} baru, {result.updated} diperbarui; "
                f"nama lain: {result.aliases_created} baru."
            )
