"""`gotong bench <generate|import|load|dashboards|pages|search|field-network|exports|report>`: the synthetic city and
the benchmarks of issue 9; `field-network` measures the field forms on a slow link (issue 19); `pages` deep pages and
`search` the name searches (issue 24). Result files are named after the database's place and size
(`dashboards-postgresql-12.71-2.5M.json`), so a smaller run never overwrites a reference result."""

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Kota sintetis dan tolok ukur: generate, import, load, dashboards, field-network, report."
    # Benchmarks read and write their own data; a half-finished app elsewhere must not stop them.
    requires_system_checks = []

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        generate = sub.add_parser("generate", help="penduduk sintetis deterministik di satu kota")
        generate.add_argument("--persons", type=int, required=True)
        generate.add_argument(
            "--seed", type=int, default=2026, help="cities in one database need their own seeds (--province gives them)"
        )
        generate.add_argument("--city", default="12.71", help="kode kota/kabupaten (default 12.71, Kota Medan)")
        generate.add_argument(
            "--province",
            help="kode provinsi: penduduk dibagi ke kabupaten/kota yang belum berpenduduk, sebanding jumlah desanya",
        )
        generate.add_argument(
            "--no-modules",
            action="store_true",
            help="tanpa catatan modul (posyandu, bank sampah, kasus, dana bergulir, kumuh, kolaborasi, program, …)",
        )
        generate.add_argument(
            "--until",
            type=date.fromisoformat,
            default=None,
            help="catatan modul 12 bulan sebelum tanggal ini (default hari ini)",
        )
        from gotong.bench.importbench import METHODS

        imp = sub.add_parser("import", help="impor massal vs django-import-export vs batas basis data")
        imp.add_argument("--rows", type=int, default=20_000)
        imp.add_argument("--scale", type=int, nargs="+", default=[4],
                         help="ukuran lain = rows × scale (boleh beberapa, mis. 4 16), untuk memori")  # fmt: skip
        imp.add_argument("--library-rows", type=int, default=2000, help="ukuran file untuk django-import-export")
        imp.add_argument("--workdir", default="/tmp/gotong-bench-import")
        imp.add_argument("--skip-library", action="store_true", help="lewati django-import-export (lambat)")
        one = sub.add_parser("import-one", help=argparse.SUPPRESS)
        one.add_argument("method", choices=(*METHODS, "csv"))
        one.add_argument("--rows", type=int, default=0)
        one.add_argument("path")
        load = sub.add_parser("load", help="uji beban locust terhadap server lokal")
        load.add_argument("--seconds", type=int, default=30)
        load.add_argument("--users", type=int, default=20)
        load.add_argument("--port", type=int, default=8765)
        load.add_argument("--city", default="21.72")
        load.add_argument("--workdir", default="/tmp/gotong-bench-load")
        load.add_argument(
            "--workers", type=int, nargs="+", default=[1, os.cpu_count() or 1],
            help="jumlah proses server; satu server per angka, berurutan (bawaan: 1 dan jumlah inti)",
        )  # fmt: skip
        load.add_argument(
            "--client", choices=["fast", "requests"], default="fast",
            help="klien locust: fast (FastHttpUser, hemat CPU; bawaan) atau requests (HttpUser, hingga 7 Des 2026)",
        )  # fmt: skip
        sub.add_parser("dashboards", help="waktu server dasbor kota dan profil kelurahan")
        pages = sub.add_parser("pages", help="halaman jauh (kursor dan OFFSET) dibanding halaman 1 daftar panjang")
        pages.add_argument("--page", type=int, default=1000, help="nomor halaman jauh (bawaan 1000)")
        pages.add_argument("--runs", type=int, default=5)
        search = sub.add_parser("search", help="pencarian nama (?q= daftar KK, balita, pemilih penduduk) se-kota")
        search.add_argument("--runs", type=int, default=9)
        field = sub.add_parser(
            "field-network", help="formulir lapangan di 3G lambat: byte dan waktu sampai bisa diisi (Chromium)"
        )
        field.add_argument("--url", default="http://127.0.0.1:8000", help="Gotong yang berjalan dengan data demo")
        field.add_argument("--chromium", default="/usr/bin/chromium")
        exports = sub.add_parser("exports", help="ekspor latar CSV dan XLSX daftar rumah tangga: baris/s, memori")
        exports.add_argument("--rows", type=int, default=100_000)
        export_one = sub.add_parser("export-one", help=argparse.SUPPRESS)
        export_one.add_argument("format", choices=("csv", "xlsx"))
        export_one.add_argument("--rows", type=int, required=True)
        report = sub.add_parser("report", help="cetak tabel hasil (BENCHMARKS.md)")
        report.add_argument("--write", action="store_true", help="tulis tabel ke BENCHMARKS.md")

    def handle(self, *args, **options):
        action = options["action"]
        handler = getattr(self, f"_{action.replace('-', '_')}")
        handler(options)

    def _generate(self, options):
        from django.db import connection
        from django.utils import timezone

        from gotong.bench.results import save_result, scale_tag

        try:
            make = self._generate_province if options["province"] else self._generate_city
            summary = make(options)
        except ValueError as error:
            raise CommandError(str(error)) from error
        summary.update(seed=options["seed"], database=connection.vendor)
        if summary["modules"]:
            summary["modules_until"] = str(options["until"] or timezone.localdate())
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
                summary["database_size"] = cursor.fetchone()[0]
        json.dump(summary, sys.stdout)
        self.stdout.write("")
        if summary["persons"] >= 100_000:  # a benchmark-sized city, not a test
            save_result(f"generate-{connection.vendor}-{scale_tag()}", summary)

    def _generate_city(self, options) -> dict:
        from gotong.bench.synthetic.store import generate_city

        def progress(result, seconds):
            self.stderr.write(f"  {result.persons:,} penduduk, {result.households:,} KK, {seconds:.0f} s")

        result = generate_city(options["persons"], seed=options["seed"], city_code=options["city"],
                               progress=progress, modules=not options["no_modules"],
                               until=options["until"])  # fmt: skip
        return {
            **_generated(result.persons, result.households, result.dwellings, result.units_created, result.seconds),
            "seconds_by_step": {step: round(seconds, 1) for step, seconds in result.timings.items()},
            "modules": result.modules,
            "city": options["city"],
        }

    def _generate_province(self, options) -> dict:
        from gotong.bench.synthetic.province import generate_province
        from gotong.registry.models import Person

        def progress(code, city):
            self.stderr.write(f"  {code}: {city.persons:,} penduduk, {city.households:,} KK, {city.seconds:.0f} s")

        result = generate_province(options["persons"], seed=options["seed"], province_code=options["province"],
                                   progress=progress, modules=not options["no_modules"],
                                   until=options["until"])  # fmt: skip
        province = options["province"]
        return {
            **_generated(
                *(result.total(name) for name in ("persons", "households", "dwellings", "units_created")),
                sum(city.seconds for _code, city in result.cities),
            ),  # fmt: skip
            "modules": result.modules(),
            "province": province,
            "cities": [code for code, _city in result.cities],
            "skipped_cities": result.skipped,
            "persons_in_province": Person.objects.filter(area_code__startswith=f"{province}.").count(),
        }

    def _import(self, options):
        from gotong.bench.importbench import METHODS, run_benchmark
        from gotong.bench.results import save_result

        methods = [m for m in METHODS if not (m == "library" and options["skip_library"])]
        workdir = Path(options["workdir"])
        results = run_benchmark(
            options["rows"],
            options["scale"],
            methods=methods,
            workdir=workdir,
            library_rows=options["library_rows"],
            log=self.stderr.write,
        )
        path = save_result(f"import-{results['database']}", results)
        self.stdout.write(f"→ {path}")

    def _import_one(self, options):
        from gotong.bench.importbench import measure_one

        if options["method"] == "csv":  # writing the file needs the template's villages
            from gotong.bench.importbench import write_import_csv

            write_import_csv(Path(options["path"]), options["rows"])
            json.dump({"rows": options["rows"]}, sys.stdout)
        else:
            json.dump(measure_one(options["method"], Path(options["path"])), sys.stdout)
        self.stdout.write("")

    def _load(self, options):
        from gotong.bench.load.runner import run_load
        from gotong.bench.results import save_result, scale_tag

        results = run_load(city_code=options["city"], port=options["port"], users=options["users"],
                           seconds=options["seconds"], workdir=Path(options["workdir"]),
                           workers=options["workers"], client=options["client"], log=self.stderr.write)  # fmt: skip
        from django.db import connection

        results["database"] = connection.vendor
        for run in results["runs"]:
            for part in ("trivial", "app"):
                for row in run[part]:
                    self.stdout.write(f"{run['workers']} × {part:8} {row['name']:32} {row['rps']:>8} req/s  "
                                      f"p50 {row['p50_ms']:>6} ms  "
                                      f"p99 {row['p99_ms']:>6} ms  fail {row['failures']}")  # fmt: skip
        client = "" if options["client"] == "fast" else f"-{options['client']}"  # both clients' runs kept side by side
        self.stdout.write(f"→ {save_result(f'load-{connection.vendor}-{scale_tag()}{client}', results)}")

    def _dashboards(self, options):
        from django.db import connection

        from gotong.bench.results import save_result, scale_tag

        try:
            from gotong.dashboards.benchmark import measure
        except ImportError:
            measure = None
        _prepare_pages()
        rows = measure() if measure else []
        for row in rows:
            self.stdout.write(json.dumps(row))
        path = save_result(
            f"dashboards-{connection.vendor}-{scale_tag()}", {"database": connection.vendor, "rows": rows}
        )
        self.stdout.write(f"→ {path}")

    def _pages(self, options):
        from django.db import connection

        from gotong.bench.pages import measure
        from gotong.bench.results import save_result, scale_tag

        _prepare_pages()
        results = {"database": connection.vendor, **measure(pages=options["page"], runs=options["runs"])}
        for row in results["rows"]:
            self.stdout.write(json.dumps(row))
        self.stdout.write(f"→ {save_result(f'pages-{connection.vendor}-{scale_tag()}', results)}")

    def _search(self, options):
        from django.db import connection

        from gotong.bench.results import save_result, scale_tag
        from gotong.bench.search import measure

        _prepare_pages()
        results = {"database": connection.vendor, **measure(runs=options["runs"])}
        for row in results["rows"]:
            self.stdout.write(json.dumps(row))
        self.stdout.write(f"→ {save_result(f'search-{connection.vendor}-{scale_tag()}', results)}")

    def _field_network(self, options):
        from playwright.sync_api import sync_playwright

        from gotong.bench.fieldnet import BROWSER_ARGS, FORMS, SLOW_3G, measure_form
        from gotong.bench.results import save_result

        url = options["url"].rstrip("/")
        rows = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=options["chromium"], headless=True, args=BROWSER_ARGS)
            try:
                for kind, slug, username in FORMS:
                    row = measure_form(browser, url, kind, slug, username, conditions=SLOW_3G)
                    rows.append(row)
                    self.stdout.write(
                        f"{kind}: first {row['first_bytes']:,} B {row['first_seconds']} s, "
                        f"repeat {row['repeat_bytes']:,} B {row['repeat_seconds']} s"
                    )
            finally:
                browser.close()
        network = {"latency_ms": SLOW_3G["latency"], "down_kbps": 400, "up_kbps": 400}
        self.stdout.write(f"→ {save_result('field-network', {'database': 'demo', 'network': network, 'rows': rows})}")

    def _exports(self, options):
        from gotong.bench.exportbench import run_benchmark
        from gotong.bench.results import save_result, scale_tag

        results = run_benchmark(options["rows"], log=self.stderr.write)
        database = results["database"]
        self.stdout.write(f"→ {save_result(f'exports-{database}-{scale_tag()}', results)}")

    def _export_one(self, options):
        from gotong.bench.exportbench import measure_one

        json.dump(measure_one(options["format"], options["rows"]), sys.stdout)
        self.stdout.write("")

    def _report(self, options):
        from django.conf import settings

        from gotong.bench.report import render, write_benchmarks_md

        self.stdout.write(render())
        if options["write"]:
            write_benchmarks_md(Path(settings.BASE_DIR).parent / "BENCHMARKS.md")


def _generated(persons: int, households: int, dwellings: int, units_created: int, seconds: float) -> dict:
    return {
        "persons": persons,
        "households": households,
        "dwellings": dwellings,
        "units_created": units_created,
        "seconds": round(seconds, 1),
        "persons_per_second": round(persons / seconds) if seconds else None,
    }


def _prepare_pages() -> None:
    """Before timing pages: static URLs from the manifest when DEBUG is off (as in production), and planner
    statistics (a freshly generated database has none until autovacuum's analyze runs: the 8 Dec province was
    timed without them at first, and plans differ)."""
    from django.conf import settings
    from django.core.management import call_command

    from gotong.bench.load.runner import refresh_statistics

    if not settings.DEBUG:
        call_command("collectstatic", interactive=False, verbosity=0)
    refresh_statistics()
