"""Replaying the savings form with the same key shows the first result, never an error page."""

import threading

import pytest
from django.db import connection
from django.urls import reverse

from gotong.treasury import services
from gotong.treasury.models import SavingsMovement
from gotong.treasury.tests.conftest import key


def _form(client, member):
    url = reverse("treasury:savings-new", args=[member.public_id])
    response = client.get(url)
    form_key = response.context["form"].initial["idempotency_key"]
    data = {"idempotency_key": form_key, "occurred_on": "2026-01-05", "kind": "sukarela", "withdrawal": "0",
            "amount": "50.000"}  # fmt: skip
    return url, data


@pytest.mark.django_db
def test_ten_replays_of_one_savings_form_record_once_and_show_the_record(client, treasurer, member):
    client.force_login(treasurer)
    url, data = _form(client, member)
    detail = reverse("treasury:member-detail", args=[member.public_id])
    first = client.post(url, data, follow=True)
    assert first.redirect_chain == [(detail, 302)]
    assert "dicatat." in first.content.decode()
    for _ in range(10):
        replay = client.post(url, data, follow=True)
        assert replay.status_code == 200 and replay.redirect_chain == [(detail, 302)]
        assert "sudah dicatat sebelumnya; tidak dicatat dua kali" in replay.content.decode()
    assert SavingsMovement.objects.filter(member=member, idempotency_key=data["idempotency_key"]).count() == 1
    assert services.savings_balances(member)["sukarela"] == 50_000


@pytest.mark.django_db(transaction=True)
def test_ten_concurrent_replays_all_get_the_first_movement(treasurer, member):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (the SQLite test database is one shared in-memory file)")
    import datetime

    same = key()
    results, errors = [], []

    def replay():
        try:
            results.append(
                services.record_savings(
                    member, kind="sukarela", amount=25_000, occurred_on=datetime.date(2026, 1, 5), key=same,
                    acting_user=treasurer,
                ).pk
            )  # fmt: skip
        except Exception as exc:  # noqa: BLE001 — any failure is what this test is about
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=replay) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(set(results)) == 1 and len(results) == 10
    assert services.savings_balances(member)["sukarela"] == 25_000
