"""Posyandu child growth: the children a posyandu follows, its monthly sessions (hari buka) and the weighings.

Health data are personal data. Who sees them is the access policy's `posyandu.view` grant, applied by the scoped
querysets here (`gotong.core.scoping.ScopedQuerySet`): the posyandu's officers (ketua, kader, …) see their
posyandu's records; city officers and facilitators those of posyandu inside their work areas; residents their own
household's children; partners nothing.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gotong.core.dates import month_year, short_date
from gotong.core.fields import AreaCodeField
from gotong.core.models import PublicIdModel, TimeStampedModel
from gotong.core.province_code import ProvinceCodeField
from gotong.core.scoping import ScopedQuerySet, ScopeHooks


class ChildQuerySet(ScopedQuerySet):
    # A resident's own: the children of their household.
    scope_hooks = ScopeHooks(
        module="posyandu", organization="posyandu_id", person="person_id", household="person__household_id"
    )

    def current(self, on) -> "ChildQuerySet":
        """Under-fives (0–59 months) still followed on `on`."""
        from gotong.posyandu.dates import five_years_before

        return self.filter(
            models.Q(left_on__isnull=True) | models.Q(left_on__gt=on),
            person__birth_date__lte=on,
            person__birth_date__gt=five_years_before(on),
            registered_on__lte=on,
        )


class Child(PublicIdModel):
    province_code = ProvinceCodeField()
    posyandu = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("posyandu"),
        on_delete=models.PROTECT,
        related_name="posyandu_children",
        limit_choices_to={"kind": "posyandu"},
    )
    person = models.OneToOneField(
        "registry.Person", verbose_name=_("anak"), on_delete=models.PROTECT, related_name="posyandu_child"
    )
    mother = models.ForeignKey(
        "registry.Person",
        verbose_name=_("ibu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="posyandu_children_as_mother",
    )
    birth_weight_kg = models.DecimalField(_("berat lahir (kg)"), max_digits=4, decimal_places=2, null=True, blank=True)
    registered_on = models.DateField(_("terdaftar sejak"))
    left_on = models.DateField(_("keluar/pindah"), null=True, blank=True)
    # The posyandu's area: officers and facilitators whose area covers the posyandu see its children.
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)

    objects = ChildQuerySet.as_manager()

    class Meta:
        ordering = ["person__name"]
        verbose_name = _("balita")
        verbose_name_plural = _("balita")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(birth_weight_kg__isnull=True) | models.Q(birth_weight_kg__range=(0.3, 7)),
                name="posyandu_child_birth_weight_plausible",
            ),
            models.CheckConstraint(
                condition=models.Q(left_on__isnull=True) | models.Q(left_on__gte=models.F("registered_on")),
                name="posyandu_child_leaves_after_registering",
            ),
        ]

    def __str__(self) -> str:
        return self.person.name

    def save(self, *args, **kwargs):
        self.area_code = self.posyandu.area_code
        super().save(*args, **kwargs)

    @property
    def sex_code(self) -> str:
        """WHO's M/F from the registry's L/P."""
        return "M" if self.person.sex == "L" else "F"


class SessionQuerySet(ScopedQuerySet):
    scope_hooks = ScopeHooks(module="posyandu", organization="posyandu_id")

    def own_records(self, user) -> models.Q:
        """A resident's own sessions: the opening days of the posyandu that follow their household's children."""
        own = Child.objects.filter(person__household_id=user.person.household_id).values("posyandu_id")
        return models.Q(posyandu_id__in=own)


class Session(TimeStampedModel):
    """One monthly opening day (hari buka) of a posyandu."""

    province_code = ProvinceCodeField()

    posyandu = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("posyandu"),
        on_delete=models.PROTECT,
        related_name="posyandu_sessions",
        limit_choices_to={"kind": "posyandu"},
    )
    held_on = models.DateField(_("tanggal hari buka"))
    month = models.DateField(_("bulan"), editable=False)  # the first day of held_on's month
    place = models.CharField(_("tempat"), max_length=200, blank=True)
    notes = models.TextField(_("catatan"), blank=True)
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on"]
        verbose_name = _("hari buka posyandu")
        verbose_name_plural = _("hari buka posyandu")
        constraints = [models.UniqueConstraint(fields=["posyandu", "month"], name="posyandu_one_session_a_month")]

    def __str__(self) -> str:
        return f"{self.posyandu} {short_date(self.held_on)}"

    def save(self, *args, **kwargs):
        self.month = self.held_on.replace(day=1)
        self.area_code = self.posyandu.area_code
        super().save(*args, **kwargs)


class Measure(models.TextChoices):
    LYING = "lying", _("Telentang (panjang badan)")
    STANDING = "standing", _("Berdiri (tinggi badan)")


class Trend(models.TextChoices):
    UP = "N", _("Naik (N)")
    NOT_UP = "T", _("Tidak naik (T)")
    NOT_LAST_MONTH = "O", _("Bulan lalu tidak ditimbang (O)")
    NEW = "B", _("Baru pertama ditimbang (B)")


class WeighingQuerySet(ScopedQuerySet):
    scope_hooks = ScopeHooks(
        module="posyandu",
        organization="child__posyandu_id",
        person="child__person_id",
        household="child__person__household_id",
    )


class Weighing(TimeStampedModel):
    province_code = ProvinceCodeField()
    child = models.ForeignKey(Child, verbose_name=_("balita"), on_delete=models.CASCADE, related_name="weighings")
    session = models.ForeignKey(
        Session, verbose_name=_("hari buka"), on_delete=models.PROTECT, related_name="weighings"
    )
    month = models.DateField(_("bulan"), editable=False)
    measured_on = models.DateField(_("tanggal ukur"))
    age_days = models.PositiveIntegerField(_("umur (hari)"), editable=False)
    weight_kg = models.DecimalField(_("berat badan (kg)"), max_digits=4, decimal_places=2)
    length_cm = models.DecimalField(
        _("panjang/tinggi badan (cm)"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    measure = models.CharField(_("cara ukur"), max_length=10, choices=Measure.choices, blank=True)
    muac_cm = models.DecimalField(_("LiLA (cm)"), max_digits=3, decimal_places=1, null=True, blank=True)
    oedema = models.BooleanField(_("edema (bengkak kedua punggung kaki)"), default=False)
    growth_card = models.BooleanField(_("membawa KMS/buku KIA"), default=True)
    # Derived by services.record_weighing from growth.compute and kbm.trend; never typed in.
    waz = models.DecimalField(_("BB/U (z)"), max_digits=4, decimal_places=2, null=True, editable=False)
    haz = models.DecimalField(_("PB/U atau TB/U (z)"), max_digits=4, decimal_places=2, null=True, editable=False)
    whz = models.DecimalField(_("BB/PB atau BB/TB (z)"), max_digits=4, decimal_places=2, null=True, editable=False)
    baz = models.DecimalField(_("IMT/U (z)"), max_digits=4, decimal_places=2, null=True, editable=False)
    waz_class = models.CharField(max_length=30, blank=True, editable=False)
    haz_class = models.CharField(max_length=30, blank=True, editable=False)
    whz_class = models.CharField(max_length=30, blank=True, editable=False)
    baz_class = models.CharField(max_length=30, blank=True, editable=False)
    reasons = models.JSONField(default=dict, blank=True, editable=False)  # indicator → why no score
    trend = models.CharField(_("naik/tidak"), max_length=1, choices=Trend.choices, editable=False)
    two_t = models.BooleanField(_("2T"), default=False, editable=False)
    bgm = models.BooleanField(_("di bawah garis merah"), default=False, editable=False)
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)

    objects = WeighingQuerySet.as_manager()

    class Meta:
        ordering = ["child", "month"]
        verbose_name = _("penimbangan")
        verbose_name_plural = _("penimbangan")
        constraints = [
            models.UniqueConstraint(fields=["child", "month"], name="posyandu_one_weighing_a_month"),
            models.CheckConstraint(condition=models.Q(weight_kg__gt=0), name="posyandu_weight_positive"),
            models.CheckConstraint(
                condition=models.Q(length_cm__isnull=True) | models.Q(length_cm__range=(30, 140)),
                name="posyandu_length_range",
            ),
            models.CheckConstraint(
                condition=models.Q(muac_cm__isnull=True) | models.Q(muac_cm__range=(5, 30)),
                name="posyandu_muac_range",
            ),
            models.CheckConstraint(condition=~models.Q(two_t=True) | models.Q(trend="T"), name="posyandu_2t_is_t"),
        ]

    def __str__(self) -> str:
        return f"{self.child} {month_year(self.month)}"

    def save(self, *args, **kwargs):
        self.month = self.session.month
        self.area_code = self.session.area_code
        super().save(*args, **kwargs)

    @property
    def age_months(self) -> int:
        from gotong.posyandu.growth import age_in_months

        return age_in_months(self.age_days)

    @property
    def needs_referral(self) -> bool:
        """The KMS rule: refer a child who did not gain (T, 2T) or is below the red line."""
        return self.trend == Trend.NOT_UP or self.bgm


class MonthTallyQuerySet(ScopedQuerySet):
    # Whole posyandu only (no person or household hook): a resident's view of their own children is never a tally.
    scope_hooks = ScopeHooks(module="posyandu", organization="posyandu_id")


class MonthTally(models.Model):
    """The SKDN counts of one posyandu in one month, as `gotong.posyandu.skdn` defines them, kept exact.

    One row per posyandu and month from the month its first child was registered through the current month
    (`gotong.posyandu.tallies`); dashboards, the portal and the SKDN report read these rows instead of counting
    a city's weighings on every request. Recomputed, never incremented, in the transaction of every change.
    """

    province_code = ProvinceCodeField()

    # No index of its own: the unique (posyandu, month) constraint's index serves look-ups by posyandu.
    posyandu = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to={"kind": "posyandu"},
        db_index=False,
    )
    month = models.DateField(_("bulan"))
    area_code = AreaCodeField(_("kode wilayah"), max_length=40)
    s = models.PositiveIntegerField(default=0)
    k = models.PositiveIntegerField(default=0)
    d = models.PositiveIntegerField(default=0)
    n = models.PositiveIntegerField(default=0)
    t = models.PositiveIntegerField(default=0)
    t2 = models.PositiveIntegerField(default=0)
    o = models.PositiveIntegerField(default=0)
    b = models.PositiveIntegerField(default=0)
    bgm = models.PositiveIntegerField(default=0)
    # Children weighed with a length/height-for-age z-score, and those of them below −2 (stunted).
    scored = models.PositiveIntegerField(default=0)
    stunted = models.PositiveIntegerField(default=0)

    objects = MonthTallyQuerySet.as_manager()

    class Meta:
        verbose_name = _("rekap SKDN bulanan")
        verbose_name_plural = _("rekap SKDN bulanan")
        constraints = [models.UniqueConstraint(fields=["posyandu", "month"], name="posyandu_one_tally_a_month")]
        indexes = [
            models.Index(
                fields=["area_code", "month"],
                name="posyandu_tally_area_month_idx",
                opclasses=["varchar_pattern_ops", ""],
            )
        ]

    def __str__(self) -> str:
        return f"{self.posyandu_id} {month_year(self.month)}"


def _register_audit() -> None:
    from auditlog.registry import auditlog

    auditlog.register(Child)
    auditlog.register(Session)
    auditlog.register(Weighing)


_register_audit()
from gotong.posyandu.models.immunisation import Immunisation, ImmunisationPlace, Vaccine  # noqa: E402, F401
from gotong.posyandu.models.pregnancy import AncVisit, Outcome, Pregnancy, VisitPlace  # noqa: E402,F401
from gotong.posyandu.models.services import Capsule, DayVisit, Deworming, Feeding, FeedingKind, VitaminADose  # noqa: E402, F401
