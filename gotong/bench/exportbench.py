"""`gotong bench exports`: a background export of the household list as CSV and XLSX, at N rows and a tenth of N.

Each run happens in its own process (`gotong bench export-one`), through the worker's own path
(`run_export_job`: count, stream, write, progress updates), as a city officer of the largest city; the list is the
registry's household export cut to its first N rows (same queryset, columns and masking). Reported: seconds,
rows/s, CPU seconds and peak RSS of the process (ru_maxrss), and its RSS before the export started (Django
loaded), so "memory flat" reads as peak − baseline at N vs N/10; the written file is read back to hold N rows.
"""

import csv
import json
import resource
import subprocess
import sys
import time
import zipfile
from dataclasses import replace
from pathlib import Path

from gotong.bench.processes import production_env

FORMATS = ("csv", "xlsx")
BENCH_LIST = "bench.households"


def run_benchmark(rows: int, *, log=print) -> dict:
    """Both formats at `rows` and `rows // 10`, each in a fresh process; returns the result document."""
    from django.db import connection

    runs = []
    for size in (max(1, rows // 10), rows):
        for fmt in FORMATS:
            command = [sys.executable, "-m", "gotong.cli", "bench", "export-one", fmt, "--rows", str(size)]
            done = subprocess.run(command, env=production_env(), check=True, capture_output=True, text=True)
            run = json.loads(done.stdout.strip().splitlines()[-1])
            log(f"  {fmt} {run['rows']:,} baris: {run['seconds']:.2f} s, {run['rows_per_second']:,} baris/s, "
                f"puncak {run['peak_mb']:.0f} MB (awal {run['baseline_mb']:.0f} MB)")  # fmt: skip
            runs.append(run)
    return {"database": connection.vendor, "list": "registry.households", "runs": runs}


def measure_one(fmt: str, rows: int) -> dict:
    """One background export of the first `rows` households of the largest city, in this process."""
    from django.db import transaction

    from gotong.exports import specs
    from gotong.exports.models import ExportJob
    from gotong.exports.services import run_export_job

    households = specs.get_spec("registry.households")
    specs.register(replace(households, key=BENCH_LIST, rows=lambda user, params: households.rows(user, params)[:rows]))
    with transaction.atomic():
        owner = _city_officer()
    baseline_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    job = ExportJob.objects.create(owner=owner, list_key=BENCH_LIST, filters={}, format=fmt)
    started, cpu_started = time.perf_counter(), time.process_time()
    job = run_export_job(job.pk)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        if job.status != ExportJob.Status.DONE:
            raise RuntimeError(f"export failed: {job.error}")
        path = Path(job.file.path)
        written = count_data_rows(path, fmt)
        if written != job.rows_done:
            raise RuntimeError(f"file holds {written} rows, job says {job.rows_done}")
        size_mb = path.stat().st_size / 2**20
        path.unlink()
    finally:
        job.delete()
        owner.delete()
    return {
        "format": fmt,
        "rows": written,
        "seconds": round(seconds, 3),
        "rows_per_second": round(written / seconds) if seconds else None,
        # This process's CPU: the steadier figure on a shared machine (SQLite's own work included, PostgreSQL's not).
        "cpu_seconds": round(cpu, 3),
        "peak_mb": round(peak_kb / 1024, 1),
        "baseline_mb": round(baseline_kb / 1024, 1),
        "file_mb": round(size_mb, 1),
    }


def _city_officer():
    from gotong.accounts.models import User
    from gotong.accounts.roles import Role
    from gotong.areas.models import Area, WorkAssignment
    from gotong.dashboards.benchmark import largest_city_and_village

    city, _village = largest_city_and_village()
    if city is None:
        raise RuntimeError("no persons: run `gotong bench generate` first")
    User.objects.filter(username="bench-ekspor-sementara").delete()
    user = User.objects.create_user(username="bench-ekspor-sementara", password=None, role=Role.CITY_OFFICER)
    WorkAssignment.objects.create(user=user, area=Area.objects.get(code=city))
    return user


def count_data_rows(path: Path, fmt: str) -> int:
    """Data rows in a written export (header left out), read back without loading the file whole."""
    if fmt == "csv":
        with path.open(encoding="utf-8-sig", newline="") as text:
            return sum(1 for _row in csv.reader(text, delimiter=";")) - 1
    rows, tail = 0, b""
    with zipfile.ZipFile(path) as archive, archive.open("xl/worksheets/sheet1.xml") as sheet:
        for chunk in iter(lambda: sheet.read(1 << 20), b""):
            # A tag split between two reads is counted once, in the joined text; 4 bytes never hold a whole one.
            text = tail + chunk
            rows += text.count(b"<row ") + text.count(b"<row>")
            tail = text[-4:]
    return rows - 1
