"""Two submits of the same person's support at the same moment (a double tap, two phones) store one support.

Each thread works on its own database connection. PostgreSQL: both inserts race and the unique constraint makes the
loser's insert fail, which the service answers with the winner's row. SQLite: pytest-django's in-memory test
database fails concurrent writers at once ("table is locked"), so the threads work on a file copy opened with the
project's settings (BEGIN IMMEDIATE, busy timeout), like production, where writers wait their turn
(the same setup as `gotong/ledger/tests/test_concurrency.py`).
"""

import contextlib
import sqlite3
import tempfile
import threading
from pathlib import Path

import pytest
from django.db import connection, connections

from gotong.participation.models import Support
from gotong.participation.services import planning as services
from gotong.participation.tests.planning.helpers import TODAY, resident

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 6


@contextlib.contextmanager
def _threads_database():
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    settings_dict = connections.settings["default"]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "threads.sqlite3"
        connection.ensure_connection()
        with contextlib.closing(sqlite3.connect(path)) as target:
            connection.connection.backup(target)
        original = settings_dict["NAME"]
        settings_dict["NAME"] = str(path)
        try:
            yield
        finally:
            settings_dict["NAME"] = original


def _run_in_threads(count, work):
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def runner(i):
        try:
            barrier.wait()
            results[i] = work(i)
        except Exception as exc:  # noqa: BLE001 - the test inspects what each thread got
            results[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=runner, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def test_concurrent_supports_of_one_person_count_once(proposal):
    ani = resident("ani")
    budi = resident("bayu")
    proposal_pk, ani_pk, budi_pk = proposal.pk, ani.pk, budi.pk

    def support(i):
        from gotong.accounts.models import User
        from gotong.participation.models import Proposal

        user = User.objects.get(pk=ani_pk if i % 2 == 0 else budi_pk)
        _row, created = services.support_proposal(Proposal.objects.get(pk=proposal_pk), acting_user=user, today=TODAY)
        return created

    with _threads_database():
        results = _run_in_threads(THREADS, support)
        counted = _run_in_threads(1, lambda _i: sorted(Support.objects.values_list("person_id", flat=True)))[0]
    assert not [r for r in results if isinstance(r, Exception)], results
    # Exactly one submit per person created the support; the others got the existing row back.
    assert results.count(True) == 2 and results.count(False) == THREADS - 2
    assert counted == sorted([ani.person_id, budi.person_id])
