"""The ledger engine: the only code that writes books, accounts, transactions and entries.

FIXED CONTRACT (the waste bank and the treasury code against it; names may gain keyword args, never change):

- `get_or_create_book(organization, *, name="Buku utama", acting_user) -> Book`
- `open_account(book, *, code, name, kind, holder=None, may_go_negative=None, acting_user) -> Account`
  (idempotent by code: the same code returns the existing account)
- `post(book, *, key, lines, occurred_on, memo="", kind="", acting_user) -> Transaction`
  `lines` is a list of `(Account, int)`: + debit, − credit, whole rupiah, non-zero, summing to 0, all accounts of
  this book. The same `key` again with the same content returns the first transaction (nothing new is written);
  with different content it raises `IdempotencyConflict`. If an account with `may_go_negative=False` would fall
  below 0 in its natural sign it raises `InsufficientBalance` naming the account and the available balance.
  Nothing is saved on any error.
- `reverse(transaction, *, key, memo="", occurred_on=None, acting_user) -> Transaction` — mirror entries; a
  transaction is reversed at most once; a reversal is never reversed again (post the original anew instead).
- `balance(account, *, as_of=None) -> int` — natural sign; the cache when `as_of` is None, else from entries
  whose transaction occurred on or before `as_of`.
- `statement(account, *, start=None, end=None) -> list[StatementLine]` — date, memo, kind, debit, credit and the
  running balance (natural sign), opening with the balance carried in from before `start`.
- `check_books() -> list[str]` — problems found; `[]` when every cached balance equals its entries and every
  transaction balances (backs `gotong ledger check`).

Natural sign: asset and expense accounts are debit-normal (balance = Σ amount); liability, equity and income
accounts are credit-normal (balance = −Σ amount). A member's savings is a liability of the organisation, so a
deposit credits it and its balance grows.

Concurrency: every post locks the accounts it touches (`select_for_update()`, ordered by id, so two posts never
deadlock) before reading their balances; on SQLite the transaction is `BEGIN IMMEDIATE` (settings), which
serialises writers. The idempotency key is checked after the locks are held, and the unique constraint on
(book, key) catches the rare race between posts on different accounts.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import date

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils.translation import gettext as _

from gotong.core.dates import short_date
from gotong.core.money import format_rupiah
from gotong.ledger.models import Account, AccountKind, Book, Entry, Transaction, natural_sign

MAX_AMOUNT = 10**15  # a thousand trillion rupiah: anything larger is a typo, not a transaction


class IdempotencyConflict(ValidationError):
    """The key was already used for a different request."""


class InsufficientBalance(ValidationError):
    """An account that may not go negative would."""


@dataclass(frozen=True)
class StatementLine:
    date: date
    memo: str
    kind: str
    debit: int
    credit: int
    balance: int
    transaction_id: int | None = None
    reverses_id: int | None = None


@transaction.atomic
def get_or_create_book(organization, *, name="Buku utama", acting_user) -> Book:
    name = (name or "").strip()
    existing = Book.objects.filter(organization=organization, name=name).first()
    if existing:
        return existing
    book = Book(organization=organization, name=name)
    book.area_code = organization.area_code
    book.full_clean()
    with set_actor(acting_user):
        book.save()
    return book


def default_may_go_negative(kind: str, holder) -> bool:
    # Cash and stock cannot be below nothing, nor can what a member has saved.
    return not (kind == AccountKind.ASSET or holder is not None)


@transaction.atomic
def open_account(book, *, code, name, kind, holder=None, may_go_negative=None, acting_user) -> Account:
    code = (code or "").strip()
    existing = Account.objects.filter(book=book, code=code).first()
    if existing:
        return existing
    if may_go_negative is None:
        may_go_negative = default_may_go_negative(kind, holder)
    account = Account(
        book=book, code=code, name=(name or "").strip(), kind=kind, holder=holder, may_go_negative=may_go_negative
    )
    account.full_clean()
    with set_actor(acting_user):
        account.save()
    return account


def transaction_fingerprint(*, lines, occurred_on, memo, kind, reverses_id) -> str:
    payload = {
        "lines": sorted([account.pk, amount] for account, amount in lines),
        "occurred_on": occurred_on.isoformat(),
        "memo": memo,
        "kind": kind,
        "reverses": reverses_id,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def _validate_lines(book, lines) -> None:
    if len(lines) < 2:
        raise ValidationError(_("Transaksi butuh sedikitnya dua baris (debit dan kredit)."))
    for account, amount in lines:
        if not isinstance(account, Account) or account.book_id != book.pk:
            raise ValidationError(_("Akun %(account)s bukan milik buku ini.") % {"account": account})
        if isinstance(amount, bool) or not isinstance(amount, int):
            raise ValidationError(_("Jumlah harus bilangan bulat rupiah, bukan %(value)r.") % {"value": amount})
        if amount == 0:
            raise ValidationError(_("Baris untuk akun %(account)s bernilai nol.") % {"account": account})
        if abs(amount) > MAX_AMOUNT:
            raise ValidationError(_("Jumlah %(amount)s terlalu besar.") % {"amount": format_rupiah(amount)})
    total = sum(amount for _account, amount in lines)
    if total != 0:
        raise ValidationError(_("Debit dan kredit tidak seimbang: selisih %(diff)s.") % {"diff": format_rupiah(total)})


def _existing_or_conflict(book, key, fingerprint) -> Transaction | None:
    existing = Transaction.objects.filter(book=book, idempotency_key=key).first()
    if existing is None:
        return None
    if existing.fingerprint != fingerprint:
        raise IdempotencyConflict(
            _("Kunci %(key)s sudah dipakai untuk transaksi lain (%(date)s, %(memo)s); data tidak disimpan.")
            % {"key": key, "date": short_date(existing.occurred_on), "memo": existing.memo or existing.kind}
        )
    return existing


def _post(book, *, key, lines, occurred_on, memo, kind, acting_user, reverses=None) -> Transaction:
    key = (key or "").strip()
    if not key:
        raise ValidationError(_("Kunci idempotensi wajib diisi."))
    if len(key) > 100:
        raise ValidationError(_("Kunci idempotensi paling panjang 100 karakter."))
    if not isinstance(occurred_on, date):
        raise ValidationError(_("Tanggal transaksi wajib diisi."))
    memo = (memo or "").strip()[:255]
    lines = list(lines)
    _validate_lines(book, lines)
    fingerprint = transaction_fingerprint(
        lines=lines, occurred_on=occurred_on, memo=memo, kind=kind, reverses_id=reverses.pk if reverses else None
    )

    # Lock first (ordered, so concurrent posts queue instead of deadlocking), then look at the key and balances.
    deltas: dict[int, int] = {}
    for account, amount in lines:
        deltas[account.pk] = deltas.get(account.pk, 0) + amount
    locked = {a.pk: a for a in Account.objects.select_for_update().filter(pk__in=deltas).order_by("pk")}

    existing = _existing_or_conflict(book, key, fingerprint)
    if existing is not None:
        return existing
    if reverses is not None and Transaction.objects.filter(reverses=reverses).exists():
        raise ValidationError(_("Transaksi ini sudah dibatalkan sebelumnya."))

    for pk, delta in deltas.items():
        account = locked[pk]
        if not account.is_active:
            raise ValidationError(_("Akun %(account)s tidak aktif.") % {"account": account})
        change = delta * account.sign
        if change < 0 and not account.may_go_negative and account.balance + change < 0:
            raise InsufficientBalance(
                _("Saldo %(account)s tidak cukup: tersedia %(available)s, dibutuhkan %(needed)s.")
                % {
                    "account": account.name,
                    "available": format_rupiah(account.balance),
                    "needed": format_rupiah(-change),
                }
            )

    txn = Transaction(
        book=book,
        idempotency_key=key,
        fingerprint=fingerprint,
        kind=kind or "",
        occurred_on=occurred_on,
        memo=memo,
        created_by=acting_user,
        reverses=reverses,
    )
    # The book, the user and the reversed transaction are rows this request already holds (the accounts were just
    # locked in that book): asking the database whether they exist again cost two queries per post (issue 24).
    txn.full_clean(exclude=["book", "created_by", "reverses"], validate_constraints=False)
    with set_actor(acting_user):
        try:
            with transaction.atomic():
                txn.save()
        except IntegrityError:
            # Another request with the same key committed between our check and our insert.
            existing = _existing_or_conflict(book, key, fingerprint)
            if existing is not None:
                return existing
            raise
        for account, amount in lines:
            # The locked row, so the audit log names the account without reading it again.
            Entry(transaction=txn, account=locked[account.pk], amount=amount).save()
        for pk, delta in deltas.items():
            Account.objects.filter(pk=pk).update(balance=F("balance") + delta * locked[pk].sign)
    for account, _amount in lines:
        # Keep callers' objects in step with the row they passed.
        account.balance = locked[account.pk].balance + deltas[account.pk] * locked[account.pk].sign
    return txn


@transaction.atomic
def post(book, *, key: str, lines, occurred_on, memo="", kind="", acting_user) -> Transaction:
    """Record one balanced transaction; see the module docstring for the contract."""
    return _post(book, key=key, lines=lines, occurred_on=occurred_on, memo=memo, kind=kind, acting_user=acting_user)


@transaction.atomic
def reverse(txn, *, key: str, memo="", occurred_on=None, acting_user) -> Transaction:
    """Cancel `txn` by posting its mirror image; the original stays as it was."""
    if txn.reverses_id is not None:
        raise ValidationError(_("Transaksi pembalik tidak dapat dibalik lagi; catat ulang transaksi aslinya."))
    lines = [(entry.account, -entry.amount) for entry in txn.entries.select_related("account").order_by("id")]
    memo = memo or _("Pembatalan: %(memo)s") % {"memo": txn.memo or txn.kind}
    return _post(
        txn.book,
        key=key,
        lines=lines,
        occurred_on=occurred_on or txn.occurred_on,
        memo=memo,
        kind=txn.kind,
        acting_user=acting_user,
        reverses=txn,
    )


def _entries_sum(account, **filters) -> int:
    return Entry.objects.filter(account=account, **filters).aggregate(total=Sum("amount"))["total"] or 0


def balance(account, *, as_of=None) -> int:
    """The account's balance in its natural sign (positive = it holds/owes money the normal way)."""
    if as_of is None:
        return Account.objects.values_list("balance", flat=True).get(pk=account.pk)
    return _entries_sum(account, transaction__occurred_on__lte=as_of) * natural_sign(account.kind)


def statement(account, *, start=None, end=None) -> list[StatementLine]:
    """Passbook lines for one account, oldest first, opening with the balance brought forward."""
    sign = natural_sign(account.kind)
    running = 0
    lines: list[StatementLine] = []
    if start is not None:
        running = _entries_sum(account, transaction__occurred_on__lt=start) * sign
        lines.append(StatementLine(start, _("Saldo awal"), "", 0, 0, running))
    entries = Entry.objects.filter(account=account).select_related("transaction")
    if start is not None:
        entries = entries.filter(transaction__occurred_on__gte=start)
    if end is not None:
        entries = entries.filter(transaction__occurred_on__lte=end)
    for entry in entries.order_by("transaction__occurred_on", "transaction_id", "id"):
        running += entry.amount * sign
        txn = entry.transaction
        lines.append(
            StatementLine(
                date=txn.occurred_on,
                memo=txn.memo,
                kind=txn.kind,
                debit=entry.amount if entry.amount > 0 else 0,
                credit=-entry.amount if entry.amount < 0 else 0,
                balance=running,
                transaction_id=txn.pk,
                reverses_id=txn.reverses_id,
            )
        )
    return lines


def check_books() -> list[str]:
    """Every problem in every book: cache ≠ entries, unbalanced transactions, forbidden negatives."""
    problems: list[str] = []
    sums = dict(Entry.objects.values("account_id").annotate(total=Sum("amount")).values_list("account_id", "total"))
    for account in Account.objects.select_related("book").order_by("pk"):
        derived = (sums.get(account.pk) or 0) * account.sign
        if derived != account.balance:
            problems.append(
                f"akun #{account.pk} {account.code} ({account.book}): saldo tersimpan {account.balance}, "
                f"jumlah entri {derived}"
            )
        if not account.may_go_negative and derived < 0:
            problems.append(f"akun #{account.pk} {account.code} ({account.book}): saldo negatif {derived}")
    unbalanced = (
        Entry.objects.values("transaction_id").annotate(total=Sum("amount")).exclude(total=0).order_by("transaction_id")
    )
    for row in unbalanced:
        problems.append(f"transaksi #{row['transaction_id']}: entri tidak seimbang, selisih {row['total']}")
    for txn_id in Transaction.objects.filter(entries__isnull=True).values_list("pk", flat=True):
        problems.append(f"transaksi #{txn_id}: tanpa entri")
    cross = Entry.objects.exclude(account__book_id=F("transaction__book_id")).values_list("pk", flat=True)
    for entry_id in cross:
        problems.append(f"entri #{entry_id}: akun dari buku lain")
    return problems
