"""A case: one household (or one person in it) accompanied under a program by a responsible worker and a team."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gotong.core.listing import search_text
from gotong.core.models import AreaCodedModel, PublicIdModel
from gotong.core.province_code import ProvinceCodeField, ProvinceLink
from gotong.core.scoping import ScopedQuerySet, ScopeHooks


class Program(models.TextChoices):
    PKH = "pkh", _("PKH (Program Keluarga Harapan)")
    TB = "tb", _("Pendampingan pengobatan TBC")
    DISABILITY = "disability", _("Disabilitas")
    ELDERLY = "elderly", _("Lanjut usia")
    CHILD = "child", _("Perlindungan anak")
    OTHER = "other", _("Lainnya")


class CloseReason(models.TextChoices):
    GOAL_MET = "goal_met", _("Tujuan tercapai / sembuh")
    GRADUATED = "graduated", _("Graduasi (mandiri)")
    MOVED = "moved", _("Pindah domisili")
    DIED = "died", _("Meninggal dunia")
    REFUSED = "refused", _("Menolak didampingi")
    TRANSFERRED = "transferred", _("Dialihkan ke layanan lain")
    OTHER = "other", _("Lainnya")


class CaseQuerySet(ScopedQuerySet):
    """Who sees a case is the `casework.view` grant (`gotong.core.policy.grants`):

    - the case team: the responsible worker, the helpers and the supervisor named on the case;
    - city officers: every case inside their work areas (they supervise the city's workers);
    - the running organisation's ketua, pengelola and staf: the cases their organisation runs (e.g. Tuah TB);
    - partners and residents: none.
    Health details are a further step: `casework.see_health`, the team only (not even admins).
    """

    scope_hooks = ScopeHooks(module="casework", area="area_code", organization="organization_id", team="")

    def open(self) -> "CaseQuerySet":
        return self.filter(closed_on__isnull=True)

    def search(self, text: str) -> "CaseQuerySet":
        """Find by the name or NIK (its first digits) of the person accompanied or of anyone in the household."""
        return search_text(
            self,
            text,
            contains=("person__name", "household__members__name"),
            number_prefix=("person__nik", "household__members__nik"),
        )

    def with_subject_names(self) -> "CaseQuerySet":
        """The household head's name beside each case, so `subject_name` of a whole-household case (PKH) needs no
        query per case; a subquery the database runs for the rows fetched only (one page)."""
        from gotong.registry.models import annotate_household_head

        return annotate_household_head(self)


class Case(PublicIdModel, AreaCodedModel):
    province_code = ProvinceCodeField()
    program = models.CharField(_("program"), max_length=20, choices=Program.choices)
    household = models.ForeignKey(
        "registry.Household", verbose_name=_("rumah tangga"), on_delete=models.PROTECT, related_name="cases"
    )
    # Empty when the case is about the whole household (e.g. PKH); set for one patient (TB) or one person.
    person = models.ForeignKey(
        "registry.Person",
        verbose_name=_("penerima manfaat"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("lembaga pendamping"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
        help_text=_("Lembaga yang menjalankan pendampingan; bantuan uang dicatat di buku kasnya."),
    )
    summary = models.CharField(_("ringkasan masalah"), max_length=255)
    # Health data: shown only to the case team, masked in the audit trail.
    health_condition = models.TextField(_("kondisi kesehatan"), blank=True)
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("pendamping utama"), on_delete=models.PROTECT, related_name="+"
    )
    team = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tim pendamping"),
        blank=True,
        related_name="casework_teams",
        through="CaseTeamMember",
    )
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("supervisor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    opened_on = models.DateField(_("tanggal dibuka"))
    opened_reason = models.TextField(_("alasan dibuka"))
    closed_on = models.DateField(_("tanggal ditutup"), null=True, blank=True)
    close_reason = models.CharField(_("alasan ditutup"), max_length=20, choices=CloseReason.choices, blank=True)
    close_note = models.TextField(_("catatan penutupan"), blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_on", "pk"]
        verbose_name = _("kasus")
        verbose_name_plural = _("kasus")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closed_on__isnull=True) | models.Q(closed_on__gte=models.F("opened_on")),
                name="casework_case_closed_after_opened",
            ),
            # Closed ⇔ a reason is given.
            models.CheckConstraint(
                condition=(models.Q(closed_on__isnull=True) & models.Q(close_reason=""))
                | (models.Q(closed_on__isnull=False) & ~models.Q(close_reason="")),
                name="casework_case_close_reason_iff_closed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_program_display()}: {self.subject_name}"

    def derive_area_code(self) -> str:
        return self.household.area_code

    @property
    def subject_name(self) -> str:
        if self.person_id:
            return self.person.name
        if hasattr(self, "head_name"):  # read in bulk by `with_subject_names`
            return self.head_name or self.household.address
        return str(self.household)

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    @property
    def is_tb(self) -> bool:
        return self.program == Program.TB

    def team_ids(self) -> set[int]:
        ids = {self.worker_id, *self.team.values_list("pk", flat=True)}
        if self.supervisor_id:
            ids.add(self.supervisor_id)
        return ids


class CaseTeamMember(ProvinceLink):
    """One helper on a case's team: the `team` link table, carrying the case's province (Citus)."""

    province_code = ProvinceCodeField()
    case = models.ForeignKey(Case, verbose_name=_("kasus"), on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("pendamping"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        db_table = "casework_case_team"  # the table Django made; a model since migration 0009
        unique_together = [("case", "user")]
        verbose_name = _("tim pendamping")
        verbose_name_plural = _("tim pendamping")
