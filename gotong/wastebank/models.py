"""Bank sampah: members, a price list per kg that changes over time, weighed deposits, sales to collectors
(pengepul) and withdrawals in cash or goods. Every rupiah that moves is a transaction in the bank's ledger book
(`gotong.ledger`); these tables keep the kilograms and the receipts, the ledger keeps the money.

Weights are stored in whole grams (a scale reading of 2.35 kg is 2 350 g). A line's value is
grams × price per kg ÷ 1000, rounded to the nearest rupiah with halves rounded up (ROUND_HALF_UP), per line;
a deposit's value is the sum of its lines.

Every waste-bank record carries the bank's `area_code`: city officers and facilitators see banks in their areas,
the bank's staff see their own bank, a resident sees only their own member record and its deposits and withdrawals.
Who sees what is the access policy's `wastebank.view` grant, applied by the scoped querysets here; who records is
its `wastebank.record` (see `access.py`).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gotong.core.dates import month_year, short_date
from gotong.core.fields import AreaCodeField
from gotong.core.models import PublicIdModel, TimeStampedModel
from gotong.core.province_code import ProvinceCodeField
from gotong.core.scoping import ScopedQuerySet, ScopeHooks


class WasteBankQuerySet(ScopedQuerySet):
    """A bank's books: its staff (by membership role) and the area workers covering it (`wastebank.view`)."""

    scope_hooks = ScopeHooks(module="wastebank", organization="organization_id")


class BankScopedQuerySet(ScopedQuerySet):
    """Records of a bank (they carry the bank's `area_code`): visible exactly when their bank is."""

    scope_hooks = ScopeHooks(module="wastebank", organization="bank__organization_id")


class WasteBank(TimeStampedModel):
    """The waste-bank side of an organisation: its ledger book and its counters."""

    province_code = ProvinceCodeField()

    organization = models.OneToOneField(
        "organizations.Organization", verbose_name=_("organisasi"), on_delete=models.PROTECT, related_name="waste_bank"
    )
    book = models.OneToOneField("ledger.Book", verbose_name=_("buku kas"), on_delete=models.PROTECT, related_name="+")
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)
    next_member_number = models.PositiveIntegerField(default=1, editable=False)

    objects = WasteBankQuerySet.as_manager()

    class Meta:
        ordering = ["organization__name"]
        verbose_name = _("bank sampah")
        verbose_name_plural = _("bank sampah")

    def __str__(self) -> str:
        return self.organization.name

    def save(self, *args, **kwargs):
        self.area_code = self.organization.area_code
        super().save(*args, **kwargs)


class WasteCategory(TimeStampedModel):
    province_code = ProvinceCodeField()
    bank = models.ForeignKey(
        WasteBank, verbose_name=_("bank sampah"), on_delete=models.CASCADE, related_name="categories"
    )
    name = models.CharField(_("jenis sampah"), max_length=80)
    description = models.CharField(_("keterangan"), max_length=200, blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["bank", "sort_order", "name"]
        verbose_name = _("jenis sampah")
        verbose_name_plural = _("jenis sampah")
        constraints = [models.UniqueConstraint(fields=["bank", "name"], name="wastebank_category_unique_name")]

    def __str__(self) -> str:
        return self.name


class Price(TimeStampedModel):
    """What the bank pays members per kg from `valid_from` until the next price of the category."""

    province_code = ProvinceCodeField()

    category = models.ForeignKey(
        WasteCategory, verbose_name=_("jenis sampah"), on_delete=models.CASCADE, related_name="prices"
    )
    valid_from = models.DateField(_("berlaku mulai"))
    price_per_kg = models.PositiveIntegerField(_("harga per kg (Rp)"))
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["category", "-valid_from"]
        verbose_name = _("harga")
        verbose_name_plural = _("harga")
        constraints = [
            models.UniqueConstraint(fields=["category", "valid_from"], name="wastebank_price_unique_day"),
            models.CheckConstraint(condition=models.Q(price_per_kg__gt=0), name="wastebank_price_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.category}: {self.price_per_kg}/kg sejak {self.valid_from}"


class MemberQuerySet(ScopedQuerySet):
    """A bank's members; a resident's own is their own membership (not their household's)."""

    scope_hooks = ScopeHooks(module="wastebank", organization="bank__organization_id", person="person_id")


class Member(PublicIdModel):
    """A resident saving at the bank; their savings live in a ledger account of the bank's book."""

    province_code = ProvinceCodeField()

    bank = models.ForeignKey(WasteBank, verbose_name=_("bank sampah"), on_delete=models.PROTECT, related_name="members")
    person = models.ForeignKey(
        "registry.Person", verbose_name=_("penduduk"), on_delete=models.PROTECT, related_name="waste_bank_memberships"
    )
    number = models.CharField(_("nomor anggota"), max_length=20)
    joined_on = models.DateField(_("tanggal bergabung"))
    account = models.OneToOneField(
        "ledger.Account",
        verbose_name=_("rekening tabungan"),
        on_delete=models.PROTECT,
        related_name="waste_bank_member",
    )
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)
    is_active = models.BooleanField(_("aktif"), default=True)

    objects = MemberQuerySet.as_manager()

    class Meta:
        ordering = ["bank", "number"]
        verbose_name = _("anggota bank sampah")
        verbose_name_plural = _("anggota bank sampah")
        constraints = [
            models.UniqueConstraint(fields=["bank", "person"], name="wastebank_member_once"),
            models.UniqueConstraint(fields=["bank", "number"], name="wastebank_member_unique_number"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.person.name}"

    def save(self, *args, **kwargs):
        self.area_code = self.bank.area_code
        super().save(*args, **kwargs)


class BankRecord(PublicIdModel):
    """Fields every money movement shares: the bank, the day, the ledger transaction and the request key."""

    bank = models.ForeignKey(WasteBank, verbose_name=_("bank sampah"), on_delete=models.PROTECT, related_name="+")
    occurred_on = models.DateField(_("tanggal"))
    transaction = models.OneToOneField("ledger.Transaction", on_delete=models.PROTECT, related_name="+", editable=False)
    request_key = models.CharField(max_length=100, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dicatat oleh"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)
    # Corrections are reversals in the ledger; the record stays, marked with the reversing transaction.
    cancellation = models.OneToOneField(
        "ledger.Transaction", null=True, blank=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    cancel_reason = models.CharField(_("alasan pembatalan"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {short_date(self.occurred_on)}"

    @property
    def is_cancelled(self) -> bool:
        return self.cancellation_id is not None

    def save(self, *args, **kwargs):
        self.area_code = self.bank.area_code
        super().save(*args, **kwargs)


class OwnRecordsQuerySet(ScopedQuerySet):
    """Deposits and withdrawals: the bank's, and a resident's own through their membership."""

    scope_hooks = ScopeHooks(module="wastebank", organization="bank__organization_id", person="member__person_id")


class Deposit(BankRecord):
    province_code = ProvinceCodeField()
    member = models.ForeignKey(Member, verbose_name=_("anggota"), on_delete=models.PROTECT, related_name="deposits")
    total_grams = models.PositiveBigIntegerField(_("berat total (g)"))
    total_value = models.PositiveBigIntegerField(_("nilai (Rp)"))

    objects = OwnRecordsQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_on", "-id"]
        verbose_name = _("setoran sampah")
        verbose_name_plural = _("setoran sampah")
        constraints = [models.UniqueConstraint(fields=["bank", "request_key"], name="wastebank_deposit_key")]
        # What a tally refresh reads of one bank (and month), from the index alone on PostgreSQL.
        indexes = [
            models.Index(
                fields=["bank", "occurred_on"],
                include=["member", "total_grams", "id"],
                condition=models.Q(cancellation__isnull=True),
                name="wastebank_deposit_tally_idx",
            )
        ]


class WeighedLine(models.Model):
    category = models.ForeignKey(
        WasteCategory, verbose_name=_("jenis sampah"), on_delete=models.PROTECT, related_name="+"
    )
    grams = models.PositiveIntegerField(_("berat (g)"))
    price_per_kg = models.PositiveIntegerField(_("harga per kg (Rp)"))
    value = models.PositiveBigIntegerField(_("nilai (Rp)"))

    class Meta:
        abstract = True

    @property
    def kg(self):
        from decimal import Decimal

        return Decimal(self.grams) / 1000


class DepositLine(WeighedLine):
    province_code = ProvinceCodeField()
    deposit = models.ForeignKey(Deposit, on_delete=models.CASCADE, related_name="lines")

    class Meta:
        ordering = ["deposit", "id"]
        constraints = [models.CheckConstraint(condition=models.Q(grams__gt=0), name="wastebank_deposit_line_grams")]

    def __str__(self) -> str:
        return f"{self.category}: {self.grams} g"


class Sale(BankRecord):
    """Waste sold to a collector (pengepul); the cash comes into the bank's till."""

    province_code = ProvinceCodeField()

    buyer = models.CharField(_("pembeli (pengepul)"), max_length=150)
    total_grams = models.PositiveBigIntegerField(_("berat total (g)"))
    total_value = models.PositiveBigIntegerField(_("nilai (Rp)"))

    objects = BankScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_on", "-id"]
        verbose_name = _("penjualan sampah")
        verbose_name_plural = _("penjualan sampah")
        constraints = [models.UniqueConstraint(fields=["bank", "request_key"], name="wastebank_sale_key")]


class SaleLine(WeighedLine):
    province_code = ProvinceCodeField()
    sale = models.ForeignKey(Sale, on_delete=models.CASCADE, related_name="lines")

    class Meta:
        ordering = ["sale", "id"]
        constraints = [models.CheckConstraint(condition=models.Q(grams__gt=0), name="wastebank_sale_line_grams")]

    def __str__(self) -> str:
        return f"{self.category}: {self.grams} g"


class WithdrawalKind(models.TextChoices):
    CASH = "cash", _("Tunai")
    GOODS = "goods", _("Barang (sembako)")


class Withdrawal(BankRecord):
    province_code = ProvinceCodeField()
    member = models.ForeignKey(Member, verbose_name=_("anggota"), on_delete=models.PROTECT, related_name="withdrawals")
    kind = models.CharField(_("bentuk"), max_length=10, choices=WithdrawalKind.choices, default=WithdrawalKind.CASH)
    amount = models.PositiveBigIntegerField(_("jumlah (Rp)"))
    goods = models.CharField(_("barang yang diberikan"), max_length=200, blank=True)

    objects = OwnRecordsQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_on", "-id"]
        verbose_name = _("penarikan tabungan")
        verbose_name_plural = _("penarikan tabungan")
        constraints = [
            models.UniqueConstraint(fields=["bank", "request_key"], name="wastebank_withdrawal_key"),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="wastebank_withdrawal_positive"),
            models.CheckConstraint(
                condition=~models.Q(kind="goods") | ~models.Q(goods=""), name="wastebank_goods_described"
            ),
        ]


class CashIn(BankRecord):
    """Money put into the bank's till that is not a sale: start-up capital, a grant, a donation."""

    province_code = ProvinceCodeField()

    source = models.CharField(_("sumber dana"), max_length=150)
    amount = models.PositiveBigIntegerField(_("jumlah (Rp)"))

    objects = BankScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_on", "-id"]
        verbose_name = _("kas masuk")
        verbose_name_plural = _("kas masuk")
        constraints = [
            models.UniqueConstraint(fields=["bank", "request_key"], name="wastebank_cashin_key"),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="wastebank_cashin_positive"),
        ]


class TallyBase(models.Model):
    """Pre-aggregated deposits of a bank (see `gotong.wastebank.tallies`): recomputed from the live rows inside
    every write's transaction, never incremented, so they equal the live counts exactly."""

    bank = models.ForeignKey(WasteBank, verbose_name=_("bank sampah"), on_delete=models.CASCADE, related_name="+")
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)

    objects = BankScopedQuerySet.as_manager()

    class Meta:
        abstract = True


class BankTally(TallyBase):
    """All-time figures of one bank's non-cancelled deposits; also the row a refresh locks for the bank."""

    province_code = ProvinceCodeField()

    deposits = models.PositiveIntegerField(_("jumlah setoran"), default=0)
    grams = models.PositiveBigIntegerField(_("berat total (g)"), default=0)
    # Distinct members do not add up over months: counted per bank.
    depositors = models.PositiveIntegerField(_("jumlah penyetor"), default=0)

    class Meta:
        verbose_name = _("rekap bank sampah")
        verbose_name_plural = _("rekap bank sampah")
        constraints = [models.UniqueConstraint(fields=["bank"], name="wastebank_tally_unique_bank")]

    def __str__(self) -> str:
        return f"{self.bank_id}"


class BankMonthTally(TallyBase):
    province_code = ProvinceCodeField()
    month = models.DateField(_("bulan"))  # the first day of occurred_on's month
    deposits = models.PositiveIntegerField(_("jumlah setoran"), default=0)
    grams = models.PositiveBigIntegerField(_("berat total (g)"), default=0)

    class Meta:
        verbose_name = _("rekap bulanan bank sampah")
        verbose_name_plural = _("rekap bulanan bank sampah")
        constraints = [models.UniqueConstraint(fields=["bank", "month"], name="wastebank_month_tally_unique")]

    def __str__(self) -> str:
        return f"{self.bank_id} {month_year(self.month)}"


class CategoryMonthTally(TallyBase):
    """Grams per category and month; keyed by the category, its name is read through the join."""

    province_code = ProvinceCodeField()

    category = models.ForeignKey(
        WasteCategory, verbose_name=_("jenis sampah"), on_delete=models.CASCADE, related_name="+"
    )
    month = models.DateField(_("bulan"))
    grams = models.PositiveBigIntegerField(_("berat (g)"), default=0)

    class Meta:
        verbose_name = _("rekap bulanan jenis sampah")
        verbose_name_plural = _("rekap bulanan jenis sampah")
        constraints = [
            models.UniqueConstraint(fields=["bank", "category", "month"], name="wastebank_category_tally_unique")
        ]

    def __str__(self) -> str:
        return f"{self.bank_id} {self.category_id} {month_year(self.month)}"


class CategoryYearTally(TallyBase):
    """Grams per category and year, with the category's name copied in: an area's year is one GROUP BY name
    over these rows, without naming (joining) a province's tens of thousands of categories. Recomputed from the
    bank's `CategoryMonthTally` rows of the year in the same transaction; a rename rewrites the name
    (`gotong.wastebank.tallies`)."""

    province_code = ProvinceCodeField()

    category = models.ForeignKey(
        WasteCategory, verbose_name=_("jenis sampah"), on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    name = models.CharField(_("nama jenis sampah"), max_length=80)
    grams = models.PositiveBigIntegerField(_("berat (g)"), default=0)

    class Meta:
        verbose_name = _("rekap tahunan jenis sampah")
        verbose_name_plural = _("rekap tahunan jenis sampah")
        constraints = [
            models.UniqueConstraint(fields=["bank", "category", "year"], name="wastebank_category_year_unique")
        ]
        # (year, area code): one year of a province is one range of the index (codes compare bytewise,
        # `AreaCodeField`), and the name and grams it carries answer the dashboard from the index alone.
        indexes = [
            models.Index(fields=["year", "area_code"], include=["name", "grams"], name="wastebank_category_year_area")
        ]

    def __str__(self) -> str:
        return f"{self.bank_id} {self.category_id} {self.year}"


def _register_audit() -> None:
    from auditlog.registry import auditlog

    auditlog.register(WasteBank, exclude_fields=["next_member_number", "updated_at"])
    auditlog.register(WasteCategory)
    auditlog.register(Price)
    auditlog.register(Member)
    auditlog.register(Deposit)
    auditlog.register(Sale)
    auditlog.register(Withdrawal)
    auditlog.register(CashIn)


_register_audit()
