"""`gotong bench import`: one CSV, five ways to load it, each on a fresh database, timed in one run.

(a) django-import-export with a Resource per model, as a typical Django project writes it; (b) our bulk import
(`gotong import households --bulk`); (c) the database ceiling: the file's bytes into a staging table, then
households and persons made by `INSERT … SELECT` inside the database, with every index and foreign key of the
registry, no Python per row (`gotong.bench.ceiling`); (d) the registry-tables ceiling: the file's rows, split into
households and persons by Python without any check, COPYed into the registry's own tables; (e) the raw ceiling:
PostgreSQL COPY of the same file (SQLite: executemany of the same rows in one transaction) into one table shaped
like the file with the same unique NIK index. Every run happens in a subprocess on a copy of a template database,
so each starts equally fresh and reports its own peak memory (ru_maxrss).
"""

import csv
import itertools
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

from gotong.bench.ceiling import load_in_database
from gotong.bench.processes import production_env
from gotong.bench.synthetic.population import generate_population
from gotong.registry.importing.bulk import bulk_import

HEADER = [
    "no_kk", "nik", "nama", "jenis_kelamin", "tanggal_lahir", "hubungan_keluarga", "alamat", "rt", "rw",
    "kode_wilayah", "pendidikan", "pekerjaan", "disabilitas", "desil", "penerima_pkh", "penerima_bpnt",
]  # fmt: skip
CITY = "21.72"  # Tanjungpinang: a small city keeps the template database quick to build
METHODS = ("library", "bulk", "database", "tables", "raw")


def write_import_csv(path: Path, rows: int, *, seed: int = 9, city: str = CITY) -> Path:
    """`rows` persons in the import format, family cards together, as a registry export would give them."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for household in generate_population(rows, seed=seed, city_code=city):
            for member in household.members:
                writer.writerow([
                    household.family_card_number, member.nik, member.name, member.sex,
                    member.birth_date.strftime("%d/%m/%Y"), member.relationship, household.address,
                    f"{household.rt:03d}", f"{household.rw:03d}", household.village.code, member.education,
                    member.occupation, member.disability, household.welfare_decile or "",
                    "ya" if household.pkh_recipient else "tidak", "ya" if household.bpnt_recipient else "tidak",
                ])  # fmt: skip
    return path


# --- the fresh databases -------------------------------------------------------------------------------------


class Databases:
    """A migrated template with the city's areas, and cheap fresh copies of it (CREATE DATABASE … TEMPLATE)."""

    def __init__(self, workdir: Path, vendor: str):
        self.workdir, self.vendor = workdir, vendor
        self.template = "h_bench_tpl" if vendor == "postgresql" else str(workdir / "template.sqlite3")

    def url(self, name: str) -> str:
        if self.vendor == "postgresql":
            base = settings.DATABASES["default"]
            return f"postgres://{base['USER']}@{base['HOST']}:{base['PORT'] or 5432}/{name}"
        return f"sqlite:///{name}"

    def _psql(self, sql: str) -> None:
        base = settings.DATABASES["default"]
        subprocess.run(["psql", "-q", "-h", base["HOST"], "-U", base["USER"], "-d", "postgres", "-c", sql],
                       check=True, capture_output=True)  # fmt: skip

    def build_template(self) -> None:
        if self.vendor == "postgresql":
            self._psql(f"DROP DATABASE IF EXISTS {self.template}")
            self._psql(f"CREATE DATABASE {self.template}")
        else:
            Path(self.template).unlink(missing_ok=True)
        env = {**os.environ, "DATABASE_URL": self.url(self.template)}
        gotong = [sys.executable, "-m", "gotong.cli"]
        subprocess.run([*gotong, "migrate", "-v0", "--skip-checks"], env=env, check=True)
        subprocess.run([*gotong, "areas", "load", "--within", CITY], env=env, check=True, capture_output=True)

    def fresh(self, name: str) -> str:
        if self.vendor == "postgresql":
            self._psql(f"DROP DATABASE IF EXISTS {name}")
            self._psql(f"CREATE DATABASE {name} TEMPLATE {self.template}")
            return self.url(name)
        target = self.workdir / f"{name}.sqlite3"
        shutil.copyfile(self.template, target)
        return self.url(str(target))

    def drop(self, name: str) -> None:
        if self.vendor == "postgresql":
            self._psql(f"DROP DATABASE IF EXISTS {name}")
        else:
            (self.workdir / f"{name}.sqlite3").unlink(missing_ok=True)


def run_benchmark(
    rows: int, scales: list[int], *, methods=METHODS, workdir: Path, library_rows: int = 2000, log=print
) -> dict:
    vendor = connection.vendor
    workdir.mkdir(parents=True, exist_ok=True)
    databases = Databases(workdir, vendor)
    log(f"template database ({vendor}) …")
    databases.build_template()
    results = {"database": vendor, "rows": rows, "scales": scales, "runs": []}
    sizes = {rows, *(rows * scale for scale in scales)} | ({min(rows, library_rows)} if "library" in methods else set())
    sizes = sorted(sizes)
    for size in sizes:
        path = workdir / f"import-{size}.csv"
        template_env = {**os.environ, "DATABASE_URL": databases.url(databases.template)}
        subprocess.run([sys.executable, "-m", "gotong.cli", "bench", "import-one", "csv", str(path), "--rows",
                        str(size)], env=template_env, check=True, capture_output=True)  # fmt: skip
        for method in methods:
            # django-import-export runs once, on the smallest file: it is the slow one; the others run on every size.
            if method == "library" and size != min(rows, library_rows):
                continue
            name = f"h_bench_{method}_{size}"
            url = databases.fresh(name)
            env = production_env(DATABASE_URL=url)
            command = [sys.executable, "-m", "gotong.cli", "bench", "import-one", method, str(path)]
            done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
            run = {"method": method, "rows": size, **json.loads(done.stdout.strip().splitlines()[-1])}
            run["rows_per_second"] = round(size / run["seconds"])
            log(f"  {method:8} {size:>9,} rows  {run['seconds']:8.2f} s  {run['rows_per_second']:>8,} rows/s  "
                f"peak {run['peak_mb']:.0f} MB")  # fmt: skip
            results["runs"].append(run)
            databases.drop(name)
    return results


# --- one measured run, inside its own process -------------------------------------------------------------------


def measure_one(method: str, path: Path) -> dict:
    loaders = {"library": _load_with_library, "bulk": _load_with_bulk, "database": load_in_database,
               "tables": _load_tables, "raw": _load_raw}  # fmt: skip
    if method == "library":
        import gotong.bench.library  # noqa: F401 (like every method's modules: imported before the clock starts)
    connection.ensure_connection()
    started = time.perf_counter()
    loaded = loaders[method](path)
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": round(seconds, 3), "loaded": loaded, "peak_mb": round(peak_kb / 1024, 1)}


def _load_with_bulk(path: Path) -> int:
    outcome = bulk_import(path, filename=path.name)
    if not (outcome.fast and outcome.result.saved):
        raise RuntimeError("bulk import fell back or failed: " + repr(outcome.result.errors[:3]))
    return outcome.result.persons_created


def _load_with_library(path: Path) -> int:
    from gotong.bench.library import import_with_library

    return import_with_library(path)


def _load_tables(path: Path) -> int:
    """The registry tables' own ceiling: rows straight into households and persons, nothing parsed or checked.

    Each family card's first row makes the household (placed in its village: no RT units), every row a person;
    dates only reordered to ISO, "ya" read as true. Streamed in chunks like the bulk import, one transaction.
    """
    from django.db import transaction

    from gotong.areas.models import Area, Level
    from gotong.registry.importing.bulk import new_ids
    from gotong.registry.importing.sink import HOUSEHOLD_COLUMNS, PERSON_COLUMNS, write_rows

    villages = dict(Area.objects.filter(level=Level.VILLAGE).values_list("code", "id"))
    now, ids, loaded = timezone.now(), random.Random(), 0

    def write(cards: list[list[list[str]]]) -> int:
        household_ids = new_ids("registry_household", len(cards))
        person_ids = iter(new_ids("registry_person", sum(map(len, cards))))
        households, persons = [], []
        for card, household_id in zip(cards, household_ids, strict=True):
            kk, address, village, decile, pkh, bpnt = (card[0][i] for i in (0, 6, 9, 13, 14, 15))
            households.append((household_id, now, now, uuid.UUID(int=ids.getrandbits(128), version=4), kk, address,
                               villages[village], village, village[:2], int(decile) if decile else None, pkh == "ya",
                               bpnt == "ya", None))  # fmt: skip
            for row in card:  # the file's columns: HEADER
                persons.append((next(person_ids), now, now, uuid.UUID(int=ids.getrandbits(128), version=4),
                                household_id, village, village[:2], row[1], row[2], row[3], _iso(row[4]), row[5],
                                row[10], row[11], row[12]))  # fmt: skip
        write_rows("registry_household", HOUSEHOLD_COLUMNS, households)
        return write_rows("registry_person", PERSON_COLUMNS, persons)

    with transaction.atomic(), path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader)
        cards, rows = [], 0
        for _kk, card in itertools.groupby(reader, key=lambda row: row[0]):
            cards.append(list(card))
            rows += len(cards[-1])
            if rows >= TABLES_CHUNK:
                loaded += write(cards)
                cards, rows = [], 0
        loaded += write(cards)
    return loaded


TABLES_CHUNK = 10_000  # rows per write, whole family cards
RAW_TABLE = """CREATE TABLE bench_raw_import (
    no_kk varchar(16) NOT NULL, nik varchar(16) NOT NULL UNIQUE, nama varchar(150) NOT NULL,
    jenis_kelamin varchar(1) NOT NULL, tanggal_lahir date NOT NULL, hubungan_keluarga varchar(20) NOT NULL,
    alamat varchar(255) NOT NULL, rt varchar(3) NOT NULL, rw varchar(3) NOT NULL, kode_wilayah varchar(40) NOT NULL,
    pendidikan varchar(20), pekerjaan varchar(100), disabilitas varchar(20), desil varchar(2),
    penerima_pkh varchar(5), penerima_bpnt varchar(5))"""


def _load_raw(path: Path) -> int:
    """The database's own ceiling: the file's bytes into typed rows with the NIK uniqueness check, nothing else."""
    from django.db import transaction

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(RAW_TABLE)
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL datestyle = 'ISO, DMY'")
            with (
                path.open("rb") as handle,
                cursor.cursor.copy("COPY bench_raw_import FROM STDIN WITH (FORMAT csv, HEADER true)") as copy,
            ):
                while chunk := handle.read(1 << 20):
                    copy.write(chunk)
        else:
            sql = f"INSERT INTO bench_raw_import VALUES ({', '.join('?' * len(HEADER))})"
            with path.open(newline="", encoding="utf-8") as handle:
                reader = csv.reader(handle)
                next(reader)
                cursor.cursor.executemany(sql, ([*r[:4], _iso(r[4]), *r[5:]] for r in reader))
        cursor.execute("SELECT COUNT(*) FROM bench_raw_import")
        return cursor.fetchone()[0]


def _iso(day: str) -> str:
    d, m, y = day.split("/")
    return f"{y}-{m}-{d}"
