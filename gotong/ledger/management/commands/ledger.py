"""`gotong ledger check`: prove every cached balance equals its entries and every transaction balances."""

from django.core.management.base import BaseCommand, CommandError

from gotong.ledger.services import check_books


class Command(BaseCommand):
    help = "Buku besar: `check` memeriksa saldo tersimpan dan keseimbangan setiap transaksi."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("check", help="Periksa semua buku; keluar dengan status 1 bila ada masalah.")

    def handle(self, *args, action, **options):
        if action == "check":
            problems = check_books()
            if problems:
                for line in problems:
                    self.stdout.write(line)
                raise CommandError(f"{len(problems)} masalah ditemukan di buku besar.", returncode=1)
            self.stdout.write(self.style.SUCCESS("Semua buku seimbang; saldo tersimpan sama dengan entri."))
