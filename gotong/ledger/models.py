"""Double-entry books: accounts, transactions and their entries.

Entries are append-only: a mistake is corrected by a reversing transaction, never by editing or deleting.
`Account.balance` is a cache of the entries (in the account's natural sign) kept by `gotong.ledger.services`
and proven by `gotong ledger check`. All amounts are whole rupiah.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gotong.core.dates import short_date
from gotong.core.models import AreaCodedModel, TimeStampedModel
from gotong.core.province_code import ProvinceCodeField
from gotong.core.scoping import ScopedQuerySet, ScopeHooks


class AccountKind(models.TextChoices):
    ASSET = "asset", _("Aset")
    LIABILITY = "liability", _("Kewajiban")
    EQUITY = "equity", _("Ekuitas")
    INCOME = "income", _("Pendapatan")
    EXPENSE = "expense", _("Beban")


# Asset and expense accounts grow with debits; the others with credits.
DEBIT_NORMAL = {AccountKind.ASSET, AccountKind.EXPENSE}


def natural_sign(kind: str) -> int:
    """+1 when a debit (positive entry) raises the account's natural balance, −1 when a credit does."""
    return 1 if kind in DEBIT_NORMAL else -1


class AppendOnlyError(Exception):
    """Raised when code tries to change or remove a posted transaction or entry."""


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError(_("Catatan buku besar tidak boleh diubah; buat transaksi pembalik."))

    def delete(self):
        raise AppendOnlyError(_("Catatan buku besar tidak boleh dihapus; buat transaksi pembalik."))


class BookQuerySet(ScopedQuerySet):
    """An organisation's books, seen as its treasury is (`treasury.view`): its members and the area's workers.

    A book names no person, so a resident's own reach finds none (their accounts are read through their module).
    """

    scope_hooks = ScopeHooks(module="treasury", organization="organization_id")


class Book(AreaCodedModel, TimeStampedModel):
    """One set of accounts for one organisation."""

    province_code = ProvinceCodeField()

    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("organisasi"), on_delete=models.PROTECT, related_name="books"
    )
    name = models.CharField(_("nama buku"), max_length=120)

    objects = BookQuerySet.as_manager()

    class Meta:
        ordering = ["organization__name", "name"]
        verbose_name = _("buku kas")
        verbose_name_plural = _("buku kas")
        constraints = [models.UniqueConstraint(fields=["organization", "name"], name="ledger_book_unique_name")]

    def __str__(self) -> str:
        return f"{self.organization} — {self.name}"

    def derive_area_code(self) -> str:
        return self.organization.area_code


class Account(TimeStampedModel):
    province_code = ProvinceCodeField()
    book = models.ForeignKey(Book, verbose_name=_("buku"), on_delete=models.PROTECT, related_name="accounts")
    code = models.CharField(_("kode akun"), max_length=60)
    name = models.CharField(_("nama akun"), max_length=150)
    kind = models.CharField(_("jenis"), max_length=10, choices=AccountKind.choices)
    holder = models.ForeignKey(
        "registry.Person",
        verbose_name=_("pemilik"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ledger_accounts",
    )
    may_go_negative = models.BooleanField(_("boleh negatif"), default=False)
    # Cache of the entries in the natural sign; only services write it, `ledger check` proves it.
    balance = models.BigIntegerField(_("saldo"), default=0, editable=False)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["book", "code"]
        verbose_name = _("akun")
        verbose_name_plural = _("akun")
        constraints = [
            models.UniqueConstraint(fields=["book", "code"], name="ledger_account_unique_code"),
            models.CheckConstraint(
                condition=models.Q(may_go_negative=True) | models.Q(balance__gte=0),
                name="ledger_account_not_negative",
            ),
            models.CheckConstraint(condition=models.Q(kind__in=AccountKind.values), name="ledger_account_kind_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def sign(self) -> int:
        return natural_sign(self.kind)


class Transaction(TimeStampedModel):
    province_code = ProvinceCodeField()
    book = models.ForeignKey(Book, verbose_name=_("buku"), on_delete=models.PROTECT, related_name="transactions")
    idempotency_key = models.CharField(_("kunci idempotensi"), max_length=100)
    # Hash of what was asked (lines, date, kind, memo, reversed transaction): a retry must match it exactly.
    fingerprint = models.CharField(max_length=64, editable=False)
    kind = models.CharField(_("jenis"), max_length=60, blank=True)
    occurred_on = models.DateField(_("tanggal"))
    memo = models.CharField(_("keterangan"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reverses = models.OneToOneField(
        "self",
        verbose_name=_("membalik"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reversed_by",
    )

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["occurred_on", "id"]
        verbose_name = _("transaksi")
        verbose_name_plural = _("transaksi")
        constraints = [
            models.UniqueConstraint(fields=["book", "idempotency_key"], name="ledger_transaction_unique_key"),
        ]
        indexes = [models.Index(fields=["book", "occurred_on"]), models.Index(fields=["kind"])]

    def __str__(self) -> str:
        return f"{short_date(self.occurred_on)} {self.memo or self.kind}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(_("Transaksi yang sudah dicatat tidak boleh diubah; buat transaksi pembalik."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(_("Transaksi tidak boleh dihapus; buat transaksi pembalik."))

    @property
    def is_reversed(self) -> bool:
        return hasattr(self, "reversed_by")


class Entry(models.Model):
    """One line of a transaction: + debit, − credit, in whole rupiah."""

    province_code = ProvinceCodeField()

    transaction = models.ForeignKey(
        Transaction, verbose_name=_("transaksi"), on_delete=models.PROTECT, related_name="entries"
    )
    account = models.ForeignKey(Account, verbose_name=_("akun"), on_delete=models.PROTECT, related_name="entries")
    amount = models.BigIntegerField(_("jumlah"))

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["transaction", "id"]
        verbose_name = _("entri")
        verbose_name_plural = _("entri")
        constraints = [models.CheckConstraint(condition=~models.Q(amount=0), name="ledger_entry_not_zero")]
        indexes = [models.Index(fields=["account", "transaction"])]

    def __str__(self) -> str:
        return f"{self.account}: {self.amount}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(_("Entri yang sudah dicatat tidak boleh diubah; buat transaksi pembalik."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(_("Entri tidak boleh dihapus; buat transaksi pembalik."))


def _register_audit() -> None:
    from auditlog.registry import auditlog

    auditlog.register(Book)
    auditlog.register(Account, exclude_fields=["balance", "updated_at"])
    auditlog.register(Transaction)
    auditlog.register(Entry)


_register_audit()
