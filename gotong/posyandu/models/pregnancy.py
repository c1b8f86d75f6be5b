"""Pregnant women a posyandu follows (ibu hamil) and their antenatal visits (ANC contacts).

Health data, scoped like children and weighings: the posyandu's officers see their posyandu's, city officers and
facilitators those of posyandu in their work areas, the woman's own household its own; partners nothing.
Dates (due date, gestational age, trimester) are derived by `gotong.posyandu.pregnancy.rules`, never typed.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gotong.core.dates import short_date
from gotong.core.fields import AreaCodeField
from gotong.core.models import PublicIdModel, TimeStampedModel
from gotong.core.province_code import ProvinceCodeField
from gotong.core.scoping import ScopedQuerySet, ScopeHooks


class Outcome(models.TextChoices):
    ONGOING = "", _("Masih hamil")
    LIVE_BIRTH = "live_birth", _("Lahir hidup")
    STILLBIRTH = "stillbirth", _("Lahir mati")
    MISCARRIAGE = "miscarriage", _("Keguguran")
    MOVED = "moved", _("Pindah/keluar dari posyandu")
    MATERNAL_DEATH = "maternal_death", _("Ibu meninggal")


class VisitPlace(models.TextChoices):
    POSYANDU = "posyandu", _("Posyandu")
    PUSKESMAS = "puskesmas", _("Puskesmas/pustu")
    MIDWIFE = "bidan", _("Praktik bidan")
    DOCTOR = "dokter", _("Dokter/klinik")
    HOSPITAL = "rumah_sakit", _("Rumah sakit")
    HOME = "rumah", _("Kunjungan rumah")


class PregnancyQuerySet(ScopedQuerySet):
    scope_hooks = ScopeHooks(
        module="posyandu", organization="posyandu_id", person="person_id", household="person__household_id"
    )

    def ongoing(self) -> "PregnancyQuerySet":
        return self.filter(outcome=Outcome.ONGOING)


class Pregnancy(PublicIdModel):
    province_code = ProvinceCodeField()
    posyandu = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("posyandu"),
        on_delete=models.PROTECT,
        related_name="posyandu_pregnancies",
        limit_choices_to={"kind": "posyandu"},
    )
    person = models.ForeignKey(
        "registry.Person", verbose_name=_("ibu hamil"), on_delete=models.PROTECT, related_name="pregnancies"
    )
    lmp = models.DateField(_("HPHT (hari pertama haid terakhir)"))
    registered_on = models.DateField(_("terdaftar sejak"))
    gravida = models.PositiveSmallIntegerField(_("kehamilan ke- (G)"), null=True, blank=True)
    para = models.PositiveSmallIntegerField(_("jumlah persalinan (P)"), null=True, blank=True)
    abortus = models.PositiveSmallIntegerField(_("jumlah keguguran (A)"), null=True, blank=True)
    last_birth_on = models.DateField(_("tanggal persalinan terakhir"), null=True, blank=True)
    outcome = models.CharField(_("hasil kehamilan"), max_length=20, choices=Outcome.choices, blank=True)
    ended_on = models.DateField(_("tanggal berakhir"), null=True, blank=True)
    child = models.OneToOneField(
        "posyandu.Child",
        verbose_name=_("bayi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pregnancy",
    )
    notes = models.TextField(_("catatan"), blank=True)
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)

    objects = PregnancyQuerySet.as_manager()

    class Meta:
        ordering = ["lmp"]
        verbose_name = _("ibu hamil")
        verbose_name_plural = _("ibu hamil")
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=models.Q(outcome=""), name="posyandu_one_ongoing_pregnancy"
            ),
            models.CheckConstraint(
                condition=models.Q(registered_on__gte=models.F("lmp")), name="posyandu_pregnancy_registered_after_lmp"
            ),
            models.CheckConstraint(
                condition=(models.Q(outcome="") & models.Q(ended_on__isnull=True))
                | (~models.Q(outcome="") & models.Q(ended_on__isnull=False)),
                name="posyandu_pregnancy_ended_with_outcome",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=models.F("lmp")),
                name="posyandu_pregnancy_ends_after_lmp",
            ),
            models.CheckConstraint(
                condition=models.Q(gravida__isnull=True) | models.Q(gravida__gte=1),
                name="posyandu_pregnancy_gravida_positive",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person.name} (HPHT {short_date(self.lmp)})"

    def save(self, *args, **kwargs):
        self.area_code = self.posyandu.area_code
        super().save(*args, **kwargs)

    @property
    def is_ongoing(self) -> bool:
        return self.outcome == Outcome.ONGOING

    @property
    def due_date(self):
        from gotong.posyandu.pregnancy.rules import due_date

        return due_date(self.lmp)


class AncVisitQuerySet(ScopedQuerySet):
    scope_hooks = ScopeHooks(
        module="posyandu",
        organization="pregnancy__posyandu_id",
        person="pregnancy__person_id",
        household="pregnancy__person__household_id",
    )


class AncVisit(TimeStampedModel):
    """One antenatal contact (K1, K2, …): what was measured and given."""

    province_code = ProvinceCodeField()

    pregnancy = models.ForeignKey(
        Pregnancy, verbose_name=_("kehamilan"), on_delete=models.CASCADE, related_name="visits"
    )
    visited_on = models.DateField(_("tanggal periksa"))
    place = models.CharField(_("tempat periksa"), max_length=20, choices=VisitPlace.choices)
    provider = models.CharField(_("pemeriksa"), max_length=150, blank=True)
    # Derived from the HPHT by services.record_anc_visit.
    gestational_days = models.PositiveSmallIntegerField(_("umur kehamilan (hari)"), editable=False)
    trimester = models.PositiveSmallIntegerField(_("trimester"), editable=False)
    weight_kg = models.DecimalField(_("berat badan (kg)"), max_digits=4, decimal_places=1, null=True, blank=True)
    muac_cm = models.DecimalField(_("LiLA (cm)"), max_digits=3, decimal_places=1, null=True, blank=True)
    hb_g_dl = models.DecimalField(_("Hb (g/dL)"), max_digits=3, decimal_places=1, null=True, blank=True)
    systolic = models.PositiveSmallIntegerField(_("tekanan darah sistolik"), null=True, blank=True)
    diastolic = models.PositiveSmallIntegerField(_("tekanan darah diastolik"), null=True, blank=True)
    iron_tablets = models.PositiveSmallIntegerField(_("tablet tambah darah (TTD) diberikan"), default=0)
    notes = models.TextField(_("catatan"), blank=True)
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)

    objects = AncVisitQuerySet.as_manager()

    class Meta:
        ordering = ["pregnancy", "visited_on"]
        verbose_name = _("pemeriksaan kehamilan")
        verbose_name_plural = _("pemeriksaan kehamilan")
        constraints = [
            models.UniqueConstraint(fields=["pregnancy", "visited_on"], name="posyandu_one_anc_visit_a_day"),
            models.CheckConstraint(condition=models.Q(trimester__range=(1, 3)), name="posyandu_anc_trimester"),
            models.CheckConstraint(
                condition=models.Q(muac_cm__isnull=True) | models.Q(muac_cm__range=(10, 50)),
                name="posyandu_anc_muac_range",
            ),
            models.CheckConstraint(
                condition=models.Q(hb_g_dl__isnull=True) | models.Q(hb_g_dl__range=(3, 20)),
                name="posyandu_anc_hb_range",
            ),
            models.CheckConstraint(
                condition=(models.Q(systolic__isnull=True) & models.Q(diastolic__isnull=True))
                | models.Q(systolic__gt=models.F("diastolic")),
                name="posyandu_anc_blood_pressure",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pregnancy.person.name} {short_date(self.visited_on)}"

    def save(self, *args, **kwargs):
        self.area_code = self.pregnancy.area_code
        super().save(*args, **kwargs)

    @property
    def gestational_weeks(self) -> int:
        return self.gestational_days // 7


def _register_audit() -> None:
    from auditlog.registry import auditlog

    auditlog.register(Pregnancy)
    auditlog.register(AncVisit)


_register_audit()
