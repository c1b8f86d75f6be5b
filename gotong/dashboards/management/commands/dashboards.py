"""`gotong dashboards rebuild|check|extend`: the pre-aggregated tallies behind the dashboards and the portal.

rebuild recomputes them all, check compares them with the live records, extend makes the current month's
posyandu tallies and recounts the cases' overdue visits for today (run it daily, soon after midnight: until
then a new month or a new day is counted live, exact but slower).
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from gotong.activities import tallies as activity_tallies
from gotong.casework import tallies as casework_tallies
from gotong.dashboards import aggregates
from gotong.posyandu import tallies as posyandu_tallies
from gotong.socialcapital import stored_scores
from gotong.wastebank import tallies as wastebank_tallies


class Command(BaseCommand):
    help = "Rekap dasbor: rebuild (hitung ulang semua), check (bandingkan dengan data) atau extend (bulan berjalan)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "check", "extend"])

    def handle(self, *args, action, **options):
        started = time.perf_counter()
        if action == "rebuild":
            rows = (
                aggregates.rebuild()
                + posyandu_tallies.rebuild()
                + wastebank_tallies.rebuild()
                + casework_tallies.rebuild()
                + activity_tallies.rebuild()
                + stored_scores.rebuild()
            )
            self.stdout.write(f"{rows} baris rekap dihitung ulang dalam {time.perf_counter() - started:.1f} s.")
            return
        if action == "extend":
            today = timezone.localdate()
            count = posyandu_tallies.extend_to(today)
            self.stdout.write(f"Rekap bulan berjalan dibuat untuk {count} posyandu.")
            count = casework_tallies.extend_to(today)
            self.stdout.write(f"Kunjungan terlambat dihitung ulang untuk {count} kasus.")
            return
        problems = (
            aggregates.differences()
            + posyandu_tallies.differences()
            + wastebank_tallies.differences()
            + casework_tallies.differences()
            + activity_tallies.differences()
            + stored_scores.differences()
        )
        for problem in problems[:50]:
            self.stdout.write(problem)
        if problems:
            raise CommandError(f"{len(problems)} selisih antara rekap dan data. Jalankan: gotong dashboards rebuild")
        self.stdout.write(f"Rekap cocok dengan data ({time.perf_counter() - started:.1f} s).")
