"""What the field forms (and ODK) sent: one row per idempotency key, so a retried sync never records twice."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SubmissionKind(models.TextChoices):
    WEIGHING = "weighing", _("Penimbangan balita")
    IMMUNISATION = "immunisation", _("Imunisasi balita")
    DEPOSIT = "deposit", _("Setoran bank sampah")
    VISIT = "visit", _("Kunjungan rumah")
    ATTENDANCE = "attendance", _("Kehadiran gotong royong")
    ASPIRATION = "aspiration", _("Aspirasi dan pengaduan")
    ANC_VISIT = "anc_visit", _("Pemeriksaan ibu hamil")


class FieldSubmission(models.Model):
    key = models.UUIDField(_("kunci kiriman"), unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("pengirim"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("jenis"), max_length=20, choices=SubmissionKind.choices)
    # sha256 of the canonical JSON payload: tells a retry (same) from a reused key (different).
    fingerprint = models.CharField(max_length=64, editable=False)
    record_type = models.CharField(max_length=60, editable=False)  # e.g. "posyandu.weighing"
    record_id = models.CharField(max_length=64, editable=False)
    result = models.JSONField(default=dict, editable=False)  # what the first sync answered, returned again
    created_at = models.DateTimeField(_("diterima"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("kiriman formulir lapangan")
        verbose_name_plural = _("kiriman formulir lapangan")
        indexes = [models.Index(fields=["record_type", "record_id"], name="field_submission_record")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.key}"
