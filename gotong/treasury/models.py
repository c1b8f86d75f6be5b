"""The treasury's descriptive records; every rupiah they mention is a transaction in `gotong.ledger`.

Cash-book entries, savings movements, loan disbursements and repayments each point at the ledger transaction that
moved the money. Balances (cash, a member's savings, a loan's principal) are read from the ledger; the schedule
rows here say what is due and what has been paid against each instalment.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gotong.core.models import AreaCodedModel, PublicIdModel, TimeStampedModel
from gotong.core.numbers import decimal_text
from gotong.core.province_code import ProvinceCodeField
from gotong.organizations.models import Organization
from gotong.treasury.access import TreasuryQuerySet, records_manager
from gotong.treasury.schedule import DECLINING, FLAT, PER_MONTH, PER_YEAR


class Treasury(Organization):
    """An organisation seen as a treasury: what the treasury pages and the access policy address by `org_id`."""

    objects = TreasuryQuerySet.as_manager()

    class Meta:
        proxy = True
        verbose_name = _("kas organisasi")
        verbose_name_plural = _("kas organisasi")


class Direction(models.TextChoices):
    INCOME = "masuk", _("Pemasukan")
    EXPENSE = "keluar", _("Pengeluaran")


class Category(TimeStampedModel):
    """A cash-book heading (harvest sales, partner aid, sembako …) backed by one income or expense account."""

    province_code = ProvinceCodeField()

    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("organisasi"), on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("nama kategori"), max_length=100)
    direction = models.CharField(_("arah"), max_length=10, choices=Direction.choices)
    account = models.OneToOneField(
        "ledger.Account", verbose_name=_("akun"), on_delete=models.PROTECT, related_name="treasury_category"
    )

    class Meta:
        ordering = ["direction", "name"]
        verbose_name = _("kategori kas")
        verbose_name_plural = _("kategori kas")
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="treasury_category_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class CashEntry(AreaCodedModel, TimeStampedModel):
    province_code = ProvinceCodeField()
    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("organisasi"), on_delete=models.PROTECT, related_name="+"
    )
    category = models.ForeignKey(Category, verbose_name=_("kategori"), on_delete=models.PROTECT, related_name="+")
    direction = models.CharField(_("arah"), max_length=10, choices=Direction.choices)
    occurred_on = models.DateField(_("tanggal"))
    amount = models.BigIntegerField(_("jumlah (Rp)"))
    description = models.CharField(_("uraian"), max_length=255)
    # Income in kind: goods given by a partner at their estimated value. Spending in kind: those goods handed out.
    in_kind = models.BooleanField(_("barang (natura)"), default=False)
    partner = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("mitra pemberi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    transaction = models.OneToOneField(
        "ledger.Transaction", verbose_name=_("transaksi"), on_delete=models.PROTECT, related_name="+"
    )
    idempotency_key = models.CharField(max_length=100, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("dicatat oleh")
    )
    # A mistaken entry is never deleted: the ledger gets a reversing transaction and the entry is marked.
    reversal = models.OneToOneField(
        "ledger.Transaction", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    cancel_reason = models.CharField(_("alasan pembatalan"), max_length=255, blank=True)

    objects = records_manager()

    class Meta:
        ordering = ["-occurred_on", "-id"]
        verbose_name = _("catatan kas")
        verbose_name_plural = _("buku kas")
        constraints = [
            models.UniqueConstraint(fields=["organization", "idempotency_key"], name="treasury_cash_unique_key"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="treasury_cash_amount_positive"),
            models.CheckConstraint(
                condition=Q(reversal__isnull=True) | ~Q(cancel_reason=""), name="treasury_cash_cancel_has_reason"
            ),
        ]

    def derive_area_code(self) -> str:
        return self.organization.area_code


class Member(AreaCodedModel, PublicIdModel):
    """A registry person who saves and borrows with this organisation."""

    province_code = ProvinceCodeField()

    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("organisasi"), on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        "registry.Person", verbose_name=_("penduduk"), on_delete=models.PROTECT, related_name="treasury_members"
    )
    number = models.PositiveIntegerField(_("nomor anggota"))
    joined_on = models.DateField(_("tanggal masuk"))

    objects = records_manager(person="person_id")

    class Meta:
        ordering = ["organization", "number"]
        verbose_name = _("anggota simpan pinjam")
        verbose_name_plural = _("anggota simpan pinjam")
        constraints = [
            models.UniqueConstraint(fields=["organization", "person"], name="treasury_member_once"),
            models.UniqueConstraint(fields=["organization", "number"], name="treasury_member_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.number:03d} {self.person.name}"

    def derive_area_code(self) -> str:
        return self.organization.area_code


class SavingsKind(models.TextChoices):
    POKOK = "pokok", _("Simpanan pokok")
    WAJIB = "wajib", _("Simpanan wajib")
    SUKARELA = "sukarela", _("Simpanan sukarela")


class SavingsMovement(AreaCodedModel, TimeStampedModel):
    province_code = ProvinceCodeField()
    member = models.ForeignKey(Member, verbose_name=_("anggota"), on_delete=models.PROTECT, related_name="movements")
    kind = models.CharField(_("jenis simpanan"), max_length=10, choices=SavingsKind.choices)
    amount = models.BigIntegerField(_("jumlah (Rp)"), help_text=_("positif = setoran, negatif = penarikan"))
    occurred_on = models.DateField(_("tanggal"))
    transaction = models.OneToOneField("ledger.Transaction", on_delete=models.PROTECT, related_name="+")
    idempotency_key = models.CharField(max_length=100, editable=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = records_manager(organization="member__organization_id", person="member__person_id")

    class Meta:
        ordering = ["-occurred_on", "-id"]
        verbose_name = _("mutasi simpanan")
        verbose_name_plural = _("mutasi simpanan")
        constraints = [
            models.UniqueConstraint(fields=["member", "idempotency_key"], name="treasury_savings_unique_key"),
            models.CheckConstraint(condition=~Q(amount=0), name="treasury_savings_amount_not_zero"),
            # Only voluntary savings can be taken out while one is a member.
            models.CheckConstraint(
                condition=Q(amount__gt=0) | Q(kind="sukarela"), name="treasury_savings_withdraw_sukarela"
            ),
        ]

    def derive_area_code(self) -> str:
        return self.member.area_code


class Method(models.TextChoices):
    FLAT = FLAT, _("Flat")
    DECLINING = DECLINING, _("Menurun (saldo pokok)")


class RatePeriod(models.TextChoices):
    """The period a rate is stated for, as the lender states it: "1,5 % per bulan" or "10 % per tahun"."""

    PER_MONTH = PER_MONTH, _("per bulan")
    PER_YEAR = PER_YEAR, _("per tahun")


# Stored as stated (4 decimals, so 0,8333 %/bulan or 10 %/tahun are both exact enough): the schedule divides an
# annual rate by 12 only when it computes each month's interest, never before (see treasury/schedule.py).
RATE_DECIMALS = 4
# Up to 10 % a month, or the same stated per year.
RATE_LIMITS = {PER_MONTH: 10, PER_YEAR: 120}
RATE_RANGE = Q(rate__gte=0) & (
    (Q(rate_period=PER_MONTH) & Q(rate__lte=RATE_LIMITS[PER_MONTH]))
    | (Q(rate_period=PER_YEAR) & Q(rate__lte=RATE_LIMITS[PER_YEAR]))
)


def rate_field():
    return models.DecimalField(_("bunga (%)"), max_digits=7, decimal_places=RATE_DECIMALS)


def rate_period_field():
    return models.CharField(_("bunga dinyatakan"), max_length=5, choices=RatePeriod.choices)


class StatedRateMixin:
    """Shared by a product and a loan (which copies its product's terms on the day it is made)."""

    def rate_text(self) -> str:
        """ "10 % per tahun" — the rate as the lender stated it."""
        return _("%(rate)s %% %(period)s") % {"rate": decimal_text(self.rate), "period": self.get_rate_period_display()}

    def stated_rate(self) -> str:
        """ "10 % per tahun, Menurun (saldo pokok)" — the rate as stated, then the method."""
        return f"{self.rate_text()}, {self.get_method_display()}"


class LoanProduct(StatedRateMixin, TimeStampedModel):
    province_code = ProvinceCodeField()
    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("organisasi"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("nama produk"), max_length=100)
    rate = rate_field()
    rate_period = rate_period_field()
    method = models.CharField(_("metode bunga"), max_length=10, choices=Method.choices)
    max_term_months = models.PositiveSmallIntegerField(_("jangka waktu maksimal (bulan)"))
    max_amount = models.BigIntegerField(_("plafon maksimal (Rp)"))
    admin_fee = models.BigIntegerField(_("biaya administrasi (Rp)"), default=0)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("produk pinjaman")
        verbose_name_plural = _("produk pinjaman")
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="treasury_product_unique_name"),
            models.CheckConstraint(condition=RATE_RANGE, name="treasury_product_rate_range"),
            models.CheckConstraint(condition=Q(max_term_months__gte=1), name="treasury_product_term_positive"),
            models.CheckConstraint(condition=Q(max_amount__gt=0), name="treasury_product_max_positive"),
            models.CheckConstraint(
                condition=Q(admin_fee__gte=0) & Q(admin_fee__lt=F("max_amount")), name="treasury_product_fee_range"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Loan(StatedRateMixin, AreaCodedModel, PublicIdModel):
    province_code = ProvinceCodeField()
    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("organisasi"), on_delete=models.PROTECT, related_name="+"
    )
    member = models.ForeignKey(Member, verbose_name=_("anggota"), on_delete=models.PROTECT, related_name="loans")
    product = models.ForeignKey(LoanProduct, verbose_name=_("produk"), on_delete=models.PROTECT, related_name="+")
    principal = models.BigIntegerField(_("pokok pinjaman (Rp)"))
    # The product's terms as they were on the day of the loan: later product changes do not touch old loans.
    rate = rate_field()
    rate_period = rate_period_field()
    method = models.CharField(_("metode bunga"), max_length=10, choices=Method.choices)
    term_months = models.PositiveSmallIntegerField(_("jangka waktu (bulan)"))
    admin_fee = models.BigIntegerField(_("biaya administrasi (Rp)"), default=0)
    disbursed_on = models.DateField(_("tanggal pencairan"))
    first_due_on = models.DateField(_("angsuran pertama"))
    purpose = models.CharField(_("keperluan"), max_length=200, blank=True)
    receivable = models.OneToOneField("ledger.Account", on_delete=models.PROTECT, related_name="+")
    transaction = models.OneToOneField("ledger.Transaction", on_delete=models.PROTECT, related_name="+")
    idempotency_key = models.CharField(max_length=100, editable=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = records_manager(person="member__person_id")

    class Meta:
        ordering = ["-disbursed_on", "-id"]
        verbose_name = _("pinjaman")
        verbose_name_plural = _("pinjaman")
        constraints = [
            models.UniqueConstraint(fields=["organization", "idempotency_key"], name="treasury_loan_unique_key"),
            models.CheckConstraint(condition=Q(principal__gt=0), name="treasury_loan_principal_positive"),
            models.CheckConstraint(condition=RATE_RANGE, name="treasury_loan_rate_range"),
            models.CheckConstraint(condition=Q(term_months__gte=1), name="treasury_loan_term_positive"),
            models.CheckConstraint(
                condition=Q(admin_fee__gte=0) & Q(admin_fee__lt=F("principal")), name="treasury_loan_fee_range"
            ),
            models.CheckConstraint(condition=Q(first_due_on__gt=F("disbursed_on")), name="treasury_loan_due_after"),
        ]

    def __str__(self) -> str:
        return f"{self.product} — {self.member.person.name}"

    def derive_area_code(self) -> str:
        return self.organization.area_code


class Installment(models.Model):
    province_code = ProvinceCodeField()
    loan = models.ForeignKey(Loan, on_delete=models.CASCADE, related_name="installments")
    number = models.PositiveSmallIntegerField(_("angsuran ke"))
    due_on = models.DateField(_("jatuh tempo"))
    principal_due = models.BigIntegerField(_("pokok"))
    interest_due = models.BigIntegerField(_("bunga"))
    principal_paid = models.BigIntegerField(_("pokok dibayar"), default=0)
    interest_paid = models.BigIntegerField(_("bunga dibayar"), default=0)

    class Meta:
        ordering = ["loan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["loan", "number"], name="treasury_installment_once"),
            models.CheckConstraint(
                condition=Q(principal_paid__gte=0) & Q(principal_paid__lte=F("principal_due")),
                name="treasury_installment_principal_paid_range",
            ),
            models.CheckConstraint(
                condition=Q(interest_paid__gte=0) & Q(interest_paid__lte=F("interest_due")),
                name="treasury_installment_interest_paid_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.loan} #{self.number}"

    @property
    def total_due(self) -> int:
        return self.principal_due + self.interest_due

    @property
    def remaining(self) -> int:
        return self.principal_due + self.interest_due - self.principal_paid - self.interest_paid


class Repayment(TimeStampedModel):
    province_code = ProvinceCodeField()
    loan = models.ForeignKey(Loan, on_delete=models.PROTECT, related_name="repayments")
    paid_on = models.DateField(_("tanggal bayar"))
    amount = models.BigIntegerField(_("jumlah (Rp)"))
    interest_part = models.BigIntegerField(_("untuk bunga"))
    principal_part = models.BigIntegerField(_("untuk pokok"))
    transaction = models.OneToOneField("ledger.Transaction", on_delete=models.PROTECT, related_name="+")
    idempotency_key = models.CharField(max_length=100, editable=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["paid_on", "id"]
        verbose_name = _("angsuran dibayar")
        verbose_name_plural = _("pembayaran angsuran")
        constraints = [
            models.UniqueConstraint(fields=["loan", "idempotency_key"], name="treasury_repayment_unique_key"),
            models.CheckConstraint(
                condition=Q(amount__gt=0) & Q(amount=F("interest_part") + F("principal_part")),
                name="treasury_repayment_parts_sum",
            ),
        ]


class MonthClose(TimeStampedModel):
    """The treasurer's sign-off of one month: cash counted in the box against the cash the book says.

    Months close in order; once closed, no entry may be dated inside the month (`services.closing`), so the
    statement read out at the members' meeting (the "laporan pertanggungjawaban") never changes afterwards.
    """

    province_code = ProvinceCodeField()

    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("organisasi"), on_delete=models.PROTECT, related_name="+"
    )
    month = models.DateField(_("bulan"), help_text=_("hari pertama bulan yang ditutup"))
    book_cash = models.BigIntegerField(_("kas menurut buku (Rp)"))
    counted_cash = models.BigIntegerField(_("kas dihitung (Rp)"))
    explanation = models.TextField(_("penjelasan selisih"), blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("ditutup oleh")
    )
    idempotency_key = models.CharField(max_length=100, editable=False)

    class Meta:
        ordering = ["organization", "-month"]
        verbose_name = _("tutup buku bulanan")
        verbose_name_plural = _("tutup buku bulanan")
        constraints = [
            models.UniqueConstraint(fields=["organization", "month"], name="treasury_month_close_once"),
            models.CheckConstraint(condition=Q(counted_cash__gte=0), name="treasury_month_close_counted_positive"),
            models.CheckConstraint(
                condition=Q(counted_cash=F("book_cash")) | ~Q(explanation=""),
                name="treasury_month_close_difference_explained",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.month:%m/%Y}"

    @property
    def difference(self) -> int:
        """Counted minus book: positive when the box holds more than the book says."""
        return self.counted_cash - self.book_cash


def _register_audit() -> None:
    from auditlog.registry import auditlog

    auditlog.register(Category)
    auditlog.register(CashEntry)
    auditlog.register(Member)
    auditlog.register(SavingsMovement)
    auditlog.register(LoanProduct)
    auditlog.register(Loan)
    auditlog.register(Installment)
    auditlog.register(Repayment)
    auditlog.register(MonthClose)


_register_audit()
