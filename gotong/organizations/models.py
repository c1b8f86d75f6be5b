"""Organisations that do the work together, and who belongs to them in which role."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gotong.areas.models import Area
from gotong.core.fields import AreaCodeField
from gotong.core.models import TimeStampedModel
from gotong.core.scoping import ScopedQuerySet, ScopeHooks
from gotong.organizations.choices import MemberRole, OrganizationKind


class OrganizationQuerySet(ScopedQuerySet):
    """Who sees an organisation is the `organizations.view` grant: area workers in their work areas, an officer the
    organisations they serve and the area those serve, every member (a plain anggota too) their own organisation."""

    scope_hooks = ScopeHooks(module="organizations", area="area_code", organization="pk")


class Organization(TimeStampedModel):
    name = models.CharField(_("nama"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=30, choices=OrganizationKind.choices)
    # Where it works: a city for a government unit, a village or RT for a posyandu.
    area = models.ForeignKey(Area, verbose_name=_("wilayah kerja"), on_delete=models.PROTECT, related_name="+")
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)
    parent = models.ForeignKey(
        "self", verbose_name=_("induk"), null=True, blank=True, on_delete=models.SET_NULL, related_name="units"
    )
    description = models.TextField(_("keterangan"), blank=True)
    address = models.CharField(_("alamat"), max_length=255, blank=True)
    phone = models.CharField(_("telepon"), max_length=30, blank=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisasi")
        verbose_name_plural = _("organisasi")
        constraints = [
            # "Posyandu Melati" and "posyandu melati" in one kelurahan are the same organisation registered twice.
            models.UniqueConstraint(
                Lower("name"),
                "area",
                name="organization_name_unique_in_area_ignoring_case",
                violation_error_message=_("Sudah ada organisasi dengan nama ini di wilayah tersebut."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.area_code = self.area.code
        super().save(*args, **kwargs)


class MembershipQuerySet(ScopedQuerySet):
    """A membership is seen with its organisation (`organizations.view`) and managed with it."""

    scope_hooks = ScopeHooks(module="organizations", area="organization__area_code", organization="organization_id")

    def active(self, on=None) -> "MembershipQuerySet":
        day = on or timezone.localdate()
        return self.filter(models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=day), started_on__lte=day)


class Membership(TimeStampedModel):
    """A person (from the registry) and/or a platform user belonging to an organisation in a role."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("organisasi"), on_delete=models.CASCADE, related_name="memberships"
    )
    person = models.ForeignKey(
        "registry.Person",
        verbose_name=_("penduduk"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    name = models.CharField(_("nama"), max_length=150, blank=True, help_text=_("Bila bukan penduduk terdaftar"))
    role = models.CharField(_("peran"), max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER)
    started_on = models.DateField(_("mulai"), default=timezone.localdate)
    ended_on = models.DateField(_("berakhir"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["organization", "role", "name"]
        verbose_name = _("keanggotaan")
        verbose_name_plural = _("keanggotaan")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=False) | models.Q(user__isnull=False) | ~models.Q(name=""),
                name="membership_names_someone",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=models.F("started_on")),
                name="membership_ends_after_start",
            ),
            # One open membership per person and per account in an organisation: a second would count them twice
            # and give an account two roles at once. A new role starts after the old membership is ended.
            models.UniqueConstraint(
                fields=["organization", "person"],
                condition=models.Q(ended_on__isnull=True),
                name="one_open_membership_per_person",
                violation_error_message=_("Orang ini sudah menjadi anggota aktif organisasi ini."),
            ),
            models.UniqueConstraint(
                fields=["organization", "user"],
                condition=models.Q(ended_on__isnull=True),
                name="one_open_membership_per_user",
                violation_error_message=_("Akun ini sudah menjadi anggota aktif organisasi ini."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.display_name} — {self.get_role_display()}, {self.organization}"

    @property
    def display_name(self) -> str:
        if self.person_id:
            return self.person.name
        if self.user_id:
            return self.user.get_full_name() or self.user.username
        return self.name


def _register_audit() -> None:
    from auditlog.registry import auditlog

    auditlog.register(Organization)
    auditlog.register(Membership)


_register_audit()
