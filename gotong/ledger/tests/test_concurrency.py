"""Parallel withdrawals, each thread on its own database connection, must never overdraw an account.

pytest-django gives SQLite an in-memory, shared-cache test database, where concurrent writers fail at once with
"table is locked" instead of waiting like real file databases do. So on SQLite the threads work on a file copy of
the test database, opened with the project's settings (BEGIN IMMEDIATE, busy timeout), like production.
"""

import contextlib
import datetime
import sqlite3
import tempfile
import threading
from pathlib import Path

import pytest
from django.db import connection, connections

from gotong.ledger.models import Entry, Transaction
from gotong.ledger.services import InsufficientBalance, balance, check_books, post

pytestmark = pytest.mark.django_db(transaction=True)

DAY = datetime.date(2026, 4, 1)


@contextlib.contextmanager
def _threads_database():
    """Point new (per-thread) connections at a database where SQLite's file locking applies."""
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


def _in_thread(work):
    """Run `work` on a fresh connection (so on SQLite it reads the same file the workers wrote)."""
    return _run_in_threads(1, lambda _i: work())[0]


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
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def _prepare(book, accounts, user):
    post(book, key="modal", lines=[(accounts["cash"], 1_000_000), (accounts["equity"], -1_000_000)],
         occurred_on=DAY, acting_user=user)  # fmt: skip
    post(book, key="setor", lines=[(accounts["expense"], 50_000), (accounts["savings"], -50_000)],
         occurred_on=DAY, acting_user=user)  # fmt: skip


def test_parallel_withdrawals_never_overdraw(book, accounts, city_officer):
    _prepare(book, accounts, city_officer)

    def withdraw(i):
        return post(book, key=f"tarik-{i}", lines=[(accounts["savings"], 10_000), (accounts["cash"], -10_000)],
                    occurred_on=DAY, acting_user=city_officer)  # fmt: skip

    with _threads_database():
        results = _run_in_threads(8, withdraw)
        after = _in_thread(lambda: (balance(accounts["savings"]), balance(accounts["cash"]), check_books()))
    done = [r for r in results if isinstance(r, Transaction)]
    refused = [r for r in results if isinstance(r, InsufficientBalance)]
    assert len(done) == 5, results
    assert len(refused) == 3, results
    assert after == (0, 950_000, [])


def test_parallel_retries_of_one_request_apply_once(book, accounts, city_officer):
    _prepare(book, accounts, city_officer)

    def retry(_i):
        return post(book, key="tarik-sama", lines=[(accounts["savings"], 10_000), (accounts["cash"], -10_000)],
                    occurred_on=DAY, acting_user=city_officer)  # fmt: skip

    with _threads_database():
        results = _run_in_threads(6, retry)
        after = _in_thread(
            lambda: (
                Entry.objects.filter(transaction__idempotency_key="tarik-sama").count(),
                balance(accounts["savings"]),
                check_books(),
            )
        )
    assert all(isinstance(r, Transaction) for r in results), results
    assert len({r.pk for r in results}) == 1
    assert after == (2, 40_000, [])
