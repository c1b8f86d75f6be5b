"""The doses of routine immunisation given to a child the posyandu follows (schedule: `posyandu.immunisation`)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gotong.core.dates import short_date
from gotong.core.fields import AreaCodeField
from gotong.core.models import TimeStampedModel
from gotong.core.province_code import ProvinceCodeField
from gotong.core.scoping import ScopedQuerySet, ScopeHooks


class Vaccine(models.TextChoices):
    HB0 = "hb0", _("Hepatitis B0 (HB0)")
    BCG = "bcg", _("BCG")
    POLIO = "polio", _("Polio tetes (OPV)")
    DPT_HB_HIB = "dpt_hb_hib", _("DPT-HB-Hib")
    PCV = "pcv", _("PCV (pneumokokus)")
    RV = "rv", _("Rotavirus (RV)")
    IPV = "ipv", _("Polio suntik (IPV)")
    MR = "mr", _("Campak-Rubela (MR)")


class ImmunisationPlace(models.TextChoices):
    POSYANDU = "posyandu", _("Posyandu")
    PUSKESMAS = "puskesmas", _("Puskesmas")
    OTHER = "other", _("Lainnya (bidan, klinik, rumah sakit)")


class ImmunisationQuerySet(ScopedQuerySet):
    scope_hooks = ScopeHooks(
        module="posyandu",
        organization="child__posyandu_id",
        person="child__person_id",
        household="child__person__household_id",
    )


class Immunisation(TimeStampedModel):
    province_code = ProvinceCodeField()
    child = models.ForeignKey(
        "posyandu.Child", verbose_name=_("balita"), on_delete=models.CASCADE, related_name="immunisations"
    )
    vaccine = models.CharField(_("vaksin"), max_length=12, choices=Vaccine.choices)
    dose = models.PositiveSmallIntegerField(_("dosis ke"))
    given_on = models.DateField(_("tanggal imunisasi"))
    place = models.CharField(
        _("tempat"), max_length=10, choices=ImmunisationPlace.choices, default=ImmunisationPlace.POSYANDU
    )
    # The posyandu day it was given at, when given at the posyandu.
    session = models.ForeignKey(
        "posyandu.Session",
        verbose_name=_("hari buka"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="immunisations",
    )
    batch = models.CharField(_("nomor batch vaksin"), max_length=40, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)

    objects = ImmunisationQuerySet.as_manager()

    class Meta:
        ordering = ["child", "given_on", "vaccine", "dose"]
        verbose_name = _("imunisasi")
        verbose_name_plural = _("imunisasi")
        constraints = [
            models.UniqueConstraint(fields=["child", "vaccine", "dose"], name="posyandu_one_dose_per_child"),
            models.CheckConstraint(condition=models.Q(dose__range=(1, 4)), name="posyandu_immunisation_dose_range"),
        ]
        indexes = [models.Index(fields=["area_code", "given_on"], name="posyandu_imm_area_day_idx")]

    def __str__(self) -> str:
        return f"{self.child} {self.get_vaccine_display()} {self.dose} {short_date(self.given_on)}"

    def save(self, *args, **kwargs):
        self.area_code = self.child.area_code
        super().save(*args, **kwargs)


def _register_audit() -> None:
    from auditlog.registry import auditlog

    auditlog.register(Immunisation)


_register_audit()
