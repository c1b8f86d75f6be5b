"""A waste bank's cash book: every movement of its till (account 1101 "Kas bank sampah"), read from the ledger.

The same derivation as the treasury's "Buku kas" (`gotong.ledger.cashbook.cash_book`); this module only says
what each row is: a sale to a collector, capital or a grant put in, a member's withdrawal in cash or in goods the
bank paid for, or the cancellation of one of those. Deposits of waste never touch the till (they are bought on
credit to the member's savings, see `gotong.wastebank.services`), so they are not rows of the cash book.
"""

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from gotong.ledger.cashbook import CashBook, Movement, cash_book, months_with_movements
from gotong.ledger.models import Account
from gotong.wastebank.models import CashIn, Member, Sale, Withdrawal, WithdrawalKind
from gotong.wastebank.services import CASH

HIDDEN_NAME = "—"  # a member the viewer may not see by name


def till(bank) -> Account:
    return Account.objects.get(book_id=bank.book_id, code=CASH)


def bank_cash_book(bank, user, *, month: datetime.date | None = None) -> CashBook:
    return cash_book(till(bank), month=month, describe=lambda transactions: _Describer(user, transactions))


def cash_book_months(bank, *, today: datetime.date | None = None) -> list[datetime.date]:
    return months_with_movements([till(bank)], today=today)


class _Describer:
    """The bank's records behind a page of transactions, in one query per kind of record."""

    def __init__(self, user, transactions):
        ids = {t.pk for t in transactions} | {t.reverses_id for t in transactions if t.reverses_id}
        self.records = {}
        for kind, model, related in (
            ("penarikan", Withdrawal, ("member__person",)),
            ("penjualan", Sale, ()),
            ("kas-masuk", CashIn, ()),
        ):
            for record in model.objects.filter(transaction_id__in=ids).select_related(*related):
                self.records[record.transaction_id] = (kind, record)
        member_ids = {r.member_id for kind, r in self.records.values() if kind == "penarikan"}
        self.visible_members = set(
            Member.objects.visible_to(user).filter(pk__in=member_ids).values_list("pk", flat=True)
        )
        self.visible_records = {
            kind: set(model.objects.visible_to(user).filter(transaction_id__in=ids).values_list("pk", flat=True))
            for kind, model in (("penarikan", Withdrawal), ("penjualan", Sale), ("kas-masuk", CashIn))
        }

    def __call__(self, txn, accounts, money_in) -> Movement:
        movement = self._describe(txn.reverses_id or txn.pk, txn)
        if txn.reverses_id is None:
            return movement
        return Movement(
            kind=_("Pembatalan: %(kind)s") % {"kind": movement.kind},
            description=movement.description,
            counterpart=movement.counterpart,
            url=movement.url,
        )

    def _describe(self, original, txn) -> Movement:
        if original not in self.records:
            return Movement(kind=txn.kind or _("Lain-lain"), description=txn.memo)
        kind, record = self.records[original]
        url = ""
        if record.pk in self.visible_records[kind]:
            url = reverse("wastebank:record", args=[kind, record.public_id])
        if kind == "penarikan":
            shown = record.member_id in self.visible_members
            goods = record.kind == WithdrawalKind.GOODS
            return Movement(
                kind=_("Penarikan berupa barang") if goods else _("Penarikan tunai"),
                description=record.goods if goods else _("Tabungan anggota"),
                counterpart=record.member.person.name if shown else HIDDEN_NAME,
                category=_("Tabungan anggota"),
                url=url if shown else "",
            )
        if kind == "penjualan":
            return Movement(
                kind=_("Penjualan sampah"), description=txn.memo, counterpart=record.buyer,
                category=_("Penjualan sampah"), url=url,
            )  # fmt: skip
        return Movement(
            kind=_("Kas masuk"), description=record.source, counterpart=record.source, category=_("Modal dan hibah"),
            url=url,
        )  # fmt: skip
