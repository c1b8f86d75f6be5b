"""Every treasury form with an idempotency key, sent again with the same key, shows the first result (a neutral
note and the record created first), never an error page, and records nothing twice."""

import datetime
import re

import pytest
from django.urls import reverse

from gotong.ledger.services import check_books
from gotong.treasury import services
from gotong.treasury.models import CashEntry, Loan, Member, Repayment
from gotong.treasury.tests.conftest import cempako_category, person_in

pytestmark = pytest.mark.django_db
NOTE = "sudah dikirim sebelumnya"
MEMBER_NOTE = "sudah menjadi anggota; tidak didaftarkan dua kali"


def _key(client, url) -> str:
    return re.search(r'name="idempotency_key" value="([^"]+)"', client.get(url).content.decode()).group(1)


def _replay(client, url, data, expected_url, note=NOTE):
    first = client.post(url, data, follow=True)
    assert first.status_code == 200 and first.redirect_chain[-1][0] == expected_url(), first.redirect_chain
    for _ in range(3):
        again = client.post(url, data, follow=True)
        assert again.status_code == 200
        assert again.redirect_chain == [(expected_url(), 302)]
        assert note in again.content.decode()


def test_cash_entry_form_replayed(client, treasurer, funded):
    client.force_login(treasurer)
    url = reverse("treasury:cash-entry-new", args=[funded.pk])
    data = {"idempotency_key": _key(client, url), "occurred_on": "2026-01-03", "amount": "250.000",
            "description": "Panen sawi", "category": cempako_category(funded, "Penjualan hasil panen").pk}  # fmt: skip
    book = reverse("treasury:cash-book", args=[funded.pk])
    _replay(client, url, data, lambda: f"{book}?bulan=2026-01")
    assert CashEntry.objects.filter(description="Panen sawi").count() == 1


def test_loan_and_repayment_forms_replayed(client, treasurer, member, product):
    client.force_login(treasurer)
    url = reverse("treasury:loan-new", args=[member.organization.pk])
    data = {"idempotency_key": _key(client, url), "product": product.pk, "member": member.pk,
            "principal": "1.500.000", "term_months": "3", "disbursed_on": "2026-01-10", "purpose": ""}  # fmt: skip
    _replay(client, url, data, lambda: reverse("treasury:loan-detail", args=[Loan.objects.get().public_id]))
    loan = Loan.objects.get()
    url = reverse("treasury:repayment-new", args=[loan.public_id])
    data = {"idempotency_key": _key(client, url), "paid_on": "2026-02-10", "amount": "545.000"}
    _replay(client, url, data, lambda: reverse("treasury:loan-detail", args=[loan.public_id]))
    assert Repayment.objects.count() == 1
    assert check_books() == []


def test_member_form_replayed(client, treasurer, funded, cempako_rt):
    client.force_login(treasurer)
    person = person_in(cempako_rt, "Siti Aminah")
    url = reverse("treasury:member-new", args=[funded.pk])
    data = {"idempotency_key": _key(client, url), "person": person.public_id, "joined_on": "2026-01-02"}
    member_page = lambda: reverse("treasury:member-detail", args=[Member.objects.get(person=person).public_id])  # noqa: E731
    _replay(client, url, data, member_page, note=MEMBER_NOTE)
    assert Member.objects.filter(person=person).count() == 1


def test_cancel_form_replayed(client, treasurer, funded):
    client.force_login(treasurer)
    entry = services.record_cash_entry(
        funded, category=cempako_category(funded, "Iuran & lain-lain"), occurred_on=datetime.date(2026, 1, 2),
        amount=50_000, description="Iuran", key="iuran-1", acting_user=treasurer,
    )  # fmt: skip
    url = reverse("treasury:cash-entry-cancel", args=[entry.pk])
    _replay(client, url, {"reason": "Salah"}, lambda: reverse("treasury:cash-book", args=[funded.pk]))
    assert check_books() == []
