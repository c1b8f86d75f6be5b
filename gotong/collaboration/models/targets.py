"""Shared targets ("0 ha kumuh di Kampung Bugis pada 2027") and action plans (rencana tindak) of activities.

Activities nest like Decidim accountability results: a parent's progress is the weighted mean of its
children's, and every status/progress change is kept as a dated update (the timeline).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gotong.areas.models import Area
from gotong.collaboration.models.agreements import PlaceScopedQuerySet, Project
from gotong.collaboration.models.forums import Meeting
from gotong.core.fields import AreaCodeField
from gotong.core.models import TimeStampedModel
from gotong.core.province_code import ProvinceCodeField, ProvinceLink
from gotong.organizations.models import Organization


class Indicator(models.TextChoices):
    SLUM_HA = "slum_ha", _("Luas kumuh (ha)")
    SAFE_WATER_PCT = "safe_water_pct", _("Akses air minum layak (%)")
    SANITATION_PCT = "sanitation_pct", _("Akses sanitasi layak (%)")
    OTHER = "other", _("Lainnya")


class Target(TimeStampedModel):
    province_code = ProvinceCodeField()
    title = models.CharField(_("sasaran"), max_length=200)
    area = models.ForeignKey(Area, verbose_name=_("wilayah"), on_delete=models.PROTECT, related_name="+")
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)
    location = models.ForeignKey(
        "slums.SlumLocation",
        verbose_name=_("lokasi kumuh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="targets",
    )
    indicator = models.CharField(_("indikator"), max_length=20, choices=Indicator.choices)
    unit = models.CharField(_("satuan"), max_length=20)
    baseline_value = models.DecimalField(_("nilai awal"), max_digits=12, decimal_places=2)
    baseline_year = models.PositiveSmallIntegerField(_("tahun nilai awal"))
    target_value = models.DecimalField(_("nilai sasaran"), max_digits=12, decimal_places=2)
    target_year = models.PositiveSmallIntegerField(_("tahun sasaran"))
    # For indicators not derived from slum assessments: the last reported figure.
    reported_value = models.DecimalField(_("nilai terakhir"), max_digits=12, decimal_places=2, null=True, blank=True)
    reported_on = models.DateField(_("tanggal nilai terakhir"), null=True, blank=True)

    objects = PlaceScopedQuerySet.as_manager()

    class Meta:
        ordering = ["area_code", "target_year", "title"]
        verbose_name = _("sasaran bersama")
        verbose_name_plural = _("sasaran bersama")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(target_year__gt=models.F("baseline_year")), name="target_year_after_baseline"
            ),
            models.CheckConstraint(
                condition=models.Q(baseline_year__gte=2000, target_year__lte=2100), name="target_years_sane"
            ),
            models.CheckConstraint(
                condition=~models.Q(indicator="slum_ha") | models.Q(location__isnull=False),
                name="slum_area_target_has_location",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.area_code = self.area.code
        super().save(*args, **kwargs)


class ActionPlan(TimeStampedModel):
    province_code = ProvinceCodeField()
    target = models.ForeignKey(Target, verbose_name=_("sasaran"), on_delete=models.CASCADE, related_name="plans")
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)
    title = models.CharField(_("judul rencana tindak"), max_length=200)
    start_year = models.PositiveSmallIntegerField(_("tahun mulai"))
    end_year = models.PositiveSmallIntegerField(_("tahun selesai"))
    approved_at = models.ForeignKey(
        Meeting,
        verbose_name=_("disetujui pada pertemuan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="approved_plans",
    )

    objects = PlaceScopedQuerySet.as_manager()

    class Meta:
        ordering = ["target", "start_year", "title"]
        verbose_name = _("rencana tindak")
        verbose_name_plural = _("rencana tindak")
        constraints = [
            models.CheckConstraint(condition=models.Q(end_year__gte=models.F("start_year")), name="plan_period_order"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.area_code = self.target.area_code
        super().save(*args, **kwargs)


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Direncanakan")
    ONGOING = "ongoing", _("Berjalan")
    DONE = "done", _("Selesai")
    DELAYED = "delayed", _("Tertunda")
    DROPPED = "dropped", _("Batal")


class Activity(TimeStampedModel):
    province_code = ProvinceCodeField()
    plan = models.ForeignKey(
        ActionPlan, verbose_name=_("rencana tindak"), on_delete=models.CASCADE, related_name="activities"
    )
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)
    parent = models.ForeignKey(
        "self", verbose_name=_("induk"), null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    what = models.CharField(_("kegiatan"), max_length=250)
    organization = models.ForeignKey(
        Organization, verbose_name=_("pelaksana"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    starts_on = models.DateField(_("mulai"), null=True, blank=True)
    ends_on = models.DateField(_("selesai"), null=True, blank=True)
    budget_rupiah = models.PositiveBigIntegerField(_("anggaran (Rp)"), default=0)
    weight = models.PositiveSmallIntegerField(_("bobot"), default=1)
    status = models.CharField(
        _("status"), max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    progress = models.PositiveSmallIntegerField(_("kemajuan (%)"), default=0)
    projects = models.ManyToManyField(
        Project, verbose_name=_("kegiatan fisik"), blank=True, related_name="activities", through="ActivityProject"
    )

    objects = PlaceScopedQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "starts_on", "pk"]
        verbose_name = _("aktivitas rencana tindak")
        verbose_name_plural = _("aktivitas rencana tindak")
        constraints = [
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="activity_progress_at_most_100"),
            models.CheckConstraint(condition=models.Q(weight__gte=1), name="activity_weight_positive"),
            models.CheckConstraint(
                condition=models.Q(starts_on__isnull=True)
                | models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="activity_dates_order",
            ),
        ]

    def __str__(self) -> str:
        return self.what

    def save(self, *args, **kwargs):
        self.area_code = self.plan.area_code
        super().save(*args, **kwargs)


class ActivityProject(ProvinceLink):
    """One project an activity builds on: the `projects` link table, carrying the activity's province (Citus).

    The project's own province comes from its area, which nothing yet ties to the activity's (a `KNOWN_GAPS` entry).
    """

    province_code = ProvinceCodeField()
    activity = models.ForeignKey(
        Activity, verbose_name=_("aktivitas rencana tindak"), on_delete=models.CASCADE, related_name="+"
    )
    project = models.ForeignKey(Project, verbose_name=_("kegiatan fisik"), on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "collaboration_activity_projects"  # the table Django made; a model since migration 0011
        unique_together = [("activity", "project")]
        verbose_name = _("kegiatan fisik")
        verbose_name_plural = _("kegiatan fisik")


class ActivityUpdate(models.Model):
    """One dated entry of an activity's timeline: its status and progress from that day on."""

    province_code = ProvinceCodeField()

    activity = models.ForeignKey(
        Activity, verbose_name=_("aktivitas"), on_delete=models.CASCADE, related_name="updates"
    )
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)
    on = models.DateField(_("tanggal"))
    status = models.CharField(_("status"), max_length=20, choices=ActivityStatus.choices)
    progress = models.PositiveSmallIntegerField(_("kemajuan (%)"))
    note = models.TextField(_("catatan"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    objects = PlaceScopedQuerySet.as_manager()

    class Meta:
        ordering = ["activity", "on", "pk"]
        verbose_name = _("catatan kemajuan")
        verbose_name_plural = _("catatan kemajuan")
        constraints = [
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="activity_update_progress_at_most_100"),
        ]

    def __str__(self) -> str:
        return f"{self.activity} {self.on:%Y-%m-%d}: {self.progress}%"

    def save(self, *args, **kwargs):
        self.area_code = self.activity.area_code
        super().save(*args, **kwargs)
