"""`gotong backup` and `gotong restore`: an office's records and photos survive into an empty database."""

import sqlite3
import tarfile
import uuid
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from gotong.areas.models import Area
from gotong.core.backup import read_manifest, restore_backup
from gotong.registry.models import Household

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def records(areas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    photo = settings.MEDIA_ROOT / "kolaborasi" / "foto-jalan.jpg"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(b"\xff\xd8\xff photo bytes")
    rt = Area.objects.filter(code__startswith="21.72.03.1005.").first() or Area.objects.get(code="21.72.03.1005")
    Household.objects.create(family_card_number="2172030101230001", address="Jl. Bugis 1", area=rt)
    return photo


def _rows_in_sqlite(path) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT family_card_number, address FROM registry_household").fetchall()


def _rows_in_postgres(database: str) -> list[tuple]:
    import psycopg

    settings_dict = connection.settings_dict
    kwargs = {"dbname": database, "user": settings_dict["USER"], "host": settings_dict["HOST"]}
    kwargs.update({"port": settings_dict["PORT"]} if settings_dict["PORT"] else {})
    with psycopg.connect(**kwargs) as db:
        return db.execute("SELECT family_card_number, address FROM registry_household").fetchall()


def _empty_postgres_database():
    import psycopg

    settings_dict = connection.settings_dict
    name = f"gotong_restore_{uuid.uuid4().hex[:8]}"
    kwargs = {"dbname": "postgres", "user": settings_dict["USER"], "host": settings_dict["HOST"], "autocommit": True}
    kwargs.update({"port": settings_dict["PORT"]} if settings_dict["PORT"] else {})
    with psycopg.connect(**kwargs) as db:
        db.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(**kwargs) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{name}"')

    port = f":{settings_dict['PORT']}" if settings_dict["PORT"] else ""
    return name, f"postgres://{settings_dict['USER']}@{settings_dict['HOST']}{port}/{name}", drop


def test_backup_then_restore_into_an_empty_database_reads_the_records_back(records, tmp_path):
    archive = tmp_path / "cadangan.tar"
    out = StringIO()
    call_command("backup", str(archive), stdout=out)
    assert "1 berkas foto" in out.getvalue()
    manifest = read_manifest(archive)
    assert manifest["engine"] == connection.vendor
    assert "registry" in manifest["migrations"]
    with tarfile.open(archive) as tar:
        assert "media/kolaborasi/foto-jalan.jpg" in tar.getnames()

    restored_media = tmp_path / "restored-media"
    if connection.vendor == "sqlite":
        target = tmp_path / "restored.sqlite3"
        restore_backup(archive, database_url=f"sqlite:///{target}", media_root=restored_media)
        rows = _rows_in_sqlite(target)
    else:
        name, url, drop = _empty_postgres_database()
        try:
            restore_backup(archive, database_url=url, media_root=restored_media)
            rows = _rows_in_postgres(name)
        finally:
            drop()
    assert rows == [("2172030101230001", "Jl. Bugis 1")]
    assert (restored_media / "kolaborasi" / "foto-jalan.jpg").read_bytes() == records.read_bytes()


def test_restore_refuses_a_database_that_already_holds_records(records, tmp_path):
    archive = tmp_path / "cadangan.tar"
    call_command("backup", str(archive), stdout=StringIO())
    if connection.vendor == "sqlite":
        target = tmp_path / "restored.sqlite3"
        restore_backup(archive, database_url=f"sqlite:///{target}", media_root=tmp_path / "m")
        with pytest.raises(CommandError, match="tidak kosong"):
            call_command("restore", str(archive), database_url=f"sqlite:///{target}", stdout=StringIO())
        assert _rows_in_sqlite(target) == [("2172030101230001", "Jl. Bugis 1")]
    else:
        # The configured (test) database holds the records: restoring over it is refused.
        with pytest.raises(CommandError, match="tidak kosong"):
            call_command("restore", str(archive), stdout=StringIO())


def test_restore_names_a_file_that_is_not_a_gotong_backup(tmp_path, db):
    bogus = tmp_path / "foto.tar"
    with tarfile.open(bogus, "w") as tar:
        tar.add(__file__, arcname="foto.jpg")
    with pytest.raises(CommandError, match="bukan cadangan Gotong"):
        call_command("restore", str(bogus), stdout=StringIO())
