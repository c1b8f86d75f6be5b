"""Aspirations and complaints raised by residents (or on their behalf), answered in the open.

Anchors: LAPOR!/SP4N, Indonesia's public complaint channel (a numbered report, a responsible unit, a status and
dated follow-ups), and the KOTAKU rembug warga where residents' needs feed the neighbourhood plan.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gotong.core.models import AreaCodedModel, PublicIdModel
from gotong.core.scoping import ScopedQuerySet, ScopeHooks


class AspirationCategory(models.TextChoices):
    INFRASTRUCTURE = "infrastructure", _("Infrastruktur")
    SOCIAL_ASSISTANCE = "social_assistance", _("Bantuan sosial")
    HEALTH = "health", _("Kesehatan")
    WASTE = "waste", _("Sampah")
    SECURITY = "security", _("Keamanan")
    OTHER = "other", _("Lainnya")


class AspirationStatus(models.TextChoices):
    RECEIVED = "received", _("Diterima")
    IN_PROGRESS = "in_progress", _("Ditindaklanjuti")
    DONE = "done", _("Selesai")
    REJECTED = "rejected", _("Ditolak")


class AspirationQuerySet(ScopedQuerySet):
    scope_hooks = ScopeHooks(module="participation", person="raised_for_id")


class Aspiration(AreaCodedModel, PublicIdModel):
    """One aspiration or complaint, filed at the RT it concerns."""

    number = models.CharField(_("nomor"), max_length=30, unique=True, editable=False)
    area = models.ForeignKey("areas.Area", verbose_name=_("RT"), on_delete=models.PROTECT, related_name="aspirations")
    category = models.CharField(_("kategori"), max_length=20, choices=AspirationCategory.choices)
    text = models.TextField(_("isi aspirasi"))
    is_public = models.BooleanField(_("boleh dilihat publik"), default=True)
    status = models.CharField(
        _("status"), max_length=15, choices=AspirationStatus.choices, default=AspirationStatus.RECEIVED
    )
    # The resident it comes from; when an RT head or a facilitator files it for a resident without a phone,
    # `raised_by` is that worker's account and `raised_for` the resident.
    raised_for = models.ForeignKey(
        "registry.Person",
        verbose_name=_("warga"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="aspirations",
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dicatat oleh"), on_delete=models.PROTECT, related_name="+"
    )
    deadline = models.DateField(_("batas waktu tindak lanjut"), null=True, blank=True)

    objects = AspirationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("aspirasi")
        verbose_name_plural = _("aspirasi")

    def __str__(self) -> str:
        return f"{self.number} — {self.get_category_display()}"
