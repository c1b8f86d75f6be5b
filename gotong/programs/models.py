"""Empowerment programs (skills, literacy, scholarships & tutoring, health counselling, entrepreneurship):
cohorts, sessions, enrolment of registry persons, attendance, and outcomes (income in whole rupiah a month).
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gotong.areas.models import Area
from gotong.core.dates import short_date
from gotong.core.models import AreaCodedModel, PublicIdModel, TimeStampedModel
from gotong.core.province_code import ProvinceCodeField, ProvinceLink
from gotong.core.scoping import ScopedQuerySet, ScopeHooks


class ProgramQuerySet(ScopedQuerySet):
    """Programs, seen through `programs.view`: area workers by area, organisation officers by the area their
    organisation serves, and the running organisation's officers wherever the program is."""

    scope_hooks = ScopeHooks(module="programs", area="area_code", organization="organization_id")


class CohortQuerySet(ScopedQuerySet):
    """Cohorts, their sessions and enrolments: visible with their program (same area, same organisation)."""

    scope_hooks = ScopeHooks(module="programs", area="area_code", organization="program__organization_id")


class SessionQuerySet(ScopedQuerySet):
    scope_hooks = ScopeHooks(module="programs", area="area_code", organization="cohort__program__organization_id")


class EnrolmentQuerySet(ScopedQuerySet):
    scope_hooks = ScopeHooks(module="programs", area="area_code", organization="cohort__program__organization_id")


class ProgramKind(models.TextChoices):
    SKILLS = "keterampilan", _("Pelatihan keterampilan")
    LITERACY = "literasi", _("Pemberantasan buta aksara / literasi")
    TUTORING = "beasiswa_bimbel", _("Beasiswa & bimbingan belajar")
    HEALTH = "penyuluhan_kesehatan", _("Penyuluhan kesehatan")
    ENTREPRENEURSHIP = "kewirausahaan", _("Pelatihan kewirausahaan")


class Program(TimeStampedModel, AreaCodedModel):
    province_code = ProvinceCodeField()
    name = models.CharField(_("nama program"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=30, choices=ProgramKind.choices)
    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("penyelenggara"), on_delete=models.PROTECT,
        related_name="programs",
    )  # fmt: skip
    area = models.ForeignKey(Area, verbose_name=_("wilayah sasaran"), on_delete=models.PROTECT, related_name="+")
    description = models.TextField(_("keterangan"), blank=True)
    # Organisations that run the program with the organiser (a bank's trainer, a puskesmas, a BKM hosting it):
    # each is a tie in the actors' network (socialcapital.network).
    partners = models.ManyToManyField(
        "organizations.Organization",
        verbose_name=_("mitra program"),
        blank=True,
        related_name="partner_programs",
        through="ProgramPartner",
    )

    objects = ProgramQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("program pemberdayaan")
        verbose_name_plural = _("program pemberdayaan")
        constraints = [models.UniqueConstraint(fields=["name", "organization"], name="program_name_per_organization")]

    def __str__(self) -> str:
        return self.name


class ProgramPartner(ProvinceLink):
    """One partner organisation of a program: the `partners` link table, carrying the program's province (Citus)."""

    province_code = ProvinceCodeField()
    program = models.ForeignKey(Program, verbose_name=_("program"), on_delete=models.CASCADE, related_name="+")
    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("organisasi"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        db_table = "programs_program_partners"  # the table Django made; a model since migration 0007
        unique_together = [("program", "organization")]
        verbose_name = _("mitra program")
        verbose_name_plural = _("mitra program")


class Cohort(PublicIdModel, AreaCodedModel):
    province_code = ProvinceCodeField()
    program = models.ForeignKey(Program, verbose_name=_("program"), on_delete=models.CASCADE, related_name="cohorts")
    name = models.CharField(_("nama angkatan"), max_length=120)
    starts_on = models.DateField(_("mulai"))
    ends_on = models.DateField(_("selesai"))
    capacity = models.PositiveIntegerField(_("kuota peserta"), null=True, blank=True)

    objects = CohortQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("angkatan")
        verbose_name_plural = _("angkatan")
        constraints = [
            models.UniqueConstraint(fields=["program", "name"], name="cohort_name_per_program"),
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="cohort_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.program} — {self.name}"

    def derive_area_code(self) -> str:
        return self.program.area_code


class Session(TimeStampedModel, AreaCodedModel):
    province_code = ProvinceCodeField()
    cohort = models.ForeignKey(Cohort, verbose_name=_("angkatan"), on_delete=models.CASCADE, related_name="sessions")
    held_on = models.DateField(_("tanggal"))
    topic = models.CharField(_("materi"), max_length=200)
    hours = models.DecimalField(_("lama (jam)"), max_digits=4, decimal_places=1, default=2)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["held_on", "pk"]
        verbose_name = _("pertemuan")
        verbose_name_plural = _("pertemuan")
        constraints = [models.CheckConstraint(condition=Q(hours__gt=0, hours__lte=24), name="session_hours_in_a_day")]

    def __str__(self) -> str:
        return f"{short_date(self.held_on)} {self.topic}"

    def derive_area_code(self) -> str:
        return self.cohort.area_code


class EnrolmentStatus(models.TextChoices):
    ACTIVE = "aktif", _("Sedang mengikuti")
    COMPLETED = "lulus", _("Selesai")
    DROPPED = "keluar", _("Berhenti")


class Enrolment(PublicIdModel, AreaCodedModel):
    province_code = ProvinceCodeField()
    cohort = models.ForeignKey(Cohort, verbose_name=_("angkatan"), on_delete=models.CASCADE, related_name="enrolments")
    person = models.ForeignKey(
        "registry.Person", verbose_name=_("peserta"), on_delete=models.PROTECT, related_name="program_enrolments"
    )
    enrolled_on = models.DateField(_("tanggal daftar"))
    status = models.CharField(_("status"), max_length=10, choices=EnrolmentStatus.choices, default="aktif")
    certified = models.BooleanField(_("bersertifikat"), default=False)
    started_business = models.BooleanField(_("memulai usaha"), default=False)
    income_before = models.BigIntegerField(_("pendapatan sebelum (Rp/bulan)"), null=True, blank=True)
    income_after = models.BigIntegerField(_("pendapatan sesudah (Rp/bulan)"), null=True, blank=True)
    outcome_note = models.TextField(_("catatan hasil"), blank=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        ordering = ["cohort", "person__name"]
        verbose_name = _("peserta program")
        verbose_name_plural = _("peserta program")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "person"], name="enrolment_once_per_cohort"),
            models.CheckConstraint(
                condition=(Q(income_before__isnull=True) | Q(income_before__gte=0))
                & (Q(income_after__isnull=True) | Q(income_after__gte=0)),
                name="enrolment_income_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(certified=False) | Q(status="lulus"), name="enrolment_certified_only_when_completed"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.cohort}"

    def derive_area_code(self) -> str:
        return self.cohort.area_code

    @property
    def income_change(self) -> int | None:
        if self.income_before is None or self.income_after is None:
            return None
        return self.income_after - self.income_before


class SessionAttendance(TimeStampedModel):
    province_code = ProvinceCodeField()
    session = models.ForeignKey(
        Session, verbose_name=_("pertemuan"), on_delete=models.CASCADE, related_name="attendance"
    )
    enrolment = models.ForeignKey(
        Enrolment, verbose_name=_("peserta"), on_delete=models.CASCADE, related_name="attendance"
    )

    class Meta:
        verbose_name = _("kehadiran pertemuan")
        verbose_name_plural = _("kehadiran pertemuan")
        constraints = [models.UniqueConstraint(fields=["session", "enrolment"], name="session_attendance_once")]


def _register_audit() -> None:
    from auditlog.registry import auditlog

    auditlog.register(Program)
    auditlog.register(Cohort)
    auditlog.register(Session)
    # Income is personal financial data: the audit trail records that it changed, not the figures.
    auditlog.register(Enrolment, mask_fields=["income_before", "income_after"])
    auditlog.register(SessionAttendance)


_register_audit()
