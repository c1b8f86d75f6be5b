"""The cash book is the cash: its rows come from the ledger's cash account and add up to "Kas tunai".

The issue's scenario (a Rp1.500.000 loan with a Rp15.000 admin fee, then a Rp545.000 repayment) must appear in
the page and in the CSV, and the rows must add up to the summary's cash after every kind of operation.
"""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from gotong.ledger import services as ledger
from gotong.ledger.services import check_books
from gotong.treasury import services
from gotong.treasury.services.books import CASH, GOODS
from gotong.treasury.services.cashbook import book_account, in_kind_book, treasury_cash_book
from gotong.treasury.tests.conftest import cempako_category, key

pytestmark = pytest.mark.django_db


def assert_adds_up(organization, user):
    """Whole book and current month: opening + in − out = running balance = closing = summary cash = ledger."""
    cash = services.cash_position(organization)["cash"]
    assert cash == ledger.balance(book_account(organization, CASH))
    for month in (None, timezone.localdate().replace(day=1)):
        book = treasury_cash_book(organization, user, month=month)
        running = book.opening
        for row in book.rows:
            assert (row.money_in > 0) != (row.money_out > 0), row
            running += row.money_in - row.money_out
            assert row.balance == running, row
        assert book.opening + book.money_in - book.money_out == book.closing == cash
    return cash


@pytest.fixture
def issue_loan(funded, member, treasurer):
    """The treasurer's test from the issue: Rp1.500.000 loan, Rp15.000 fee, Rp545.000 repayment."""
    product = services.create_product(
        funded, name="Pinjaman modal usaha", rate="1.5", rate_period="bulan", method="flat", max_term_months=12,
        max_amount=5_000_000, admin_fee=15_000, acting_user=treasurer,
    )  # fmt: skip
    loan = services.disburse_loan(
        member, product=product, principal=1_500_000, term_months=3, disbursed_on=datetime.date(2026, 1, 10),
        key=key(), acting_user=treasurer,
    )  # fmt: skip
    services.record_repayment(
        loan, amount=545_000, paid_on=datetime.date(2026, 2, 10), key=key(), acting_user=treasurer
    )
    return loan


def test_issue_scenario_in_the_book(funded, treasurer, issue_loan):
    book = treasury_cash_book(funded, treasurer)
    rows = [(r.kind, r.counterpart, r.money_in, r.money_out) for r in book.rows]
    assert ("Pencairan pinjaman", "Rahmawati", 0, 1_500_000) in rows
    assert ("Biaya administrasi pinjaman", "Rahmawati", 15_000, 0) in rows
    assert ("Angsuran pinjaman", "Rahmawati", 545_000, 0) in rows
    # Rp20.000.000 harvest − 1.500.000 + 15.000 + 545.000
    assert assert_adds_up(funded, treasurer) == 19_060_000
    loan_url = reverse("treasury:loan-detail", args=[issue_loan.public_id])
    assert {r.url for r in book.rows if r.counterpart} == {loan_url}


def test_issue_scenario_on_the_page_and_in_the_csv(client, funded, treasurer, issue_loan):
    client.force_login(treasurer)
    page = client.get(reverse("treasury:cash-book", args=[funded.pk]))
    text = page.content.decode()
    for needle in ("Pencairan pinjaman", "Rp1.500.000", "Biaya administrasi pinjaman", "Rp15.000", "Rp545.000"):
        assert needle in text, needle
    today = timezone.localdate()
    assert today.replace(day=1) in page.context["months"]
    assert datetime.date(2026, 1, 1) in page.context["months"]

    response = client.get(reverse("exports:download", args=["treasury.cash_book", "csv"]), {"org_id": funded.pk})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header, opening, body = rows[0], rows[1], rows[2:]
    money_in, money_out, balance = header.index("Masuk (Rp)"), header.index("Keluar (Rp)"), header.index("Saldo (Rp)")
    assert opening[header.index("Jenis")] == "Saldo awal"
    assert len(body) == len(page.context["book"].rows)

    def number(text):
        return int(text or 0)

    total = number(opening[balance]) + sum(number(r[money_in]) - number(r[money_out]) for r in body)
    assert total == number(body[-1][balance]) == services.cash_position(funded)["cash"] == 19_060_000
    kinds = [r[header.index("Jenis")] for r in body]
    assert {"Pencairan pinjaman", "Biaya administrasi pinjaman", "Angsuran pinjaman"} <= set(kinds)


def test_month_has_opening_balance_and_month_rows_only(funded, treasurer, issue_loan):
    february = treasury_cash_book(funded, treasurer, month=datetime.date(2026, 2, 1))
    assert february.opening == 20_000_000 - 1_500_000 + 15_000
    assert [r.kind for r in february.rows] == ["Angsuran pinjaman"]
    assert february.closing == 19_060_000


def test_each_cancellation_is_its_own_row(funded, treasurer):
    category = cempako_category(funded, "Penjualan produk olahan")
    entry = services.record_cash_entry(
        funded, category=category, occurred_on=datetime.date(2026, 1, 3), amount=300_000,
        description="Pempek sayur", key=key(), acting_user=treasurer,
    )  # fmt: skip
    services.cancel_cash_entry(entry, reason="Salah ketik", acting_user=treasurer)
    rows = [r for r in treasury_cash_book(funded, treasurer).rows if "Pempek" in r.description]
    assert [(r.money_in, r.money_out, r.reversed, r.is_cancellation) for r in rows] == [
        (300_000, 0, True, False),
        (0, 300_000, False, True),
    ]
    assert rows[1].kind == "Pembatalan: Pemasukan" and rows[1].date == timezone.localdate()
    assert assert_adds_up(funded, treasurer) == 20_000_000


def test_in_kind_aid_is_not_cash_and_is_shown_apart(client, funded, treasurer, bri):
    aid = cempako_category(funded, "Bantuan mitra")
    services.record_cash_entry(
        funded, category=aid, occurred_on=datetime.date(2026, 1, 4), amount=4_000_000, in_kind=True, partner=bri,
        description="Instalasi hidroponik", key=key(), acting_user=treasurer,
    )  # fmt: skip
    assert "Instalasi hidroponik" not in {r.description for r in treasury_cash_book(funded, treasurer).rows}
    goods = in_kind_book(funded, treasurer)
    assert [(r.description, r.partner, r.money_in) for r in goods.rows] == [
        ("Instalasi hidroponik", "BRI Sumatera Selatan", 4_000_000)
    ]
    assert goods.closing == services.cash_position(funded)["goods"] == ledger.balance(book_account(funded, GOODS))
    assert assert_adds_up(funded, treasurer) == 20_000_000
    client.force_login(treasurer)
    assert "Instalasi hidroponik" in client.get(reverse("treasury:cash-book", args=[funded.pk])).content.decode()


def test_demo_book_adds_up(cempako_world_demo, admin_user):
    organization = cempako_world_demo
    assert treasury_cash_book(organization, admin_user).rows
    assert assert_adds_up(organization, admin_user) > 0
    assert check_books() == []


@pytest.fixture
def cempako_world_demo(areas, cempako_rt, admin_user):
    from gotong.organizations.choices import OrganizationKind
    from gotong.organizations.services import create_organization
    from gotong.registry.tests.factories import HouseholdFactory, PersonFactory
    from gotong.treasury.demo import load_treasury_demo

    for name in ("Bank BRI Palembang", "PT Pegadaian Palembang", "PT Pusri Palembang"):
        create_organization(name=name, kind=OrganizationKind.PARTNER_CSR, area=areas["16.71"], acting_user=admin_user)
    for n in range(24):
        PersonFactory(name=f"Warga Cempako {n}", household=HouseholdFactory(area=cempako_rt))
    organization = create_organization(
        name="Kampung Sayur Cempako", kind=OrganizationKind.COMMUNITY_ENTERPRISE, area=cempako_rt,
        acting_user=admin_user,
    )  # fmt: skip
    load_treasury_demo(admin_user)
    return organization
