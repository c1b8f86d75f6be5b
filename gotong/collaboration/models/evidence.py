"""Before/after photos of projects, evidence files of commitments, and the register of data shared between
organisations (UU PDP)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gotong.areas.models import Area
from gotong.collaboration.models.agreements import Commitment, PlaceScopedQuerySet, Project
from gotong.core.fields import AreaCodeField
from gotong.core.models import TimeStampedModel
from gotong.core.province_code import ProvinceCodeField
from gotong.organizations.models import Organization


class PhotoStage(models.TextChoices):
    BEFORE = "before", _("Sebelum")
    DURING = "during", _("Pelaksanaan")
    AFTER = "after", _("Sesudah")


class UploadedFile(TimeStampedModel):
    """What a project photo and a commitment's evidence file share: the place they are scoped by (copied from their
    record on save), a caption and who uploaded them. Files are served only through a view that checks scope."""

    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)
    caption = models.CharField(_("keterangan"), max_length=250, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diunggah oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = PlaceScopedQuerySet.as_manager()

    class Meta:
        abstract = True


class ProjectPhoto(UploadedFile):
    province_code = ProvinceCodeField()
    project = models.ForeignKey(Project, verbose_name=_("kegiatan"), on_delete=models.CASCADE, related_name="photos")
    stage = models.CharField(_("tahap"), max_length=10, choices=PhotoStage.choices)
    # Served only through a view that checks the project's scope; never from MEDIA_URL.
    image = models.ImageField(_("foto"), upload_to="collaboration/photos/%Y/%m/")
    taken_on = models.DateField(_("tanggal foto"))

    class Meta:
        ordering = ["project", "taken_on", "pk"]
        verbose_name = _("foto kegiatan")
        verbose_name_plural = _("foto kegiatan")

    def __str__(self) -> str:
        return f"{self.project} ({self.get_stage_display()})"

    def save(self, *args, **kwargs):
        self.area_code = self.project.area_code
        super().save(*args, **kwargs)


class CommitmentEvidence(UploadedFile):
    """A photo or PDF showing a commitment's progress (a signed letter, a finished road); stored and served like
    project photos: checked and stripped of metadata on upload (`services.evidence`), served only through a view
    that checks the commitment's scope."""

    province_code = ProvinceCodeField()

    commitment = models.ForeignKey(
        Commitment, verbose_name=_("komitmen"), on_delete=models.CASCADE, related_name="evidence_files"
    )
    file = models.FileField(_("berkas"), upload_to="collaboration/evidence/%Y/%m/")

    class Meta:
        ordering = ["commitment", "created_at", "pk"]
        verbose_name = _("berkas bukti komitmen")
        verbose_name_plural = _("berkas bukti komitmen")

    def __str__(self) -> str:
        return f"{self.commitment} ({self.file.name.rsplit('/', 1)[-1]})"

    @property
    def is_pdf(self) -> bool:
        return self.file.name.lower().endswith(".pdf")

    def save(self, *args, **kwargs):
        self.area_code = self.commitment.area_code
        super().save(*args, **kwargs)


class LegalBasis(models.TextChoices):
    """The bases for processing personal data in UU 27/2022 (Pelindungan Data Pribadi), Pasal 20 ayat (2)."""

    CONSENT = "consent", _("Persetujuan subjek data")
    CONTRACT = "contract", _("Pemenuhan perjanjian")
    LEGAL_OBLIGATION = "legal_obligation", _("Kewajiban hukum pengendali")
    VITAL_INTEREST = "vital_interest", _("Kepentingan vital subjek data")
    PUBLIC_TASK = "public_task", _("Tugas kepentingan umum/kewenangan")
    LEGITIMATE_INTEREST = "legitimate_interest", _("Kepentingan sah lainnya")
    NOT_PERSONAL = "not_personal", _("Bukan data pribadi (agregat)")


class DataSharing(TimeStampedModel):
    province_code = ProvinceCodeField()
    area = models.ForeignKey(Area, verbose_name=_("wilayah data"), on_delete=models.PROTECT, related_name="+")
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)
    dataset = models.CharField(_("data yang dibagikan"), max_length=200)
    provider = models.ForeignKey(
        Organization, verbose_name=_("pemberi data"), on_delete=models.PROTECT, related_name="data_shared"
    )
    recipient = models.ForeignKey(
        Organization, verbose_name=_("penerima data"), on_delete=models.PROTECT, related_name="data_received"
    )
    shared_on = models.DateField(_("tanggal"))
    purpose = models.TextField(_("tujuan"))
    legal_basis = models.CharField(_("dasar hukum pemrosesan"), max_length=30, choices=LegalBasis.choices)
    contains_personal_data = models.BooleanField(_("berisi data pribadi"), default=False)
    note = models.TextField(_("catatan"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = PlaceScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-shared_on", "-pk"]
        verbose_name = _("berbagi data")
        verbose_name_plural = _("berbagi data")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(provider=models.F("recipient")), name="data_sharing_between_two_parties"
            ),
            models.CheckConstraint(
                condition=~models.Q(contains_personal_data=True, legal_basis="not_personal"),
                name="personal_data_needs_legal_basis",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dataset}: {self.provider} → {self.recipient}"

    def save(self, *args, **kwargs):
        self.area_code = self.area.code
        super().save(*args, **kwargs)
