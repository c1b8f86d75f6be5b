"""What a posyandu day gives besides weighing: attendance and counselling (meja 1 and 4), vitamin A capsules,
deworming and supplementary feeding (PMT) (meja 5). Health data: scoped like `Weighing`, audited, never logged.

The rules (who is due, which capsule, who should receive PMT) live in `gotong.posyandu.supplements`; the writes in
`gotong.posyandu.day_services`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gotong.core.fields import AreaCodeField
from gotong.core.models import TimeStampedModel
from gotong.core.province_code import ProvinceCodeField
from gotong.core.scoping import ScopedQuerySet, ScopeHooks


class ChildRecordQuerySet(ScopedQuerySet):
    scope_hooks = ScopeHooks(
        module="posyandu",
        organization="child__posyandu_id",
        person="child__person_id",
        household="child__person__household_id",
    )


class Capsule(models.TextChoices):
    # Permenkes 21/2015 (standar kapsul vitamin A): blue 100.000 IU for 6–11 months, red 200.000 IU for 12–59.
    BLUE = "blue", _("Biru 100.000 IU")
    RED = "red", _("Merah 200.000 IU")


class FeedingKind(models.TextChoices):
    LOCAL = "lokal", _("PMT lokal")
    COUNSELLING = "penyuluhan", _("PMT penyuluhan")
    RECOVERY = "pemulihan", _("PMT pemulihan")


class _ChildRecord(TimeStampedModel):
    child = models.ForeignKey("posyandu.Child", verbose_name=_("balita"), on_delete=models.CASCADE, related_name="+")
    session = models.ForeignKey(
        "posyandu.Session",
        verbose_name=_("hari buka"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    given_on = models.DateField(_("tanggal diberikan"))
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)

    objects = ChildRecordQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.area_code = self.child.area_code
        super().save(*args, **kwargs)


class VitaminADose(_ChildRecord):
    province_code = ProvinceCodeField()
    # The round (bulan vitamin A) the dose counts for: 1 February or 1 August of its half-year.
    round = models.DateField(_("putaran"), editable=False)
    capsule = models.CharField(_("kapsul"), max_length=10, choices=Capsule.choices)

    class Meta:
        ordering = ["-given_on"]
        verbose_name = _("pemberian vitamin A")
        verbose_name_plural = _("pemberian vitamin A")
        constraints = [models.UniqueConstraint(fields=["child", "round"], name="posyandu_one_vitamin_a_a_round")]


class Deworming(_ChildRecord):
    province_code = ProvinceCodeField()
    round = models.DateField(_("putaran"), editable=False)
    dose_mg = models.PositiveSmallIntegerField(_("dosis albendazol (mg)"), choices=[(200, "200 mg"), (400, "400 mg")])

    class Meta:
        ordering = ["-given_on"]
        verbose_name = _("pemberian obat cacing")
        verbose_name_plural = _("pemberian obat cacing")
        constraints = [models.UniqueConstraint(fields=["child", "round"], name="posyandu_one_deworming_a_round")]


class Feeding(_ChildRecord):
    """Supplementary feeding (PMT) handed out: its kind and for how many days (portions)."""

    province_code = ProvinceCodeField()

    month = models.DateField(_("bulan"), editable=False)
    kind = models.CharField(_("jenis PMT"), max_length=12, choices=FeedingKind.choices)
    days = models.PositiveSmallIntegerField(_("jumlah hari/porsi"))

    class Meta:
        ordering = ["-given_on"]
        verbose_name = _("pemberian PMT")
        verbose_name_plural = _("pemberian PMT")
        constraints = [models.CheckConstraint(condition=models.Q(days__range=(1, 120)), name="posyandu_pmt_days")]

    def save(self, *args, **kwargs):
        self.month = self.given_on.replace(day=1)
        super().save(*args, **kwargs)


class DayVisit(TimeStampedModel):
    """A child who came to the session (meja 1), with the counselling given at meja 4."""

    province_code = ProvinceCodeField()

    session = models.ForeignKey(
        "posyandu.Session", verbose_name=_("hari buka"), on_delete=models.CASCADE, related_name="visits"
    )
    child = models.ForeignKey("posyandu.Child", verbose_name=_("balita"), on_delete=models.CASCADE, related_name="+")
    counselled = models.BooleanField(_("sudah penyuluhan"), default=False)
    counselling_note = models.TextField(_("catatan penyuluhan"), blank=True)
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)

    objects = ChildRecordQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("kunjungan hari buka")
        verbose_name_plural = _("kunjungan hari buka")
        constraints = [models.UniqueConstraint(fields=["session", "child"], name="posyandu_one_visit_a_session")]

    def save(self, *args, **kwargs):
        self.area_code = self.session.area_code
        super().save(*args, **kwargs)


def _register_audit() -> None:
    from auditlog.registry import auditlog

    for model in (VitaminADose, Deworming, Feeding, DayVisit):
        auditlog.register(model)


_register_audit()
