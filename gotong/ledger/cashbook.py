"""The cash book of one cash account, derived from the ledger's entries so it cannot drift from the balance.

One function, `cash_book(account, …)`, serves every module that keeps cash on the ledger (the treasury's "Kas
tunai", a waste bank's till): its page, its CSV/XLSX export and anything else that lists cash. Every row comes
from an entry of the cash account, so the opening balance plus money in minus money out is the account's balance
— the figure the module's summary shows — by construction, not by keeping two lists in step.

How a transaction becomes rows: the lines of the transaction *other* than the cash account say where the money
came from or went to. Their cash effect (the negative of their amount, because every transaction balances) is
grouped by direction, so a transaction gives at most one "in" row and one "out" row. A loan paid out net of its
admin fee (cash −985.000 = receivable +1.000.000, fee income −15.000) is thus two rows: the loan paid out
(Rp1.000.000 out) and the fee kept (Rp15.000 in); together they are exactly the cash entry. A reversal
(cancellation) is its own transaction and therefore its own rows, on the day it was posted.

What a row *is* (its kind, the member or buyer, the category, the partner, the link to its record) is the owning
module's knowledge: it passes a `describe` factory that looks up its records for all the transactions of the page
in a fixed number of queries.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.ledger.models import Account, Entry, Transaction, natural_sign


@dataclass(frozen=True)
class Movement:
    """What the owning module says about one row."""

    kind: str
    description: str = ""
    counterpart: str = ""  # the member, buyer or giver, when the viewer may see the name
    category: str = ""
    partner: str = ""
    url: str = ""  # the record's page, when there is one the viewer may open
    cancel_url: str = ""  # where a bookkeeper cancels the record, when the module has such a page


@dataclass(frozen=True)
class CashBookRow:
    date: datetime.date
    kind: str
    description: str
    money_in: int
    money_out: int
    balance: int  # running balance after this row
    counterpart: str = ""
    category: str = ""
    partner: str = ""
    url: str = ""
    cancel_url: str = ""
    transaction_id: int | None = None
    reverses_id: int | None = None  # set on a cancellation: the transaction it undoes
    reversed: bool = False  # this movement was cancelled later (the cancellation is a row of its own)
    opening: bool = False  # the "Saldo awal" line

    @property
    def is_cancellation(self) -> bool:
        return self.reverses_id is not None


@dataclass
class CashBook:
    account: Account
    month: datetime.date | None  # first day of the month shown; None = the whole book
    start: datetime.date | None
    end: datetime.date | None
    opening: int
    rows: list[CashBookRow] = field(default_factory=list)
    money_in: int = 0
    money_out: int = 0
    closing: int = 0

    def export_rows(self) -> list[CashBookRow]:
        """The opening balance line followed by every row: what the CSV/XLSX holds."""
        first = self.start or (self.rows[0].date if self.rows else None)
        opening = CashBookRow(first, _("Saldo awal"), "", 0, 0, self.opening, opening=True)
        return [opening, *self.rows]


# describe(transactions) -> (transaction, counterpart accounts, money_in) -> Movement
Describer = Callable[[list[Transaction]], Callable[[Transaction, list[Account], bool], Movement]]


def plain_describer(transactions: list[Transaction]):
    """For books without a module's records: the transaction's own kind and memo."""

    def describe(txn: Transaction, accounts: list[Account], money_in: bool) -> Movement:
        return Movement(kind=txn.kind, description=txn.memo, counterpart=", ".join(a.name for a in accounts))

    return describe


def month_bounds(month: datetime.date) -> tuple[datetime.date, datetime.date]:
    first = month.replace(day=1)
    following = datetime.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return first, following - datetime.timedelta(days=1)


def cash_book(account: Account, *, month: datetime.date | None = None, describe: Describer | None = None) -> CashBook:
    """Every movement of `account` (in one month, or all), with opening, in, out and running balance."""
    sign = natural_sign(account.kind)
    start = end = None
    entries = Entry.objects.filter(account=account)
    opening = 0
    if month is not None:
        start, end = month_bounds(month)
        before = entries.filter(transaction__occurred_on__lt=start).aggregate(total=Sum("amount"))["total"] or 0
        opening = before * sign
        entries = entries.filter(transaction__occurred_on__range=(start, end))
    # Every line of every transaction that touched the cash account in the period, in one query.
    lines = (
        Entry.objects.filter(transaction_id__in=entries.values("transaction_id"))
        .select_related("transaction", "account")
        .order_by("transaction__occurred_on", "transaction_id", "id")
    )
    transactions: dict[int, Transaction] = {}
    others: dict[int, list[Entry]] = {}
    for line in lines:
        transactions.setdefault(line.transaction_id, line.transaction)
        # Every transaction balances, so the other lines' cash effects add up to the cash lines exactly
        # (`gotong ledger check` proves the balance); a transfer from cash to cash gives no row.
        if line.account_id != account.pk:
            others.setdefault(line.transaction_id, []).append(line)
    describer = (describe or plain_describer)(list(transactions.values()))
    reversals = Transaction.objects.filter(reverses_id__in=list(transactions))
    reversed_ids = set(reversals.values_list("reverses_id", flat=True))

    book = CashBook(account=account, month=month, start=start, end=end, opening=opening)
    running = opening
    for txn_id, txn in transactions.items():
        for money_in, accounts, amount in _split(others.get(txn_id, []), sign):
            movement = describer(txn, accounts, money_in)
            running += amount if money_in else -amount
            book.rows.append(
                CashBookRow(
                    date=txn.occurred_on,
                    kind=movement.kind,
                    description=movement.description,
                    money_in=amount if money_in else 0,
                    money_out=0 if money_in else amount,
                    balance=running,
                    counterpart=movement.counterpart,
                    category=movement.category,
                    partner=movement.partner,
                    url=movement.url,
                    cancel_url=movement.cancel_url,
                    transaction_id=txn_id,
                    reverses_id=txn.reverses_id,
                    reversed=txn_id in reversed_ids,
                )
            )
    book.money_in = sum(r.money_in for r in book.rows)
    book.money_out = sum(r.money_out for r in book.rows)
    book.closing = running
    return book


def _split(lines: Iterable[Entry], sign: int) -> list[tuple[bool, list[Account], int]]:
    """The counterpart lines of one transaction as (money_in, their accounts, amount) — in first, then out."""
    into: list[Account] = []
    out: list[Account] = []
    total_in = total_out = 0
    for line in lines:
        effect = -line.amount * sign  # what this line brought into (+) or took out of (−) the cash account
        if effect > 0:
            into.append(line.account)
            total_in += effect
        else:
            out.append(line.account)
            total_out -= effect
    parts = []
    if total_in:
        parts.append((True, into, total_in))
    if total_out:
        parts.append((False, out, total_out))
    return parts


def months_with_movements(accounts: Iterable[Account], *, today: datetime.date | None = None) -> list[datetime.date]:
    """First days of the months in which any of `accounts` moved, plus the current month; newest first."""
    today = today or timezone.localdate()
    months = set(
        Transaction.objects.filter(entries__account__in=list(accounts)).dates("occurred_on", "month", order="DESC")
    )
    months.add(today.replace(day=1))
    return sorted(months, reverse=True)
