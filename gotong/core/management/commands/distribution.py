"""`gotong distribution check`: every province-distributed row carries the province its placement derives."""

from django.core.management.base import BaseCommand, CommandError

from gotong.core.distribution_check import province_mismatches


class Command(BaseCommand):
    help = "Distribusi per provinsi (Citus): `check` memeriksa province_code setiap baris sebelum peralihan."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("check", help="Periksa semua tabel; keluar dengan status 1 bila ada baris yang berbeda.")

    def handle(self, *args, action, **options):
        if action == "check":
            mismatches = province_mismatches()
            if mismatches:
                for mismatch in mismatches:
                    self.stdout.write(str(mismatch))
                raise CommandError(f"{len(mismatches)} tabel memuat province_code yang salah.", returncode=1)
            self.stdout.write(self.style.SUCCESS("Setiap baris membawa province_code yang sesuai turunannya."))
