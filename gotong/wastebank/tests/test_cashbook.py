"""A waste bank's cash book: every movement of its till from the ledger, adding up to the bank's cash."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from gotong.ledger.services import balance, check_books
from gotong.wastebank import reports, services
from gotong.wastebank.cashbook import bank_cash_book, till
from gotong.wastebank.models import CashIn, Deposit, Sale, Withdrawal

from .conftest import JAN, key
from .test_pages import FEB, history  # noqa: F401 — the fixture

pytestmark = pytest.mark.django_db


def assert_adds_up(bank, user):
    cash = balance(till(bank))
    assert cash == reports.overview(bank, FEB).cash
    for month in (None, timezone.localdate().replace(day=1)):
        book = bank_cash_book(bank, user, month=month)
        running = book.opening
        for row in book.rows:
            running += row.money_in - row.money_out
            assert row.balance == running
        assert book.opening + book.money_in - book.money_out == book.closing == cash
    return cash


def test_book_lists_every_till_movement_and_adds_up(bank, staff, history):  # noqa: F811
    book = bank_cash_book(bank, staff)
    kinds = [(r.kind, r.counterpart, r.money_in, r.money_out) for r in book.rows]
    assert kinds == [
        ("Kas masuk", "Hibah", 300_000, 0),
        ("Penjualan sampah", "UD Deli Jaya", 9_400, 0),
        ("Penarikan tunai", "Halimah", 0, 20_000),
    ]  # the deposit is not cash: it went to the member's savings
    assert assert_adds_up(bank, staff) == 289_400
    withdrawal = Withdrawal.objects.get()
    assert book.rows[2].url == reverse("wastebank:record", args=["penarikan", withdrawal.public_id])


def test_cancellation_is_its_own_row(bank, staff, history):  # noqa: F811
    sale = Sale.objects.get()
    services.cancel_record(sale, reason="Salah timbang", key=key(), acting_user=staff)
    rows = bank_cash_book(bank, staff).rows
    assert [r.kind for r in rows][-1] == "Pembatalan: Penjualan sampah"
    assert rows[-1].money_out == 9_400 and rows[1].reversed
    assert assert_adds_up(bank, staff) == 280_000


def test_page_and_csv_hold_the_same_rows(client, bank, staff, history):  # noqa: F811
    client.force_login(staff)
    page = client.get(reverse("wastebank:cash-book", args=[bank.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "UD Deli Jaya" in text and "Rp289.400" in text
    response = client.get(reverse("exports:download", args=["wastebank.cash_book", "csv"]), {"bank_id": bank.pk})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert len(body) == 1 + len(page.context["book"].rows)  # the opening line, then every row
    saldo = header.index("Saldo (Rp)")
    assert int(body[-1][saldo]) == balance(till(bank)) == 289_400
    february = client.get(reverse("wastebank:cash-book", args=[bank.pk]), {"bulan": "2026-02"})
    assert february.context["book"].opening == 300_000


def test_replayed_forms_show_the_first_record(client, bank, staff, categories, member):
    client.force_login(staff)
    services.record_cash_in(bank, source="Modal", amount=500_000, occurred_on=JAN, key=key(), acting_user=staff)
    cases = [
        ("wastebank:deposit-create", Deposit, "setoran", {"member": member.pk, f"kg_{categories['pet'].pk}": "2"}),
        (
            "wastebank:withdrawal-create",
            Withdrawal,
            "penarikan",
            {"member": member.pk, "kind": "cash", "amount": "5.000"},
        ),  # fmt: skip
        (
            "wastebank:sale-create",
            Sale,
            "penjualan",
            {"buyer": "UD Deli", f"kg_{categories['pet'].pk}": "2", f"price_{categories['pet'].pk}": "4.000"},
        ),  # fmt: skip
        ("wastebank:cash-in-create", CashIn, "kas-masuk", {"source": "Hibah RW", "amount": "100.000"}),
    ]
    for name, model, kind, fields in cases:
        url = reverse(name, args=[bank.pk])
        request_key = client.get(url).context["form"].initial["request_key"]
        data = {"request_key": request_key, "occurred_on": "2026-02-10", **fields}
        assert client.post(url, data).status_code == 302, name
        before = model.objects.count()
        for _ in range(3):
            again = client.post(url, data, follow=True)
            record = model.objects.get(request_key=request_key)
            assert again.status_code == 200, name
            assert again.redirect_chain == [(reverse("wastebank:record", args=[kind, record.public_id]), 302)]
            assert "sudah dikirim sebelumnya" in again.content.decode()
        assert model.objects.count() == before
    assert check_books() == []


def test_demo_bank_book_adds_up(areas, admin_user):
    from gotong.organizations.choices import OrganizationKind
    from gotong.organizations.services import create_organization
    from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
    from gotong.wastebank.demo import BANK_NAME, VILLAGE, load_wastebank_demo

    create_organization(name=BANK_NAME, kind=OrganizationKind.WASTE_BANK, area=areas[VILLAGE], acting_user=admin_user)
    for n in range(12):
        household = HouseholdFactory(area=rt_in(VILLAGE, rw=1 + n % 3), family_card_number=f"12710801010{n:05d}")
        PersonFactory(household=household, name=f"Warga Bagan {n}")
    bank = load_wastebank_demo(admin_user)
    book = bank_cash_book(bank, admin_user)
    assert len(book.rows) > 10
    assert book.money_in - book.money_out == book.closing == balance(till(bank)) > 0
