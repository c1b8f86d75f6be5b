"""The treasury's "Buku kas": every movement of its "Kas tunai" account, read from the ledger.

The rows come from `gotong.ledger.cashbook.cash_book` (one derivation for the page, its CSV/XLSX and the waste
bank's till), so they add up to the cash figure of the summary (`cash_position`). This module only says what each
row is: a cash-book entry (sale, aid in cash, spending, distribution), a savings deposit or withdrawal, a loan paid
out and its admin fee, a repayment, or the cancellation of one of those.

In-kind aid is not cash: it is booked on the "Barang bantuan (natura)" account (debit goods, credit the category),
never on "Kas tunai", so it is not a row of the cash book and "Kas tunai" does not include it. The page shows it
at its estimated value in a second book, derived the same way from the goods account (`in_kind_book`), next to
the "Barang bantuan (taksiran)" figure of the summary.
"""

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from gotong.core.money import format_rupiah
from gotong.ledger.cashbook import CashBook, Movement, cash_book, months_with_movements
from gotong.ledger.models import Account
from gotong.treasury.models import CashEntry, Direction, Loan, Member, Repayment, SavingsKind, SavingsMovement
from gotong.treasury.services.books import ADMIN_FEES, BOOK_NAME, CASH, GOODS

HIDDEN_NAME = "—"  # a member the viewer may not see by name


def book_account(organization, code) -> Account | None:
    """The treasury book's account `code` ("KAS", "BARANG"), or None before the treasury is set up."""
    return (
        Account.objects.filter(book__organization=organization, book__name=BOOK_NAME, code=code)
        .select_related("book")
        .first()
    )


def treasury_cash_book(organization, user, *, month: datetime.date | None = None) -> CashBook | None:
    """The cash book of `organization` as `user` reads it (names only where the policy shows them)."""
    account = book_account(organization, CASH)
    if account is None:
        return None
    return cash_book(account, month=month, describe=_Describer.factory(user))


def in_kind_book(organization, user, *, month: datetime.date | None = None) -> CashBook | None:
    """Aid received and handed out in kind, at its estimated value: the goods account's book (not cash)."""
    account = book_account(organization, GOODS)
    if account is None:
        return None
    return cash_book(account, month=month, describe=_Describer.factory(user))


def cash_book_months(organization, *, today: datetime.date | None = None) -> list[datetime.date]:
    """Months offered by the page's filter: those with cash or in-kind movements, and the current one."""
    accounts = Account.objects.filter(book__organization=organization, book__name=BOOK_NAME, code__in=(CASH, GOODS))
    return months_with_movements(accounts, today=today)


class _Describer:
    """Looks up the treasury records behind a page of transactions in a fixed number of queries."""

    @classmethod
    def factory(cls, user):
        return lambda transactions: cls(user, transactions)

    def __init__(self, user, transactions):
        ids = {t.pk for t in transactions} | {t.reverses_id for t in transactions if t.reverses_id}
        self.entries = {}
        for entry in CashEntry.objects.filter(transaction_id__in=ids).select_related("category", "partner"):
            self.entries[entry.transaction_id] = entry
        self.savings = {
            m.transaction_id: m
            for m in SavingsMovement.objects.filter(transaction_id__in=ids).select_related("member__person")
        }
        self.loans = {
            loan.transaction_id: loan
            for loan in Loan.objects.filter(transaction_id__in=ids).select_related("member__person", "product")
        }
        self.repayments = {
            r.transaction_id: r
            for r in Repayment.objects.filter(transaction_id__in=ids).select_related("loan__member__person")
        }
        member_ids = {m.member_id for m in self.savings.values()}
        member_ids |= {loan.member_id for loan in self.loans.values()}
        member_ids |= {r.loan.member_id for r in self.repayments.values()}
        self.visible_members = set(
            Member.objects.visible_to(user).filter(pk__in=member_ids).values_list("pk", flat=True)
        )

    def _name(self, member) -> str:
        return member.person.name if member.pk in self.visible_members else HIDDEN_NAME

    def _url(self, name, member, arg) -> str:
        return reverse(name, args=[arg]) if member.pk in self.visible_members else ""

    def __call__(self, txn, accounts, money_in) -> Movement:
        original = txn.reverses_id or txn.pk
        movement = self._describe(original, txn, accounts, money_in)
        if txn.reverses_id is None:
            return movement
        return Movement(
            kind=_("Pembatalan: %(kind)s") % {"kind": movement.kind},
            description=txn.memo if original in self.entries else movement.description,
            counterpart=movement.counterpart,
            category=movement.category,
            partner=movement.partner,
            url=movement.url,
        )  # no cancel_url: a cancellation is final

    def _describe(self, original, txn, accounts, money_in) -> Movement:
        if original in self.entries:
            entry = self.entries[original]
            return Movement(
                kind=_("Pemasukan") if entry.direction == Direction.INCOME else _("Pengeluaran"),
                description=entry.description,
                category=entry.category.name,
                partner=entry.partner.name if entry.partner else "",
                cancel_url=reverse("treasury:cash-entry-cancel", args=[entry.pk]),
            )
        if original in self.savings:
            movement = self.savings[original]
            member = movement.member
            return Movement(
                kind=_("Setoran simpanan") if movement.amount > 0 else _("Penarikan simpanan"),
                description=SavingsKind(movement.kind).label,
                counterpart=self._name(member),
                category=SavingsKind(movement.kind).label,
                url=self._url("treasury:member-detail", member, member.public_id),
            )
        if original in self.loans:
            loan = self.loans[original]
            # Paid out net of the fee: the cash book shows the loan going out and the fee staying in (a
            # cancellation the other way round); the fee's row is the one whose counterpart is the fee income.
            if any(a.code == ADMIN_FEES for a in accounts):
                kind, text = _("Biaya administrasi pinjaman"), _("Biaya administrasi %(product)s")
            else:
                kind, text = _("Pencairan pinjaman"), _("Pokok pinjaman %(product)s")
            return Movement(
                kind=kind,
                description=text % {"product": loan.product.name},
                counterpart=self._name(loan.member),
                category=loan.product.name,
                url=self._url("treasury:loan-detail", loan.member, loan.public_id),
            )
        if original in self.repayments:
            repayment = self.repayments[original]
            member = repayment.loan.member
            return Movement(
                kind=_("Angsuran pinjaman"),
                description=_("Pokok %(principal)s, bunga %(interest)s")
                % {
                    "principal": format_rupiah(repayment.principal_part),
                    "interest": format_rupiah(repayment.interest_part),
                },
                counterpart=self._name(member),
                url=self._url("treasury:loan-detail", member, repayment.loan.public_id),
            )
        # Written by something other than the treasury's services (e.g. an import): say what the ledger says.
        return Movement(kind=txn.kind or _("Lain-lain"), description=txn.memo)
