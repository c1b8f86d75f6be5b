"""Aspirations and complaints raised by residents (or on their behalf), answered in the open.

Anchors: LAPOR!/SP4N, Indonesia's public complaint channel (a numbered report, a responsible unit, a status and
dated follow-ups), and the KOTAKU rembug warga where residents' needs feed the neighbourhood plan.

Who sees what (`AspirationQuerySet.reached_by`, from the grants of `participation.view`):
- the handling units — the area's city officers and facilitators (AREA) and the organisation the routing table
  makes responsible (ORGANIZATION) — see every aspiration they handle, private ones and the complainant's name too;
- the complainant (the resident it is raised for, or whoever recorded it) sees their own;
- residents of the kelurahan and organisation officers of the area (ORG_AREA) see the *public* ones, without the
  complainant's name, unless readers' abuse reports hold the text for a handler's review.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gotong.core.area_codes import village_code
from gotong.core.fields import AreaCodeField
from gotong.core.models import AreaCodedModel, PublicIdModel, TimeStampedModel
from gotong.core.province_code import ProvinceCodeField
from gotong.core.scoping import ScopedQuerySet, ScopeHooks, area_code_filter

VIEW = "participation.view"


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


OPEN_STATUSES = (AspirationStatus.RECEIVED, AspirationStatus.IN_PROGRESS)


class Moderation(models.TextChoices):
    SHOWN = "shown", _("Tampil")
    # Enough readers reported the public text: hidden from readers until a handler reviews it.
    HELD = "held", _("Ditahan, menunggu tinjauan")
    REMOVED = "removed", _("Disembunyikan oleh petugas")


class AspirationQuerySet(ScopedQuerySet):
    scope_hooks = ScopeHooks(module="participation", person="raised_for_id", organization="responsible_organization_id")

    def reached_by(self, user, capability: str, *, named_only: bool = False):
        """As the base, except what the organisation-area and own reaches of `participation.view` add: public texts
        only (see the module docstring)."""
        from gotong.core.policy.decide import reaches

        if capability != VIEW:
            return super().reached_by(user, capability, named_only=named_only)
        reached = reaches(user, capability)
        if reached.everything:
            return self
        query = models.Q(pk__in=[])
        if reached.area_codes:
            query |= area_code_filter(sorted(reached.area_codes))
        if reached.organization_ids:
            query |= models.Q(responsible_organization_id__in=sorted(reached.organization_ids))
        public = models.Q(is_public=True, moderation=Moderation.SHOWN)
        if reached.organization_area_codes:
            query |= public & area_code_filter(sorted(reached.organization_area_codes))
        if reached.own and user.is_authenticated:
            query |= models.Q(raised_by=user)
            if user.person_id:
                query |= models.Q(raised_for_id=user.person_id)
                home = user.person.household.area_code if user.person.household_id else None
                if home:
                    query |= public & area_code_filter([village_code(home)])
        return self.filter(query)

    def overdue(self, today):
        """Not answered by their deadline (UU 25/2009 Pasal 50: a response is owed, see `services.aspirations`)."""
        return self.filter(status=AspirationStatus.RECEIVED, deadline__lt=today)


class Aspiration(AreaCodedModel, PublicIdModel):
    """One aspiration or complaint, filed at the RT it concerns."""

    province_code = ProvinceCodeField()

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
    # The day it was received (the day it was raised; a queued offline entry: the day it was written on the phone).
    received_on = models.DateField(_("tanggal diterima"), null=True, blank=True)
    # The handling unit from the routing table (`AspirationRoute`); none: the area's officers and facilitators.
    responsible_organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("unit penanggung jawab"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="aspirations",
    )
    responsible_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("petugas penanggung jawab"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="aspirations_handled",
    )
    # Served only through a view that checks the aspiration's scope; never from MEDIA_URL.
    photo = models.ImageField(_("foto"), upload_to="participation/photos/%Y/%m/", blank=True)
    first_answered_on = models.DateField(_("tanggal tanggapan pertama"), null=True, blank=True, editable=False)
    moderation = models.CharField(
        _("moderasi"), max_length=10, choices=Moderation.choices, default=Moderation.SHOWN, editable=False
    )

    objects = AspirationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("aspirasi")
        verbose_name_plural = _("aspirasi")
        indexes = [models.Index(fields=["status", "deadline"], name="aspiration_status_deadline")]

    def __str__(self) -> str:
        return f"{self.number} — {self.get_category_display()}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today) -> bool:
        return self.status == AspirationStatus.RECEIVED and self.deadline is not None and self.deadline < today

    @property
    def answered_on_time(self) -> bool | None:
        if self.first_answered_on is None or self.deadline is None:
            return None
        return self.first_answered_on <= self.deadline


class AspirationAnswer(TimeStampedModel):
    """A dated answer from a handling unit, possibly moving the status on (a rejection always carries one)."""

    province_code = ProvinceCodeField()

    aspiration = models.ForeignKey(
        Aspiration, verbose_name=_("aspirasi"), on_delete=models.CASCADE, related_name="answers"
    )
    answered_on = models.DateField(_("tanggal"))
    text = models.TextField(_("jawaban"))
    status = models.CharField(_("status sesudahnya"), max_length=15, choices=AspirationStatus.choices)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dijawab oleh"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["answered_on", "pk"]
        verbose_name = _("jawaban aspirasi")
        verbose_name_plural = _("jawaban aspirasi")

    def __str__(self) -> str:
        return f"{self.aspiration.number}: {self.get_status_display()}"


class AbuseReport(TimeStampedModel):
    """A reader's "laporkan" on a public text: one per reader and aspiration."""

    province_code = ProvinceCodeField()

    aspiration = models.ForeignKey(
        Aspiration, verbose_name=_("aspirasi"), on_delete=models.CASCADE, related_name="abuse_reports"
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dilaporkan oleh"), on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("alasan"), max_length=200, blank=True)
    # Set when a handler reviews the text: reports before the review no longer count towards holding it.
    reviewed = models.BooleanField(_("sudah ditinjau"), default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("laporan penyalahgunaan")
        verbose_name_plural = _("laporan penyalahgunaan")
        constraints = [
            models.UniqueConstraint(fields=["aspiration", "reported_by"], name="one_abuse_report_per_reader")
        ]


class AspirationRoute(TimeStampedModel):
    """The routing table: which unit handles a category in an area (and within how many days it must answer).

    The most specific area containing the aspiration's RT wins; a row for one category beats a row for all
    categories (blank) at the same area. With no row, the city officers and facilitators assigned to the area
    handle it, within `DEFAULT_FOLLOW_UP_DAYS`.
    """

    category = models.CharField(
        _("kategori"), max_length=20, choices=AspirationCategory.choices, blank=True, help_text=_("Kosong: semua")
    )
    area = models.ForeignKey("areas.Area", verbose_name=_("wilayah"), on_delete=models.CASCADE, related_name="+")
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organisasi"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("petugas"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    follow_up_days = models.PositiveSmallIntegerField(_("batas tindak lanjut (hari)"), default=14)

    class Meta:
        ordering = ["area_code", "category"]
        verbose_name = _("penanggung jawab aspirasi")
        verbose_name_plural = _("penanggung jawab aspirasi")
        constraints = [
            models.UniqueConstraint(fields=["category", "area"], name="one_aspiration_route_per_category_area"),
            models.CheckConstraint(
                condition=models.Q(organization__isnull=False) | models.Q(officer__isnull=False),
                name="aspiration_route_names_a_unit",
            ),
            models.CheckConstraint(condition=models.Q(follow_up_days__gte=1), name="aspiration_route_days_positive"),
        ]

    def __str__(self) -> str:
        unit = self.organization or self.officer
        return f"{self.area} · {self.get_category_display() or _('semua kategori')} → {unit}"

    def save(self, *args, **kwargs):
        self.area_code = self.area.code
        super().save(*args, **kwargs)


class AspirationCounter(models.Model):
    """The last number given in a year: incremented in the database row by row, so numbers never repeat."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("penomoran aspirasi")

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"
