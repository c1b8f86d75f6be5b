"""`gotong dashboards rebuild` recomputes the pre-aggregated tallies; `gotong dashboards check` compares them."""

import time

from django.core.management.base import BaseCommand, CommandError

from gotong.dashboards import aggregates


class Command(BaseCommand):
    help = "Rekap dasbor: rebuild (hitung ulang semua) atau check (bandingkan dengan data registri)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "check"])

    def handle(self, *args, action, **options):
        started = time.perf_counter()
        if action == "rebuild":
            rows = aggregates.rebuild()
            self.stdout.write(f"{rows} baris rekap dihitung ulang dalam {time.perf_counter() - started:.1f} s.")
            return
        problems = aggregates.differences()
        for problem in problems[:50]:
            self.stdout.write(problem)
        if problems:
            raise CommandError(
                f"{len(problems)} selisih antara rekap dan data registri. Jalankan: gotong dashboards rebuild"
            )
        self.stdout.write(f"Rekap cocok dengan data registri ({time.perf_counter() - started:.1f} s).")
