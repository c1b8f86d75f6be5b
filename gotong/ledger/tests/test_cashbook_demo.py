"""Every book of the full demo: each cash book (and every other asset account read the same way) adds up to the
account's balance, and the treasury and waste-bank books to the cash their summaries show."""

import pytest

from gotong.ledger.cashbook import cash_book
from gotong.ledger.models import Account, AccountKind, Book
from gotong.ledger.services import balance, check_books

pytestmark = pytest.mark.django_db


def test_every_demo_book_adds_up(areas, admin_user):
    from gotong.core.demo import load_demo
    from gotong.treasury.models import Treasury
    from gotong.treasury.services import cash_position
    from gotong.treasury.services.cashbook import treasury_cash_book
    from gotong.wastebank.cashbook import bank_cash_book
    from gotong.wastebank.models import WasteBank
    from gotong.wastebank.reports import overview

    load_demo(60)
    assert check_books() == []
    books = list(Book.objects.all())
    assert len(books) >= 3  # the treasury, the waste bank and the casework fund at least
    for account in Account.objects.filter(kind=AccountKind.ASSET):
        book = cash_book(account)
        assert book.money_in - book.money_out == book.closing == balance(account), account

    treasuries = Treasury.objects.filter(books__accounts__code="KAS").distinct()
    assert treasuries.exists()
    for treasury in treasuries:
        book = treasury_cash_book(treasury, admin_user)
        assert book.rows and book.closing == cash_position(treasury)["cash"], treasury
    banks = list(WasteBank.objects.all())
    assert banks
    for bank in banks:
        book = bank_cash_book(bank, admin_user)
        assert book.rows and book.closing == overview(bank, book.rows[-1].date).cash, bank
