"""Planning together: a round (the RW's RPLP priorities, a kelurahan's musrenbang), its proposals and residents'
support for them.

Anchors: the KOTAKU *rembug warga* where residents agree the neighbourhood plan (RPLP, seed 004: the action plan is
"a short-term tactical planning document" discussed face to face), the musrenbang kelurahan of
Permendagri 86/2017, and Decidim's participatory processes (proposals, supports, results carried into
accountability).

Voting rule (documented choice): **one person, one support per proposal**, any number of proposals per round
(approval voting, Decidim's default "supports"). A rembug ranks the needs by how many residents back each; a cap per
round would make residents trade one shared need against another. A support belongs to a registry `Person` (not an
account: two accounts of one person, or an RT head supporting on a resident's behalf, still count once), enforced by
the unique constraint below, so concurrent submits cannot count twice on any database.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gotong.core.fields import AreaCodeField
from gotong.core.models import AreaCodedModel, PublicIdModel
from gotong.core.province_code import ProvinceCodeField
from gotong.core.scoping import ScopedQuerySet, ScopeHooks


class RoundKind(models.TextChoices):
    RPLP = "rplp", _("RPLP (rencana penataan lingkungan permukiman)")
    MUSRENBANG = "musrenbang", _("Musrenbang kelurahan")
    REMBUG = "rembug", _("Rembug warga lainnya")


class PlanningQuerySet(ScopedQuerySet):
    """Seen by the workers of the area (and of a village inside a kelurahan-wide round), and by the residents who
    live inside the round's area (`residents`): they take part in it. Support counts, never supporters' names."""

    scope_hooks = ScopeHooks(module="participation", ancestors=True, residents=True)


class PlanningRound(AreaCodedModel, PublicIdModel):
    province_code = ProvinceCodeField()
    title = models.CharField(_("judul"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=20, choices=RoundKind.choices, default=RoundKind.RPLP)
    area = models.ForeignKey(
        "areas.Area", verbose_name=_("wilayah (RW atau kelurahan)"), on_delete=models.PROTECT, related_name="+"
    )
    description = models.TextField(_("keterangan"), blank=True)
    opens_on = models.DateField(_("dibuka"))
    closes_on = models.DateField(_("jadwal ditutup"))
    # Set when the facilitator closes the round (on or before `closes_on`): supports stop, choosing starts.
    closed_on = models.DateField(_("ditutup pada"), null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dibuka oleh"), on_delete=models.PROTECT, related_name="+"
    )

    objects = PlanningQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_on", "-pk"]
        verbose_name = _("putaran perencanaan")
        verbose_name_plural = _("putaran perencanaan")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")), name="planning_round_dates_order"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def accepts_support_on(self, day) -> bool:
        return self.closed_on is None and self.opens_on <= day <= self.closes_on

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None


class ProposalSource(models.TextChoices):
    RESIDENT = "resident", _("Warga")
    FORUM = "forum", _("Forum/pertemuan")
    ASPIRATION = "aspiration", _("Aspirasi warga")


class ProposalStatus(models.TextChoices):
    PROPOSED = "proposed", _("Diusulkan")
    CHOSEN = "chosen", _("Terpilih")
    NOT_CHOSEN = "not_chosen", _("Tidak terpilih")


class Proposal(AreaCodedModel, PublicIdModel):
    province_code = ProvinceCodeField()
    round = models.ForeignKey(
        PlanningRound, verbose_name=_("putaran"), on_delete=models.CASCADE, related_name="proposals"
    )
    title = models.CharField(_("usulan"), max_length=200)
    description = models.TextField(_("uraian"), blank=True)
    source = models.CharField(_("asal usulan"), max_length=20, choices=ProposalSource.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.PROPOSED
    )
    aspiration = models.ForeignKey(
        "participation.Aspiration",
        verbose_name=_("aspirasi asal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    meeting = models.ForeignKey(
        "collaboration.Meeting",
        verbose_name=_("pertemuan asal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("diusulkan oleh"), on_delete=models.PROTECT, related_name="+"
    )
    # What a chosen proposal became in the collaboration module: the chain aspiration → proposal → project.
    activity = models.ForeignKey(
        "collaboration.Activity",
        verbose_name=_("aktivitas rencana tindak"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    project = models.ForeignKey(
        "collaboration.Project",
        verbose_name=_("kegiatan fisik"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )

    objects = PlanningQuerySet.as_manager()

    class Meta:
        ordering = ["round", "pk"]
        verbose_name = _("usulan")
        verbose_name_plural = _("usulan")
        constraints = [
            # An aspiration becomes a proposal once per round: "jadikan usulan" twice must not split its support.
            models.UniqueConstraint(
                fields=["round", "aspiration"],
                condition=models.Q(aspiration__isnull=False),
                name="proposal_aspiration_once_per_round",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def derive_area_code(self) -> str:
        return self.round.area_code


class Support(models.Model):
    """One registry person's support for one proposal. Secret to other residents: pages show counts only."""

    province_code = ProvinceCodeField()

    proposal = models.ForeignKey(Proposal, verbose_name=_("usulan"), on_delete=models.CASCADE, related_name="supports")
    person = models.ForeignKey(
        "registry.Person", verbose_name=_("warga"), on_delete=models.CASCADE, related_name="proposal_supports"
    )
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)
    # The account that submitted it; the support stays the person's when that account is closed.
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        ordering = ["proposal", "pk"]
        verbose_name = _("dukungan usulan")
        verbose_name_plural = _("dukungan usulan")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "person"], name="support_once_per_person"),
        ]

    def __str__(self) -> str:
        return f"{self.proposal_id}:{self.person_id}"
