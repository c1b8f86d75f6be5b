"""Slum locations designated by decree (SK) and their assessments by Permen PUPR 14/PRT/M/2018."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gotong.areas.models import Area, Level
from gotong.core.dates import short_date
from gotong.core.fields import AreaCodeField
from gotong.core.models import TimeStampedModel
from gotong.core.province_code import ProvinceCodeField, ProvinceLink
from gotong.core.scoping import ScopedQuerySet, ScopeHooks
from gotong.slums.criteria import CRITERIA, CRITERIA_BY_CODE, MAX_TOTAL, SCORES, SLUM_CLASSES, basis_of


class SlumClass(models.TextChoices):
    NONE = SLUM_CLASSES[0]
    LIGHT = SLUM_CLASSES[1]
    MEDIUM = SLUM_CLASSES[2]
    HEAVY = SLUM_CLASSES[3]


class LandLegality(models.TextChoices):
    LEGAL = "legal", _("Legal")
    ILLEGAL = "illegal", _("Tidak legal")
    UNCLEAR = "unclear", _("Belum jelas")


class StrategicValue(models.TextChoices):
    STRATEGIC = "strategic", _("Strategis")
    NOT_STRATEGIC = "not_strategic", _("Kurang strategis")


class PopulationDensity(models.TextChoices):
    LOW = "low", _("Rendah")
    MEDIUM = "medium", _("Sedang")
    HIGH = "high", _("Tinggi")
    VERY_HIGH = "very_high", _("Sangat padat")


CRITERION_CHOICES = [(c.code, f"{c.code} {c.name}") for c in CRITERIA]


class SlumLocationQuerySet(ScopedQuerySet):
    """Places, not households: seen inside the areas of the `slums.view` grant (residents and partners see none)."""

    scope_hooks = ScopeHooks(module="slums")


class AssessmentQuerySet(ScopedQuerySet):
    """An assessment carries its location's area code: seen wherever the location is."""

    scope_hooks = ScopeHooks(module="slums")


class SlumLocation(TimeStampedModel):
    """A slum location as the decree (SK penetapan lokasi kumuh) names it, with its area in hectares."""

    province_code = ProvinceCodeField()

    name = models.CharField(_("nama lokasi"), max_length=150)
    decree_number = models.CharField(_("nomor SK"), max_length=100)
    decree_date = models.DateField(_("tanggal SK"), null=True, blank=True)
    decree_authority = models.CharField(_("penerbit SK"), max_length=150)
    area_ha = models.DecimalField(_("luas (ha)"), max_digits=8, decimal_places=2)
    village = models.ForeignKey(
        Area,
        verbose_name=_("kelurahan/desa"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": Level.VILLAGE},
    )
    # The units as the decree or report writes them, kept as a note; `units` links the ones that exist as areas.
    neighbourhood_units = models.CharField(
        _("catatan RW/RT"), max_length=255, blank=True, help_text=_("Mis. RW 001: RT 001–003; RW 006: RT 001–004")
    )
    units = models.ManyToManyField(
        Area,
        verbose_name=_("RW/RT"),
        blank=True,
        related_name="slum_locations",
        through="SlumLocationUnit",
        limit_choices_to={"level__in": [Level.RW, Level.RT]},
        help_text=_("RW atau RT di kelurahan lokasi ini; RW berarti seluruh RT di dalamnya."),
    )
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)
    latitude = models.DecimalField(_("lintang"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("bujur"), max_digits=9, decimal_places=6, null=True, blank=True)
    boundary_geojson = models.TextField(
        _("batas (GeoJSON)"), blank=True, help_text=_("Polygon atau MultiPolygon GeoJSON, koordinat bujur-lintang.")
    )

    objects = SlumLocationQuerySet.as_manager()

    class Meta:
        ordering = ["area_code", "name"]
        verbose_name = _("lokasi kumuh")
        verbose_name_plural = _("lokasi kumuh")
        constraints = [
            models.UniqueConstraint(fields=["name", "village"], name="unique_slum_location_in_village"),
            models.CheckConstraint(condition=models.Q(area_ha__gt=0), name="slum_location_area_positive"),
            models.CheckConstraint(
                condition=(models.Q(latitude__isnull=True) & models.Q(longitude__isnull=True))
                | models.Q(latitude__gte=-90, latitude__lte=90, longitude__gte=-180, longitude__lte=180),
                name="slum_location_point_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.area_code = self.village.code
        super().save(*args, **kwargs)


class SlumLocationUnit(ProvinceLink):
    """One RW/RT linked to a slum location: the `units` link table, carrying the location's province (Citus)."""

    province_code = ProvinceCodeField()
    slumlocation = models.ForeignKey(
        SlumLocation, verbose_name=_("lokasi kumuh"), on_delete=models.CASCADE, related_name="+"
    )
    area = models.ForeignKey(Area, verbose_name=_("RW/RT"), on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "slums_slumlocation_units"  # the table Django made; a model since migration 0012
        unique_together = [("slumlocation", "area")]
        verbose_name = _("RW/RT")
        verbose_name_plural = _("RW/RT")


class Assessment(TimeStampedModel):
    """One assessment of a location by the 16 criteria; its total and class come from `scoring.assess`."""

    province_code = ProvinceCodeField()

    location = models.ForeignKey(
        SlumLocation, verbose_name=_("lokasi"), on_delete=models.CASCADE, related_name="assessments"
    )
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)
    assessed_on = models.DateField(_("tanggal penilaian"))
    is_baseline = models.BooleanField(_("data awal (baseline)"), default=False)
    # The part of the location still counted as slum after this assessment. A location classed "Bukan kumuh"
    # has left the slum list as a whole, so its remaining slum area is 0 ha by definition (services enforce it,
    # migration 0005 corrected older rows); pockets still slum are assessed as a location of their own.
    affected_area_ha = models.DecimalField(_("luas kumuh tersisa (ha)"), max_digits=8, decimal_places=2)
    # The wholes the criteria's counts are parts of, as KOTAKU's baseline form collects them (criteria.BASES).
    # Empty for assessments recorded as percentages only (older records, or where only percentages exist).
    verified_area_ha = models.DecimalField(
        _("luas verifikasi (ha)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    building_count = models.PositiveIntegerField(_("jumlah bangunan (unit)"), null=True, blank=True)
    household_count = models.PositiveIntegerField(_("jumlah KK"), null=True, blank=True)
    road_length_m = models.DecimalField(
        _("panjang jalan lingkungan ideal (m)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    drain_length_m = models.DecimalField(
        _("panjang drainase lingkungan ideal (m)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    total = models.PositiveSmallIntegerField(_("total nilai"))
    slum_class = models.CharField(_("tingkat kekumuhan"), max_length=10, choices=SlumClass.choices)
    land_legality = models.CharField(_("legalitas lahan"), max_length=10, choices=LandLegality.choices, blank=True)
    strategic_value = models.CharField(
        _("nilai strategis lokasi"), max_length=15, choices=StrategicValue.choices, blank=True
    )
    population_density = models.CharField(
        _("kepadatan penduduk"), max_length=10, choices=PopulationDensity.choices, blank=True
    )
    potential = models.TextField(_("potensi sosial, ekonomi dan budaya"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["location", "assessed_on", "pk"]
        verbose_name = _("penilaian kekumuhan")
        verbose_name_plural = _("penilaian kekumuhan")
        constraints = [
            models.UniqueConstraint(fields=["location", "assessed_on"], name="one_slum_assessment_per_day"),
            models.UniqueConstraint(
                fields=["location"], condition=models.Q(is_baseline=True), name="one_slum_baseline_per_location"
            ),
            models.CheckConstraint(condition=models.Q(affected_area_ha__gte=0), name="slum_affected_area_not_negative"),
            models.CheckConstraint(condition=models.Q(total__lte=MAX_TOTAL), name="slum_total_at_most_max"),
            models.CheckConstraint(
                condition=~models.Q(slum_class="none") | models.Q(affected_area_ha=0),
                name="slum_not_slum_has_no_remaining_area",
            ),
            models.CheckConstraint(
                condition=(models.Q(verified_area_ha__isnull=True) | models.Q(verified_area_ha__gte=0))
                & (models.Q(road_length_m__isnull=True) | models.Q(road_length_m__gte=0))
                & (models.Q(drain_length_m__isnull=True) | models.Q(drain_length_m__gte=0)),
                name="slum_bases_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.location} {short_date(self.assessed_on)}"

    def save(self, *args, **kwargs):
        self.area_code = self.location.area_code
        super().save(*args, **kwargs)


class CriterionMeasurement(models.Model):
    province_code = ProvinceCodeField()
    assessment = models.ForeignKey(
        Assessment, verbose_name=_("penilaian"), on_delete=models.CASCADE, related_name="measurements"
    )
    code = models.CharField(_("kriteria"), max_length=2, choices=CRITERION_CHOICES)
    # What was counted, in the criterion's unit (KOTAKU's "volume": buildings, ha, m, KK); the percent is
    # computed from it and the assessment's basis. Empty when only the percent was known.
    amount = models.DecimalField(_("jumlah terdampak"), max_digits=12, decimal_places=2, null=True, blank=True)
    percent = models.DecimalField(_("persen terdampak"), max_digits=5, decimal_places=2)
    score = models.PositiveSmallIntegerField(_("nilai"))

    class Meta:
        ordering = ["assessment", "code"]
        verbose_name = _("ukuran kriteria")
        verbose_name_plural = _("ukuran kriteria")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "code"], name="unique_criterion_per_assessment"),
            models.CheckConstraint(
                condition=models.Q(percent__gte=0, percent__lte=100), name="criterion_percent_0_to_100"
            ),
            models.CheckConstraint(condition=models.Q(score__in=SCORES), name="criterion_score_official"),
            models.CheckConstraint(
                condition=models.Q(amount__isnull=True) | models.Q(amount__gte=0), name="criterion_amount_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.percent}% → {self.score}"

    @property
    def criterion(self):
        return CRITERIA_BY_CODE[self.code]

    @property
    def whole(self):
        """The basis this measurement's amount was divided by (None for a percent-only record)."""
        if self.amount is None:
            return None
        return getattr(self.assessment, basis_of(self.code).field)


def _register_audit() -> None:
    from auditlog.registry import auditlog

    auditlog.register(SlumLocation)
    auditlog.register(Assessment)
    auditlog.register(CriterionMeasurement)


_register_audit()
