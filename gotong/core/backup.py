"""Backups an office can make and restore: the database and the uploaded photos in one archive.

An archive is a tar file holding `manifest.json` (when, which engine, the latest migration of each app),
`database.sqlite3` (SQLite's online backup API: a consistent copy while the platform keeps running) or
`database.pgdump` (PostgreSQL's `pg_dump --format=custom`, restored with `pg_restore`), and `media/` (every
uploaded photo and evidence file; they are served only through scoped views, so they are part of the record).
"""

import datetime
import io
import json
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

import dj_database_url
from django.conf import settings
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

SQLITE_MEMBER = "database.sqlite3"
POSTGRES_MEMBER = "database.pgdump"
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media"


class BackupError(Exception):
    """Something the operator must fix (a missing tool, a database that is not empty); said in Indonesian."""


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    engine: str
    media_files: int
    size_bytes: int


def _engine(config: dict) -> str:
    engine = config["ENGINE"]
    if engine.endswith("sqlite3"):
        return "sqlite"
    if "postgresql" in engine:
        return "postgresql"
    raise BackupError(f"Mesin basis data {engine} belum didukung untuk cadangan.")


def _pg_env(config: dict) -> tuple[list[str], dict]:
    """Connection options for pg_dump/pg_restore; the password travels in the environment, never in argv."""
    import os

    args = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if config.get(key):
            args += [flag, str(config[key])]
    env = {**os.environ}
    if config.get("PASSWORD"):
        env["PGPASSWORD"] = config["PASSWORD"]
    return args, env


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"Perintah {name} tidak ditemukan: pasang paket postgresql-client.")
    return path


def _migration_heads() -> dict[str, str]:
    heads: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        heads[app] = max(heads.get(app, ""), name)
    return dict(sorted(heads.items()))


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def create_backup(destination: Path) -> BackupSummary:
    """Write the configured database and MEDIA_ROOT to `destination` (a .tar file)."""
    config = connection.settings_dict
    engine = _engine(config)
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    media_root = Path(settings.MEDIA_ROOT)
    media_files = 0
    with tempfile.TemporaryDirectory() as work, tarfile.open(destination, "w") as archive:
        dump = Path(work) / (SQLITE_MEMBER if engine == "sqlite" else POSTGRES_MEMBER)
        if engine == "sqlite":
            connection.ensure_connection()
            target = sqlite3.connect(dump)
            with target:
                connection.connection.backup(target)
            target.close()
        else:
            args, env = _pg_env(config)
            command = [_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(dump), *args, config["NAME"]]
            done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                raise BackupError(f"pg_dump gagal: {done.stderr.strip()}")
        archive.add(dump, arcname=dump.name)
        if media_root.is_dir():
            for path in sorted(media_root.rglob("*")):
                if path.is_file():
                    archive.add(path, arcname=f"{MEDIA_PREFIX}/{path.relative_to(media_root).as_posix()}")
                    media_files += 1
        manifest = {
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "engine": engine,
            "media_files": media_files,
            "migrations": _migration_heads(),
        }
        _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=2).encode())
    return BackupSummary(destination, engine, media_files, destination.stat().st_size)


def read_manifest(source: Path) -> dict:
    try:
        with tarfile.open(source, "r") as archive:
            return json.loads(archive.extractfile(MANIFEST).read())
    except (KeyError, tarfile.ReadError, json.JSONDecodeError):
        raise BackupError("Arsip ini bukan cadangan Gotong (manifest.json tidak ada atau rusak).") from None


def _database_is_empty(config: dict, engine: str) -> bool:
    if engine == "sqlite":
        path = Path(config["NAME"])
        if not path.exists() or path.stat().st_size == 0:
            return True
        with sqlite3.connect(path) as db:
            return db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] == 0
    import psycopg

    with psycopg.connect(**_psycopg_kwargs(config)) as db:
        row = db.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'").fetchone()
        return row[0] == 0


def _psycopg_kwargs(config: dict) -> dict:
    keys = {"NAME": "dbname", "USER": "user", "PASSWORD": "password", "HOST": "host", "PORT": "port"}
    return {arg: config[key] for key, arg in keys.items() if config.get(key)}


def restore_backup(source: Path, *, database_url: str | None = None, media_root: Path | None = None) -> dict:
    """Restore an archive into an EMPTY database (the configured one unless `database_url` names another) and
    its photos into MEDIA_ROOT (or `media_root`). Refuses a database that already holds tables: restoring over
    live records would mix two histories."""
    source = Path(source)
    manifest = read_manifest(source)
    config = dj_database_url.parse(database_url) if database_url else connection.settings_dict
    engine = _engine(config)
    if engine != manifest["engine"]:
        raise BackupError(f"Cadangan ini dari {manifest['engine']}; basis data tujuan {engine}.")
    if not _database_is_empty(config, engine):
        raise BackupError("Basis data tujuan tidak kosong. Pulihkan ke basis data baru yang kosong.")
    media_root = Path(media_root or settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as work, tarfile.open(source, "r") as archive:
        # Only our own members, extracted with the tarfile "data" filter (no links, no paths outside `work`).
        members = [m for m in archive.getmembers() if m.name != MANIFEST]
        archive.extractall(work, members=members, filter="data")
        if engine == "sqlite":
            target = Path(config["NAME"])
            target.parent.mkdir(parents=True, exist_ok=True)
            with sqlite3.connect(Path(work) / SQLITE_MEMBER) as dump, sqlite3.connect(target) as db:
                dump.backup(db)
        else:
            args, env = _pg_env(config)
            command = [_tool("pg_restore"), "--no-owner", "--exit-on-error", "--dbname", config["NAME"], *args]
            done = subprocess.run([*command, str(Path(work) / POSTGRES_MEMBER)], env=env, capture_output=True,
                                  text=True, check=False)  # fmt: skip
            if done.returncode != 0:
                raise BackupError(f"pg_restore gagal: {done.stderr.strip()}")
        media = Path(work) / MEDIA_PREFIX
        if media.is_dir():
            shutil.copytree(media, media_root, dirs_exist_ok=True)
    return manifest
