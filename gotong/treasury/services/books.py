"""The treasury's ledger book, its standing accounts, cash-book categories and cash-book entries."""

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.core.validation import whole_rupiah
from gotong.ledger import services as ledger
from gotong.ledger.models import AccountKind
from gotong.treasury.models import CashEntry, Category, Direction
from gotong.treasury.services.common import check_not_future, clean_key, lock_books, replayed, require_bookkeeper


def check_open_month(organization, day, field) -> None:
    # Imported here: the closing rules read this module's book and cash account names.
    from gotong.treasury.services.closing import check_open_month as check

    check(organization, day, field)


BOOK_NAME = "Kas & simpan pinjam"
CASH, GOODS, INTEREST, ADMIN_FEES = "KAS", "BARANG", "PEND-BUNGA", "PEND-ADMIN"
STANDING_ACCOUNTS = (
    (CASH, "Kas tunai", AccountKind.ASSET),
    (GOODS, "Barang bantuan (natura)", AccountKind.ASSET),
    (INTEREST, "Pendapatan bunga pinjaman", AccountKind.INCOME),
    (ADMIN_FEES, "Pendapatan biaya administrasi", AccountKind.INCOME),
)
# The headings the seed's treasurer books under (harvest sales, partner aid, sembako, upkeep).
DEFAULT_CATEGORIES = (
    ("Penjualan hasil panen", Direction.INCOME),
    ("Penjualan produk olahan", Direction.INCOME),
    ("Bantuan mitra", Direction.INCOME),
    ("Iuran & lain-lain", Direction.INCOME),
    ("Pemeliharaan kebun", Direction.EXPENSE),
    ("Fasilitas & peralatan", Direction.EXPENSE),
    ("Pembagian sembako", Direction.EXPENSE),
    ("Operasional & lain-lain", Direction.EXPENSE),
)


def treasury_book(organization, *, acting_user):
    return ledger.get_or_create_book(organization, name=BOOK_NAME, acting_user=acting_user)


def standing_account(organization, code, *, acting_user):
    book = treasury_book(organization, acting_user=acting_user)
    name, kind = next((n, k) for c, n, k in STANDING_ACCOUNTS if c == code)
    return ledger.open_account(book, code=code, name=name, kind=kind, acting_user=acting_user)


@transaction.atomic
def ensure_setup(organization, *, acting_user):
    """The book, its standing accounts and the default categories; safe to call again."""
    require_bookkeeper(acting_user, organization)
    book = treasury_book(organization, acting_user=acting_user)
    for code, name, kind in STANDING_ACCOUNTS:
        ledger.open_account(book, code=code, name=name, kind=kind, acting_user=acting_user)
    for name, direction in DEFAULT_CATEGORIES:
        add_category(organization, name=name, direction=direction, acting_user=acting_user)
    return book


@transaction.atomic
def add_category(organization, *, name, direction, acting_user) -> Category:
    require_bookkeeper(acting_user, organization)
    name = (name or "").strip()
    existing = Category.objects.filter(organization=organization, name=name).first()
    if existing:
        return existing
    book = treasury_book(organization, acting_user=acting_user)
    number = Category.objects.filter(organization=organization).count() + 1
    kind = AccountKind.INCOME if direction == Direction.INCOME else AccountKind.EXPENSE
    account = ledger.open_account(
        book, code=f"KAT-{number:03d}", name=name, kind=kind, may_go_negative=True, acting_user=acting_user
    )
    category = Category(organization=organization, name=name, direction=direction, account=account)
    category.full_clean()
    with set_actor(acting_user):
        category.save()
    return category


@transaction.atomic
def record_cash_entry(
    organization,
    *,
    category,
    occurred_on,
    amount,
    description,
    in_kind=False,
    partner=None,
    key,
    acting_user,
) -> CashEntry:
    """One line of the cash book. Income in kind debits the goods account; spending in kind credits it."""
    require_bookkeeper(acting_user, organization)
    key = clean_key(key)
    lock_books(organization)
    existing = CashEntry.objects.filter(organization=organization, idempotency_key=key).first()
    if existing:
        return replayed(existing)
    if category.organization_id != organization.pk:
        raise ValidationError({"category": _("Kategori ini bukan milik organisasi ini.")})
    whole_rupiah(amount, "amount")
    check_not_future(occurred_on, "occurred_on")
    check_open_month(organization, occurred_on, "occurred_on")
    description = (description or "").strip()
    if not description:
        raise ValidationError({"description": _("Uraian wajib diisi.")})
    income = category.direction == Direction.INCOME
    if partner is not None and not income:
        raise ValidationError({"partner": _("Mitra hanya diisi untuk bantuan yang diterima.")})
    if in_kind and income and partner is None:
        raise ValidationError({"partner": _("Bantuan barang wajib menyebut mitra pemberinya.")})
    ensure_setup(organization, acting_user=acting_user)
    money = standing_account(organization, GOODS if in_kind else CASH, acting_user=acting_user)
    lines = [(money, amount), (category.account, -amount)] if income else [(category.account, amount), (money, -amount)]
    try:
        txn = ledger.post(
            treasury_book(organization, acting_user=acting_user),
            key=f"kas:{key}",
            lines=lines,
            occurred_on=occurred_on,
            memo=description,
            kind=category.name,
            acting_user=acting_user,
        )
    except ledger.InsufficientBalance as exc:
        raise ValidationError({"amount": exc.messages}) from exc
    entry = CashEntry(
        organization=organization,
        category=category,
        direction=category.direction,
        occurred_on=occurred_on,
        amount=amount,
        description=description,
        in_kind=in_kind,
        partner=partner,
        transaction=txn,
        idempotency_key=key,
        recorded_by=acting_user,
    )
    entry.area_code = organization.area_code
    entry.full_clean()
    with set_actor(acting_user):
        entry.save()
    return replayed(entry, False)


@transaction.atomic
def cancel_cash_entry(entry, *, reason, acting_user) -> CashEntry:
    """Undo a mistaken entry by a reversing ledger transaction; the entry stays, marked with the reason."""
    require_bookkeeper(acting_user, entry.organization)
    entry = CashEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.reversal_id:
        return replayed(entry)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Sebutkan alasan pembatalan.")})
    try:
        reversal = ledger.reverse(
            entry.transaction,
            key=f"batal-kas:{entry.idempotency_key}",
            memo=_("Pembatalan: %(text)s (%(reason)s)") % {"text": entry.description, "reason": reason},
            occurred_on=timezone.localdate(),
            acting_user=acting_user,
        )
    except ledger.InsufficientBalance as exc:
        raise ValidationError({"reason": exc.messages}) from exc
    entry.reversal, entry.cancel_reason = reversal, reason[:255]
    with set_actor(acting_user):
        entry.save(update_fields=["reversal", "cancel_reason"])
    return replayed(entry, False)
