"""Pages per persona: who reads, who records, who gets 404; forms with idempotency keys; the PDF statement."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from gotong.accounts.models import User
from gotong.treasury import services
from gotong.treasury.models import CashEntry, Repayment
from gotong.treasury.tests.conftest import cempako_category, key, person_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def resident(member):
    """The borrower herself, logged in as a resident."""
    return User.objects.create_user(username="rahma", password="x", role="resident", person=member.person)


@pytest.fixture
def other_loan(funded, cempako_rt, product, treasurer):
    other = services.add_member(
        funded, person=person_in(cempako_rt, "Suparman"), joined_on=datetime.date(2025, 1, 2), acting_user=treasurer
    )
    return services.disburse_loan(
        other, product=product, principal=800_000, term_months=4, disbursed_on=datetime.date(2025, 12, 11),
        key=key(), acting_user=treasurer,
    )  # fmt: skip


def _key_from(response) -> str:
    return re.search(r'name="idempotency_key" value="([^"]+)"', response.content.decode()).group(1)


def test_treasurer_sees_and_records(client, treasurer, loan, funded):
    client.force_login(treasurer)
    for name, arg in [
        ("treasury:summary", funded.pk), ("treasury:cash-book", funded.pk), ("treasury:members", funded.pk),
        ("treasury:loans", funded.pk), ("treasury:arrears", funded.pk), ("treasury:products", funded.pk),
        ("treasury:cash-entry-new", funded.pk), ("treasury:loan-new", funded.pk), ("treasury:member-new", funded.pk),
        ("treasury:loan-detail", loan.public_id), ("treasury:repayment-new", loan.public_id),
    ]:  # fmt: skip
        assert client.get(reverse(name, args=[arg])).status_code == 200, name
    assert "Rahmawati" in client.get(reverse("treasury:loans", args=[funded.pk])).content.decode()


def test_double_submitted_cash_entry_records_once(client, treasurer, funded):
    client.force_login(treasurer)
    url = reverse("treasury:cash-entry-new", args=[funded.pk])
    form_key = _key_from(client.get(url))
    data = {
        "idempotency_key": form_key, "occurred_on": "2026-01-03", "amount": "1.250.000", "description": "Panen sawi",
        "category": cempako_category(funded, "Penjualan hasil panen").pk,
    }  # fmt: skip
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    assert CashEntry.objects.filter(idempotency_key=form_key).count() == 1
    assert CashEntry.objects.get(idempotency_key=form_key).amount == 1_250_000


def test_bad_input_gets_indonesian_errors(client, treasurer, loan):
    client.force_login(treasurer)
    url = reverse("treasury:repayment-new", args=[loan.public_id])
    response = client.post(url, {"idempotency_key": key(), "paid_on": "2026-01-10", "amount": "5.000.000"})
    assert response.status_code == 200
    assert "melebihi sisa pinjaman Rp1.045.000" in response.content.decode()
    response = client.post(url, {"idempotency_key": key(), "paid_on": "2026-01-10", "amount": "12,5"})
    assert "tanpa sen" in response.content.decode()
    assert not Repayment.objects.exists()


def test_loan_above_ceiling_error_on_form(client, treasurer, member, product):
    client.force_login(treasurer)
    response = client.post(
        reverse("treasury:loan-new", args=[member.organization.pk]),
        {"idempotency_key": key(), "product": product.pk, "member": member.pk, "principal": "7.500.000",
         "term_months": 6, "disbursed_on": "2026-01-02"},
    )  # fmt: skip
    assert "melebihi plafon produk Rp5.000.000" in response.content.decode()


def test_repayment_updates_outstanding(client, treasurer, loan):
    client.force_login(treasurer)
    url = reverse("treasury:repayment-new", args=[loan.public_id])
    response = client.post(url, {"idempotency_key": key(), "paid_on": "2026-01-10", "amount": "348.333"}, follow=True)
    assert "Rp696.667" in response.content.decode()  # 1.045.000 − 348.333


def test_area_worker_covering_reads_but_cannot_record(client, other_facilitator, loan, funded):
    client.force_login(other_facilitator)
    assert client.get(reverse("treasury:cash-book", args=[funded.pk])).status_code == 200
    assert client.get(reverse("treasury:loan-detail", args=[loan.public_id])).status_code == 200
    assert client.get(reverse("treasury:cash-entry-new", args=[funded.pk])).status_code == 403
    assert client.get(reverse("treasury:repayment-new", args=[loan.public_id])).status_code == 403


@pytest.mark.parametrize("persona", ["city_officer", "facilitator"])
def test_outside_scope_is_404(client, request, persona, loan, funded, member):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("treasury:summary", args=[funded.pk])).status_code == 404
    assert client.get(reverse("treasury:cash-book", args=[funded.pk])).status_code == 404
    assert client.get(reverse("treasury:loan-detail", args=[loan.public_id])).status_code == 404
    assert client.get(reverse("treasury:member-detail", args=[member.public_id])).status_code == 404
    assert "Kampung Sayur Cempako" not in client.get(reverse("treasury:home")).content.decode()


@pytest.fixture
def january_2026(monkeypatch):
    """The summary covers the last twelve months: pin the day, or the December 2025 harvest ages out of it."""
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: datetime.date(2026, 1, 15))


def test_partner_sees_totals_only(client, partner, loan, funded, january_2026):
    client.force_login(partner)
    page = client.get(reverse("treasury:summary", args=[funded.pk])).content.decode()
    assert "Rp20.000.000" in page and "Rahmawati" not in page
    # The partner knows the treasury (its totals): its named books are forbidden, not hidden.
    assert client.get(reverse("treasury:cash-book", args=[funded.pk])).status_code == 403
    assert client.get(reverse("treasury:loan-detail", args=[loan.public_id])).status_code == 404


def test_member_reads_summary_and_only_own_records(client, resident, loan, other_loan, funded, january_2026):
    client.force_login(resident)
    summary = client.get(reverse("treasury:summary", args=[funded.pk])).content.decode()
    assert "Penjualan hasil panen" in summary and "Suparman" not in summary
    mine = client.get(reverse("treasury:mine")).content.decode()
    assert "Pinjaman usaha" in mine and "Suparman" not in mine
    assert client.get(reverse("treasury:loan-detail", args=[loan.public_id])).status_code == 200
    assert client.get(reverse("treasury:loan-detail", args=[other_loan.public_id])).status_code == 404
    assert client.get(reverse("treasury:cash-book", args=[funded.pk])).status_code == 403
    assert client.get(reverse("treasury:repayment-new", args=[loan.public_id])).status_code == 403
    # Read-only: no recording buttons on the member's own loan.
    assert "Bayar angsuran" not in client.get(reverse("treasury:loan-detail", args=[loan.public_id])).content.decode()


def test_admin_sees_everything(client, admin_user, loan, funded):
    client.force_login(admin_user)
    assert client.get(reverse("treasury:loans", args=[funded.pk])).status_code == 200
    assert client.get(reverse("treasury:loan-detail", args=[loan.public_id])).status_code == 200


def test_loan_statement_pdf(client, treasurer, loan):
    services.record_repayment(loan, amount=20_000, paid_on=datetime.date(2026, 1, 10), key=key(), acting_user=treasurer)
    client.force_login(treasurer)
    response = client.get(reverse("treasury:loan-pdf", args=[loan.public_id]))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Rahmawati" in text
    assert "Rp1.025.000" in text  # outstanding after 20.000 paid
    assert "angsuran terakhir" in text


def test_cash_book_xlsx(client, treasurer, funded):
    client.force_login(treasurer)
    response = client.get(reverse("treasury:cash-book", args=[funded.pk]) + "?format=xlsx")
    assert response.status_code == 200 and response.content[:2] == b"PK"


def test_cancel_cash_entry_page(client, treasurer, other_facilitator, funded):
    entry = CashEntry.objects.get(organization=funded)
    url = reverse("treasury:cash-entry-cancel", args=[entry.pk])
    client.force_login(other_facilitator)
    assert client.get(url).status_code == 403
    client.force_login(treasurer)
    assert "Alasan pembatalan" in client.post(url, {"reason": ""}).content.decode()
    assert client.post(url, {"reason": "Dicatat dua kali"}).status_code == 302
    entry.refresh_from_db()
    assert entry.cancel_reason == "Dicatat dua kali"
    assert "dibatalkan" in client.get(reverse("treasury:cash-book", args=[funded.pk])).content.decode()


def test_new_treasurer_finds_the_empty_treasury(client, treasurer, cempako):
    client.force_login(treasurer)
    page = client.get(reverse("treasury:home")).content.decode()
    assert "Kampung Sayur Cempako" in page
    assert client.get(reverse("treasury:cash-entry-new", args=[cempako.pk])).status_code == 200


def test_cash_book_month_filter(client, treasurer, funded):
    client.force_login(treasurer)
    url = reverse("treasury:cash-book", args=[funded.pk])
    assert "Panen kangkung" in client.get(url, {"bulan": "2025-12"}).content.decode()
    assert "Panen kangkung" not in client.get(url, {"bulan": "2025-11"}).content.decode()
    assert "Panen kangkung" in client.get(url, {"bulan": "bukan-bulan"}).content.decode()
