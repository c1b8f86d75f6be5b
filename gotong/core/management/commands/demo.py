import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from gotong.core.demo import DEFAULT_HOUSEHOLDS, MIN_HOUSEHOLDS, load_demo


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


class Command(BaseCommand):
    help = (
        "Muat data demo: empat kota dari naskah rujukan, KK dan penduduk sintetis, organisasi, "
        "dan satu akun demo per peran. Idempoten: bila data demo sudah ada, tidak ada yang diubah."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--households",
            type=int,
            default=DEFAULT_HOUSEHOLDS,
            metavar="N",
            help=f"Jumlah KK sintetis di keempat kota (bawaan {DEFAULT_HOUSEHOLDS}).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Tetap muat walau DEBUG mati. Akun demo memakai kata sandi yang diketahui umum.",
        )

    def handle(self, *args, households, force, **options):
        # Demo logins share one published password: never create them on a production server by accident.
        if not settings.DEBUG and not force:
            raise CommandError("DEBUG mati (mode produksi?). Data demo hanya dimuat dengan --force.")
        if households < MIN_HOUSEHOLDS:
            raise CommandError(f"--households minimal {MIN_HOUSEHOLDS} (satu per kelurahan demo).")
        started = time.monotonic()
        result = load_demo(households)
        seconds = time.monotonic() - started
        if result.loaded:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Data demo dimuat dalam {seconds:.1f} detik: {_number(result.households)} KK, "
                    f"{_number(result.persons)} penduduk, {_number(result.dwellings)} data rumah, "
                    f"{result.organizations} organisasi, {result.memberships} keanggotaan, "
                    f"{result.users} akun baru."
                )
            )
        else:
            self.stdout.write("Data demo sudah ada; tidak ada yang diubah.")
        self.stdout.write("")
        self.stdout.write("Akun demo:")
        self.stdout.write(self._table(("Nama pengguna", "Peran", "Cakupan", "Kata sandi"), result.logins))

    @staticmethod
    def _table(header, rows) -> str:
        widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
        lines = ["  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)) for row in rows]
        rule = "  ".join("-" * width for width in widths)
        title = "  ".join(str(cell).ljust(width) for cell, width in zip(header, widths, strict=True))
        return "\n".join(line.rstrip() for line in [title, rule, *lines])
