"""Forums and their meetings: who was invited and came, the agenda, the minutes and the decisions taken.

Face-to-face dialogue is where collaboration starts (Ansell & Gash); the seed's Kampung Bugis actors meet in
forums "secara rutin dan insidental", so a forum is either routine or incidental.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gotong.areas.models import Area
from gotong.collaboration.models.agreements import Commitment, PlaceScopedQuerySet
from gotong.core.dates import short_date
from gotong.core.fields import AreaCodeField
from gotong.core.models import TimeStampedModel
from gotong.core.province_code import ProvinceCodeField, ProvinceLink
from gotong.organizations.models import Organization


class ForumKind(models.TextChoices):
    ROUTINE = "routine", _("Rutin")
    INCIDENTAL = "incidental", _("Insidental")


class Forum(TimeStampedModel):
    province_code = ProvinceCodeField()
    name = models.CharField(_("nama forum"), max_length=200)
    kind = models.CharField(_("sifat"), max_length=20, choices=ForumKind.choices, default=ForumKind.ROUTINE)
    area = models.ForeignKey(Area, verbose_name=_("wilayah"), on_delete=models.PROTECT, related_name="+")
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)
    convener = models.ForeignKey(
        Organization,
        verbose_name=_("penyelenggara"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="convened_forums",
    )
    members = models.ManyToManyField(
        Organization, verbose_name=_("anggota forum"), blank=True, related_name="forums", through="ForumMember"
    )
    description = models.TextField(_("keterangan"), blank=True)
    # The meetings a routine forum plans a year (12: monthly): what "meetings held vs planned" is measured against.
    meetings_per_year = models.PositiveSmallIntegerField(
        _("rencana pertemuan per tahun"),
        null=True,
        blank=True,
        help_text=_("Untuk forum rutin, mis. 12 bila bertemu tiap bulan."),
    )

    objects = PlaceScopedQuerySet.as_manager()

    class Meta:
        ordering = ["area_code", "name"]
        verbose_name = _("forum")
        verbose_name_plural = _("forum")
        constraints = [
            models.UniqueConstraint(fields=["name", "area"], name="unique_forum_name_in_area"),
            models.CheckConstraint(
                condition=models.Q(meetings_per_year__isnull=True) | models.Q(meetings_per_year__lte=366),
                name="forum_meetings_per_year_sane",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.area_code = self.area.code
        super().save(*args, **kwargs)


class ForumMember(ProvinceLink):
    """One member organisation of a forum: the `members` link table, carrying the forum's province (Citus)."""

    province_code = ProvinceCodeField()
    forum = models.ForeignKey(Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="+")
    organization = models.ForeignKey(
        Organization, verbose_name=_("organisasi"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        db_table = "collaboration_forum_members"  # the table Django made; a model since migration 0011
        unique_together = [("forum", "organization")]
        verbose_name = _("anggota forum")
        verbose_name_plural = _("anggota forum")


class Meeting(TimeStampedModel):
    province_code = ProvinceCodeField()
    forum = models.ForeignKey(Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="meetings")
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)
    held_on = models.DateField(_("tanggal"))
    place = models.CharField(_("tempat"), max_length=200)
    agenda = models.TextField(_("agenda"))
    minutes = models.TextField(_("notulen"), blank=True)
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
        ordering = ["-held_on", "-pk"]
        verbose_name = _("pertemuan")
        verbose_name_plural = _("pertemuan")

    def __str__(self) -> str:
        return f"{self.forum} {short_date(self.held_on)}"

    def save(self, *args, **kwargs):
        self.area_code = self.forum.area_code
        super().save(*args, **kwargs)


class Participant(models.Model):
    """An invited organisation, or a person (from the registry, or a free name) possibly for an organisation.

    `attended` is None until attendance is taken, then True (hadir) or False (tidak hadir).
    """

    province_code = ProvinceCodeField()

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("pertemuan"), on_delete=models.CASCADE, related_name="participants"
    )
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)
    organization = models.ForeignKey(
        Organization, verbose_name=_("organisasi"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        "registry.Person", verbose_name=_("penduduk"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("nama"), max_length=150, blank=True)
    attended = models.BooleanField(_("hadir"), null=True, blank=True)

    objects = PlaceScopedQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "organization__name", "name", "pk"]
        verbose_name = _("peserta")
        verbose_name_plural = _("peserta")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organization__isnull=False) | models.Q(person__isnull=False) | ~models.Q(name=""),
                name="participant_is_someone",
            ),
            models.UniqueConstraint(
                fields=["meeting", "organization"],
                condition=models.Q(person__isnull=True, name=""),
                name="organization_invited_once_per_meeting",
            ),
            models.UniqueConstraint(
                fields=["meeting", "person"], condition=models.Q(person__isnull=False), name="person_once_per_meeting"
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    def save(self, *args, **kwargs):
        self.area_code = self.meeting.area_code
        super().save(*args, **kwargs)

    @property
    def display_name(self) -> str:
        who = self.person.name if self.person_id else self.name
        if who and self.organization_id:
            return f"{who} ({self.organization.name})"
        return who or self.organization.name


class Decision(TimeStampedModel):
    province_code = ProvinceCodeField()
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("pertemuan"), on_delete=models.CASCADE, related_name="decisions"
    )
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)
    text = models.TextField(_("keputusan"))
    owner = models.ForeignKey(
        Organization,
        verbose_name=_("penanggung jawab"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    due_on = models.DateField(_("tenggat"), null=True, blank=True)
    commitment = models.OneToOneField(
        Commitment,
        verbose_name=_("komitmen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decision",
    )

    objects = PlaceScopedQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "pk"]
        verbose_name = _("keputusan")
        verbose_name_plural = _("keputusan")

    def __str__(self) -> str:
        return self.text[:80]

    def save(self, *args, **kwargs):
        self.area_code = self.meeting.area_code
        super().save(*args, **kwargs)
