"""`gotong import households PATH`: import family cards and members from CSV/XLSX.

Exit status 0 when every row was accepted (warnings allowed), 1 otherwise. NIK and KK numbers are masked on
screen; the --report file keeps the values as written so the user can find the row.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gotong.core.policy import may_somewhere
from gotong.registry.importing import import_households, summary_lines
from gotong.registry.importing.report import save_report


class Command(BaseCommand):
    help = "Impor data dari file. `gotong import households FILE` mengimpor KK dan anggotanya dari CSV/XLSX."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="kind", required=True)
        households = sub.add_parser(
            "households", help="KK dan anggota keluarga dari CSV (koma atau titik koma) atau XLSX."
        )
        households.add_argument("path", metavar="FILE", help="File .csv atau .xlsx; baris pertama judul kolom.")
        households.add_argument("--dry-run", action="store_true", help="Periksa saja, tidak menyimpan apa pun.")
        households.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Simpan KK yang semua barisnya benar; KK yang punya baris salah dilewati seluruhnya.",
        )
        households.add_argument(
            "--bulk", action="store_true", help="Impor massal (COPY/batch) untuk file besar berisi KK baru."
        )
        households.add_argument("--report", metavar="REPORT.csv", help="Tulis laporan row,field,value,reason.")
        households.add_argument(
            "--user", metavar="USERNAME", help="Pengguna yang tercatat di jejak audit; wilayah kerjanya berlaku."
        )

    def handle(self, *args, kind, **options):
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(_("File %(path)s tidak ditemukan.") % {"path": path})
        user = self._user(options.get("user"))
        if options["bulk"]:
            from gotong.registry.importing.bulk import bulk_import_households as run_import
        else:
            run_import = import_households
        result = run_import(
            path,
            filename=path.name,
            acting_user=user,
            dry_run=options["dry_run"],
            skip_invalid=options["skip_invalid"],
        )
        for issue in result.sorted_issues():
            line = _('Baris %(row)d, kolom %(field)s, nilai "%(value)s": %(reason)s') % {
                "row": issue.row,
                "field": issue.field or "-",
                "value": issue.masked_value,
                "reason": issue.message,
            }
            (self.stdout if issue.is_warning else self.stderr).write(line)
        for line in summary_lines(result):
            self.stdout.write(line)
        if options["report"]:
            save_report(result, options["report"])
            self.stdout.write(_("Laporan ditulis ke %(path)s.") % {"path": options["report"]})
        if not result.ok:
            if not result.skip_invalid and not result.dry_run:
                self.stdout.write(_("Gunakan --skip-invalid untuk menyimpan KK yang barisnya benar saja."))
            raise SystemExit(1)

    def _user(self, username: str | None):
        if not username:
            return None
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(_("Pengguna %(username)s tidak ditemukan.") % {"username": username})
        if not may_somewhere(user, "registry.import"):
            raise CommandError(_("Pengguna %(username)s tidak boleh mengubah data KK.") % {"username": username})
        return user
