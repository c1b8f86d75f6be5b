"""Collaboration: agreements (MoU, nota kesepakatan) with the commitments each party made, and projects.

Every record carries the `area_code` of the place it is about, so scope works as everywhere else. Money is
always whole rupiah in integer fields, never floats.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gotong.areas.models import Area, Level
from gotong.core.fields import AreaCodeField
from gotong.core.models import TimeStampedModel
from gotong.core.province_code import ProvinceCodeField, ProvinceLink
from gotong.core.scoping import ScopedQuerySet, ScopeHooks
from gotong.organizations.models import Organization


class PlaceScopedQuerySet(ScopedQuerySet):
    """Every collaboration record is about a place (its `area_code`): seen inside the areas the `collaboration.view`
    grant reaches. Residents and partners hold no such grant and see none."""

    scope_hooks = ScopeHooks(module="collaboration")


class AgreementKind(models.TextChoices):
    MOU = "mou", _("MoU (nota kesepahaman)")
    NOTA_KESEPAKATAN = "nota_kesepakatan", _("Nota kesepakatan")


class CommitmentStatus(models.TextChoices):
    PLANNED = "planned", _("Direncanakan")
    IN_PROGRESS = "in_progress", _("Berjalan")
    DONE = "done", _("Selesai")
    DROPPED = "dropped", _("Batal")


class ProjectKind(models.TextChoices):
    CONCRETE_ROAD = "jalan_beton", _("Jalan beton")
    BOARDWALK = "pelantar", _("Pelantar/jalan setapak")
    RTLH = "rtlh", _("Rehab rumah tidak layak huni (RTLH)")
    DRAINAGE = "drainase", _("Drainase")
    SANITATION = "sanitasi", _("Sanitasi")
    DRINKING_WATER = "air_minum", _("Air minum")
    WASTE = "persampahan", _("Persampahan")
    FIRE_PROTECTION = "proteksi_kebakaran", _("Proteksi kebakaran")
    OTHER = "lainnya", _("Lainnya")


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Direncanakan")
    ONGOING = "ongoing", _("Berjalan")
    DONE = "done", _("Selesai")


class BudgetSource(models.TextChoices):
    APBN = "apbn", _("APBN")
    APBD = "apbd", _("APBD")
    VILLAGE_FUND = "dana_kelurahan", _("Dana kelurahan/desa")
    SELF_HELP = "swadaya", _("Swadaya")
    CSR = "csr", _("CSR")


class Agreement(TimeStampedModel):
    province_code = ProvinceCodeField()
    title = models.CharField(_("judul"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=20, choices=AgreementKind.choices, default=AgreementKind.MOU)
    signed_on = models.DateField(_("tanggal ditandatangani"))
    area = models.ForeignKey(Area, verbose_name=_("wilayah"), on_delete=models.PROTECT, related_name="+")
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)
    parties = models.ManyToManyField(
        Organization, verbose_name=_("para pihak"), related_name="agreements", through="AgreementParty"
    )
    document_note = models.TextField(_("catatan dokumen"), blank=True)

    objects = PlaceScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-signed_on", "title"]
        verbose_name = _("kesepakatan")
        verbose_name_plural = _("kesepakatan")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.area_code = self.area.code
        super().save(*args, **kwargs)


class AgreementParty(ProvinceLink):
    """One party to an agreement: the `parties` link table, carrying the agreement's province (Citus)."""

    province_code = ProvinceCodeField()
    agreement = models.ForeignKey(Agreement, verbose_name=_("kesepakatan"), on_delete=models.CASCADE, related_name="+")
    organization = models.ForeignKey(
        Organization, verbose_name=_("organisasi"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        db_table = "collaboration_agreement_parties"  # the table Django made; a model since migration 0011
        unique_together = [("agreement", "organization")]
        verbose_name = _("para pihak")
        verbose_name_plural = _("para pihak")


class Commitment(TimeStampedModel):
    province_code = ProvinceCodeField()
    agreement = models.ForeignKey(
        Agreement, verbose_name=_("kesepakatan"), on_delete=models.CASCADE, related_name="commitments"
    )
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)
    actor = models.ForeignKey(
        Organization, verbose_name=_("pelaku"), on_delete=models.PROTECT, related_name="commitments"
    )
    what = models.TextField(_("komitmen"))
    due_on = models.DateField(_("tenggat"))
    status = models.CharField(
        _("status"), max_length=20, choices=CommitmentStatus.choices, default=CommitmentStatus.PLANNED
    )
    done_on = models.DateField(_("tanggal selesai"), null=True, blank=True)
    evidence = models.TextField(_("bukti"), blank=True)

    objects = PlaceScopedQuerySet.as_manager()

    class Meta:
        ordering = ["agreement", "due_on", "pk"]
        verbose_name = _("komitmen")
        verbose_name_plural = _("komitmen")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(status=CommitmentStatus.DONE, done_on__isnull=False)
                    | (~models.Q(status=CommitmentStatus.DONE) & models.Q(done_on__isnull=True))
                ),
                name="commitment_done_on_iff_done",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.actor}: {self.what[:60]}"

    def save(self, *args, **kwargs):
        self.area_code = self.agreement.area_code
        super().save(*args, **kwargs)


class Project(TimeStampedModel):
    province_code = ProvinceCodeField()
    name = models.CharField(_("nama kegiatan"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=30, choices=ProjectKind.choices)
    area = models.ForeignKey(
        Area,
        verbose_name=_("lokasi (kelurahan/RW/RT)"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level__gte": Level.VILLAGE},
    )
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)
    volume = models.DecimalField(_("volume"), max_digits=12, decimal_places=2)
    unit = models.CharField(_("satuan"), max_length=20)
    executor = models.ForeignKey(
        Organization,
        verbose_name=_("pelaksana"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="executed_projects",
    )
    coordinator = models.ForeignKey(
        Organization,
        verbose_name=_("koordinator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coordinated_projects",
    )
    status = models.CharField(_("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.PLANNED)
    year = models.PositiveSmallIntegerField(_("tahun"))

    objects = PlaceScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "area_code", "name", "pk"]
        verbose_name = _("kegiatan")
        verbose_name_plural = _("kegiatan")
        constraints = [
            models.CheckConstraint(condition=models.Q(volume__gt=0), name="project_volume_positive"),
            models.CheckConstraint(condition=models.Q(year__gte=2000, year__lte=2100), name="project_year_sane"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.area_code = self.area.code
        super().save(*args, **kwargs)


class ProjectBudget(models.Model):
    province_code = ProvinceCodeField()
    project = models.ForeignKey(Project, verbose_name=_("kegiatan"), on_delete=models.CASCADE, related_name="budgets")
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)
    source = models.CharField(_("sumber dana"), max_length=20, choices=BudgetSource.choices)
    amount_rupiah = models.PositiveBigIntegerField(_("jumlah (Rp)"))
    # Who paid a CSR line (a bank's or company's CSR unit): so a partner's funding can be found and shown to it.
    funder = models.ForeignKey(
        Organization,
        verbose_name=_("pemberi dana"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="funded_budgets",
    )

    objects = PlaceScopedQuerySet.as_manager()

    class Meta:
        ordering = ["project", "source"]
        verbose_name = _("anggaran kegiatan")
        verbose_name_plural = _("anggaran kegiatan")
        constraints = [
            models.UniqueConstraint(fields=["project", "source"], name="one_budget_per_project_source"),
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.get_source_display()}: {self.amount_rupiah}"

    def save(self, *args, **kwargs):
        self.area_code = self.project.area_code
        super().save(*args, **kwargs)
