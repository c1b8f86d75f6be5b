"""The work on a case: needs assessments, visit plans and visits, assistance given and referrals."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gotong.core.dates import short_date
from gotong.core.models import AreaCodedModel, PublicIdModel, TimeStampedModel
from gotong.core.province_code import ProvinceCodeField
from gotong.core.scoping import ScopedQuerySet, ScopeHooks


class CaseRecordQuerySet(ScopedQuerySet):
    """What is recorded on a case is seen with the case (`casework.view`): its area, its organisation, its team."""

    scope_hooks = ScopeHooks(module="casework", area="area_code", organization="case__organization_id", team="case")


class CaseWorkQuerySet(ScopedQuerySet):
    """Assessments and plans carry no area code of their own: the case's is read through the join."""

    scope_hooks = ScopeHooks(
        module="casework", area="case__area_code", organization="case__organization_id", team="case"
    )


class CaseRecord(AreaCodedModel):
    """Large per-case tables carry the case's area code too, so they can be scoped and partitioned alone."""

    objects = CaseRecordQuerySet.as_manager()

    class Meta:
        abstract = True

    def derive_area_code(self) -> str:
        return self.case.area_code


class NeedDomain(models.TextChoices):
    """The rights a PSM works from (seed 003): education, health, housing, food, livelihood, civil documents."""

    EDUCATION = "education", _("Pendidikan")
    HEALTH = "health", _("Kesehatan")
    HOUSING = "housing", _("Perumahan")
    FOOD = "food", _("Pangan")
    LIVELIHOOD = "livelihood", _("Penghidupan / pekerjaan")
    DOCUMENTS = "documents", _("Dokumen kependudukan (KTP/KK)")


class Rating(models.IntegerChoices):
    """How far a right is met. Lower is better, so a falling number over time is progress."""

    MET = 1, _("1 · Terpenuhi")
    MOSTLY = 2, _("2 · Sebagian besar terpenuhi")
    LACKING = 3, _("3 · Kurang")
    SEVERE = 4, _("4 · Sangat kurang")


class NeedsAssessment(TimeStampedModel):
    province_code = ProvinceCodeField()
    case = models.ForeignKey(
        "casework.Case", verbose_name=_("kasus"), on_delete=models.CASCADE, related_name="assessments"
    )
    assessed_on = models.DateField(_("tanggal asesmen"))
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dinilai oleh"), on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(_("catatan umum"), blank=True)

    objects = CaseWorkQuerySet.as_manager()

    class Meta:
        ordering = ["assessed_on", "pk"]
        verbose_name = _("asesmen kebutuhan")
        verbose_name_plural = _("asesmen kebutuhan")

    def __str__(self) -> str:
        return f"{self.case} · {short_date(self.assessed_on)}"


class NeedRating(models.Model):
    province_code = ProvinceCodeField()
    assessment = models.ForeignKey(NeedsAssessment, on_delete=models.CASCADE, related_name="ratings")
    domain = models.CharField(_("bidang"), max_length=20, choices=NeedDomain.choices)
    rating = models.PositiveSmallIntegerField(_("nilai"), choices=Rating.choices)
    note = models.TextField(_("catatan"), blank=True)

    class Meta:
        ordering = ["assessment", "domain"]
        verbose_name = _("nilai kebutuhan")
        verbose_name_plural = _("nilai kebutuhan")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "domain"], name="casework_one_rating_per_domain"),
            models.CheckConstraint(condition=models.Q(rating__range=(1, 4)), name="casework_rating_1_to_4"),
        ]

    def __str__(self) -> str:
        return f"{self.get_domain_display()}: {self.rating}"


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Mingguan")
    MONTHLY = "monthly", _("Bulanan (tanggal yang sama)")
    EVERY_N_DAYS = "every_n_days", _("Setiap N hari")


class VisitPlan(TimeStampedModel):
    province_code = ProvinceCodeField()
    case = models.ForeignKey("casework.Case", verbose_name=_("kasus"), on_delete=models.CASCADE, related_name="plans")
    frequency = models.CharField(_("frekuensi"), max_length=20, choices=Frequency.choices)
    interval_days = models.PositiveSmallIntegerField(_("setiap berapa hari"), null=True, blank=True)
    start_on = models.DateField(_("kunjungan pertama"))
    end_on = models.DateField(_("berakhir"), null=True, blank=True, help_text=_("Mis. akhir masa pengobatan."))
    is_active = models.BooleanField(_("berlaku"), default=True)
    # Set when a new plan replaces this one or the case closes: no visit is owed after it.
    stopped_on = models.DateField(_("dihentikan"), null=True, blank=True, editable=False)

    objects = CaseWorkQuerySet.as_manager()

    class Meta:
        ordering = ["-is_active", "-start_on"]
        verbose_name = _("rencana kunjungan")
        verbose_name_plural = _("rencana kunjungan")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_on__isnull=True) | models.Q(end_on__gte=models.F("start_on")),
                name="casework_plan_end_after_start",
            ),
            models.CheckConstraint(
                condition=~models.Q(frequency="every_n_days") | models.Q(interval_days__gte=1, interval_days__lte=366),
                name="casework_plan_interval_when_every_n_days",
            ),
            # A case follows one plan at a time; a new plan retires the old one.
            models.UniqueConstraint(
                fields=["case"], condition=models.Q(is_active=True), name="casework_one_active_plan"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_frequency_display()} {short_date(self.start_on)}"

    @property
    def last_day(self):
        """The last day visits are owed under this plan, or None while it runs open-ended."""
        return plan_last_day(self.end_on, self.stopped_on)


def plan_last_day(end_on, stopped_on):
    """The earlier of a plan's planned end and the day it was stopped, or None while it runs open-ended."""
    days = [d for d in (end_on, stopped_on) if d]
    return min(days) if days else None


class SingleVisit(TimeStampedModel):
    """One home visit planned on a date, apart from (or without) a recurring plan: it shows in the worker's agenda
    on that day and is overdue after it until a visit is logged (rules in `recurrence.single_statuses`)."""

    province_code = ProvinceCodeField()

    case = models.ForeignKey(
        "casework.Case", verbose_name=_("kasus"), on_delete=models.CASCADE, related_name="single_visits"
    )
    planned_on = models.DateField(_("tanggal kunjungan"))
    purpose = models.CharField(_("keperluan"), max_length=200, blank=True)
    planned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("direncanakan oleh"), on_delete=models.PROTECT, related_name="+"
    )

    objects = CaseWorkQuerySet.as_manager()

    class Meta:
        ordering = ["planned_on", "pk"]
        verbose_name = _("kunjungan sekali")
        verbose_name_plural = _("kunjungan sekali")
        constraints = [models.UniqueConstraint(fields=["case", "planned_on"], name="casework_one_single_visit_per_day")]

    def __str__(self) -> str:
        return f"{self.case} · {self.planned_on:%d-%m-%Y}"


class Adherence(models.TextChoices):
    YES = "yes", _("Ya, minum obat sesuai resep")
    PARTLY = "partly", _("Sebagian (ada dosis terlewat)")
    NO = "no", _("Tidak minum obat")


class Visit(PublicIdModel, CaseRecord):
    province_code = ProvinceCodeField()
    case = models.ForeignKey("casework.Case", verbose_name=_("kasus"), on_delete=models.PROTECT, related_name="visits")
    visited_on = models.DateField(_("tanggal kunjungan"))
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("pendamping"), on_delete=models.PROTECT, related_name="+"
    )
    met_with = models.CharField(_("bertemu dengan"), max_length=150)
    # Health data (condition, adherence): team only, masked in the audit trail.
    condition = models.TextField(_("kondisi"), blank=True)
    adherence = models.CharField(_("kepatuhan minum obat"), max_length=10, choices=Adherence.choices, blank=True)
    issues = models.TextField(_("masalah"), blank=True)
    next_step = models.TextField(_("langkah berikutnya"), blank=True)

    class Meta:
        ordering = ["-visited_on", "-pk"]
        verbose_name = _("kunjungan")
        verbose_name_plural = _("kunjungan")
        indexes = [models.Index(fields=["case", "visited_on"])]
        # One log per worker, case and day: a phone that resends the form does not double the visit count.
        constraints = [
            models.UniqueConstraint(fields=["case", "worker", "visited_on"], name="casework_one_visit_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.case.subject_name} · {short_date(self.visited_on)}"


class AssistanceKind(models.TextChoices):
    NUTRITION = "nutrition", _("Paket nutrisi")
    TRANSPORT = "transport", _("Uang transport (enabler)")
    CASH = "cash", _("Bantuan uang")
    GOODS = "goods", _("Barang")
    OTHER = "other", _("Lainnya")


MONEY_KINDS = {AssistanceKind.TRANSPORT, AssistanceKind.CASH}


class AssistanceSource(models.TextChoices):
    PROGRAM = "program", _("Program pemerintah")
    ORGANIZATION = "organization", _("Kas lembaga pendamping")
    PARTNER = "partner", _("Mitra / donatur")
    HEALTH_FACILITY = "health_facility", _("Fasilitas kesehatan")
    OTHER = "other", _("Lainnya")


class Assistance(PublicIdModel, CaseRecord):
    province_code = ProvinceCodeField()
    case = models.ForeignKey(
        "casework.Case", verbose_name=_("kasus"), on_delete=models.PROTECT, related_name="assistance"
    )
    given_on = models.DateField(_("tanggal diberikan"))
    kind = models.CharField(_("jenis bantuan"), max_length=20, choices=AssistanceKind.choices)
    description = models.CharField(_("uraian"), max_length=255, blank=True)
    value = models.BigIntegerField(_("nilai (Rp)"))
    source = models.CharField(_("sumber"), max_length=20, choices=AssistanceSource.choices)
    source_name = models.CharField(_("nama sumber"), max_length=150, blank=True)
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("diberikan oleh"), on_delete=models.PROTECT, related_name="+"
    )
    # Money paid out of the organisation's cash is booked in its ledger; this is that posting.
    ledger_transaction = models.OneToOneField(
        "ledger.Transaction", null=True, blank=True, on_delete=models.PROTECT, related_name="+", editable=False
    )

    class Meta:
        ordering = ["-given_on", "-pk"]
        verbose_name = _("bantuan")
        verbose_name_plural = _("bantuan")
        constraints = [
            models.CheckConstraint(condition=models.Q(value__gt=0), name="casework_assistance_value_positive")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {short_date(self.given_on)}"

    @property
    def is_money(self) -> bool:
        return self.kind in MONEY_KINDS


class ServiceKind(models.TextChoices):
    PUSKESMAS = "puskesmas", _("Puskesmas")
    HOSPITAL = "hospital", _("Rumah sakit")
    DINSOS = "dinsos", _("Dinas Sosial")
    DUKCAPIL = "dukcapil", _("Disdukcapil (KTP/KK)")
    SCHOOL = "school", _("Sekolah")
    LEGAL_AID = "legal_aid", _("Bantuan hukum")
    OTHER = "other", _("Lainnya")


class ReferralStatus(models.TextChoices):
    REFERRED = "referred", _("Dirujuk")
    ACCEPTED = "accepted", _("Diterima")
    COMPLETED = "completed", _("Selesai")
    REJECTED = "rejected", _("Ditolak")


class Referral(PublicIdModel, CaseRecord):
    province_code = ProvinceCodeField()
    case = models.ForeignKey(
        "casework.Case", verbose_name=_("kasus"), on_delete=models.PROTECT, related_name="referrals"
    )
    service = models.CharField(_("layanan"), max_length=20, choices=ServiceKind.choices)
    service_name = models.CharField(_("nama layanan / instansi"), max_length=150)
    reason = models.TextField(_("alasan rujukan"))
    referred_on = models.DateField(_("tanggal dirujuk"))
    status = models.CharField(
        _("status"), max_length=20, choices=ReferralStatus.choices, default=ReferralStatus.REFERRED
    )
    status_on = models.DateField(_("tanggal status"))
    outcome = models.TextField(_("hasil / tindak lanjut"), blank=True)
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dirujuk oleh"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-referred_on", "-pk"]
        verbose_name = _("rujukan")
        verbose_name_plural = _("rujukan")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status_on__gte=models.F("referred_on")),
                name="casework_referral_status_after_referred",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_service_display()} · {self.service_name}"

    @property
    def is_open(self) -> bool:
        return self.status in (ReferralStatus.REFERRED, ReferralStatus.ACCEPTED)
