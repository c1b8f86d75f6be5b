"""Partnerships between a partner (bank, company, university, media) and a community organisation, and what the
community gave back to the partner (reciprocity).

Seed 002 (Kampung Sayur Cempako, Palembang): the community returns its partners' help by "branding" their names in
media coverage and in decorations made of recycled goods, and — for BRI — by residents opening BRI accounts and
local businesses taking KUR loans. What the partner gave is read from the records that already hold it (cash book
aid, CSR budget lines, programs, commitments: `gotong.collaboration.services.reciprocity`); only what came back is
recorded here, by the community's officers or the area's workers, never by the partner.

Who sees a partnership is `partnerships.view`: both sides' members (the partner's staff and the community's
people, through their memberships) and the area workers of the community's area.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gotong.core.dates import short_date
from gotong.core.fields import AreaCodeField
from gotong.core.models import TimeStampedModel
from gotong.core.province_code import ProvinceCodeField
from gotong.core.scoping import ScopedQuerySet, ScopeHooks
from gotong.organizations.models import Organization


class _TwoSidedQuerySet(ScopedQuerySet):
    """The scope hooks name the community side (its area and organisation: where the record is filed and who may
    record it); a member of the partner organisation sees the partnership too, for reading only."""

    partner_path: str

    def reached_by(self, user, capability: str, *, named_only: bool = False):
        from gotong.core.policy.decide import reaches

        scoped = super().reached_by(user, capability, named_only=named_only)
        reached = reaches(user, capability)
        if reached.everything or capability != self.scope_hooks.view_capability or not reached.organization_ids:
            return scoped
        return scoped | self.filter(**{f"{self.partner_path}__in": sorted(reached.organization_ids)})


class PartnershipQuerySet(_TwoSidedQuerySet):
    scope_hooks = ScopeHooks(module="partnerships", area="area_code", organization="community_id")
    partner_path = "partner_id"


class ReciprocityQuerySet(_TwoSidedQuerySet):
    scope_hooks = ScopeHooks(module="partnerships", area="area_code", organization="partnership__community_id")
    partner_path = "partnership__partner_id"


class ReciprocityKind(models.TextChoices):
    ACCOUNTS_OPENED = "rekening", _("Rekening dibuka di mitra")
    LOANS_TAKEN = "pinjaman", _("Pinjaman diambil dari mitra (mis. KUR)")
    EVENT_HOSTED = "acara", _("Acara atau kunjungan mitra diselenggarakan")
    PRODUCTS_SUPPLIED = "produk", _("Produk dipasok ke mitra")
    BRANDING = "promosi", _("Nama mitra dipromosikan (liputan media, dekorasi)")
    OTHER = "lainnya", _("Lainnya")


# Kinds whose count is a number of residents (each account or loan is a person's): published under the small-count
# rule to anyone who reads aggregates only.
PERSON_COUNTED_KINDS = frozenset({ReciprocityKind.ACCOUNTS_OPENED, ReciprocityKind.LOANS_TAKEN})


class Partnership(TimeStampedModel):
    province_code = ProvinceCodeField()
    partner = models.ForeignKey(
        Organization, verbose_name=_("mitra"), on_delete=models.PROTECT, related_name="partnerships_given"
    )
    community = models.ForeignKey(
        Organization, verbose_name=_("komunitas"), on_delete=models.PROTECT, related_name="partnerships_received"
    )
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)
    started_on = models.DateField(_("mulai bermitra"), null=True, blank=True)
    note = models.TextField(_("catatan"), blank=True)

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["partner__name", "community__name"]
        verbose_name = _("kemitraan")
        verbose_name_plural = _("kemitraan")
        constraints = [
            models.UniqueConstraint(fields=["partner", "community"], name="one_partnership_per_pair"),
            models.CheckConstraint(condition=~models.Q(partner=models.F("community")), name="partnership_two_sides"),
        ]

    def __str__(self) -> str:
        return f"{self.partner} – {self.community}"

    def save(self, *args, **kwargs):
        self.area_code = self.community.area_code
        super().save(*args, **kwargs)


class Reciprocity(TimeStampedModel):
    """One thing the community gave back: how many (accounts, loans, visitors…) and/or its value in rupiah."""

    province_code = ProvinceCodeField()

    partnership = models.ForeignKey(
        Partnership, verbose_name=_("kemitraan"), on_delete=models.PROTECT, related_name="reciprocities"
    )
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)
    occurred_on = models.DateField(_("tanggal"))
    kind = models.CharField(_("bentuk timbal balik"), max_length=20, choices=ReciprocityKind.choices)
    count = models.PositiveIntegerField(_("jumlah"), null=True, blank=True)
    value_rupiah = models.PositiveBigIntegerField(_("nilai (Rp)"), null=True, blank=True)
    description = models.CharField(_("uraian"), max_length=250)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ReciprocityQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_on", "-pk"]
        verbose_name = _("timbal balik")
        verbose_name_plural = _("timbal balik")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(count__isnull=False) | models.Q(value_rupiah__isnull=False),
                name="reciprocity_has_count_or_value",
            ),
            models.CheckConstraint(
                condition=models.Q(count__isnull=True) | models.Q(count__gt=0), name="reciprocity_count_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partnership}: {self.get_kind_display()} ({short_date(self.occurred_on)})"

    def save(self, *args, **kwargs):
        self.area_code = self.partnership.area_code
        super().save(*args, **kwargs)
