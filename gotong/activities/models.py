"""Gotong royong: community work events, who came and for how long, what was given in kind, and the
value of the labour; the norms a community agreed on and the warnings given for breaking them.

Labour is valued at the city's minimum wage (UMK) per hour, times the hours worked. Which hour is a choice each
city makes with its UMK (`WageRate.labour_divisor`), because the law has two:
- 173: PP 35/2021 Pasal 32 ayat (2), "Upah sejam yaitu 1/173 kali Upah sebulan" — the basis of overtime pay for a
  full-time worker; the default, the lower (more cautious) value of an hour.
- 126: PP 36/2021 Pasal 16, "Upah per jam = Upah sebulan / 126" — the least hourly wage of part-time work, the
  closer kin of a few hours of gotong royong; an hour is worth 173/126 ≈ 1,37 times more.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gotong.areas.models import Area
from gotong.core.area_codes import VILLAGE, ancestor_codes, level_of
from gotong.core.area_codes import city_code as city_of
from gotong.core.dates import short_date
from gotong.core.fields import AreaCodeField
from gotong.core.models import AreaCodedModel, PublicIdModel, TimeStampedModel
from gotong.core.policy.decide import reaches
from gotong.core.province_code import ProvinceCodeField
from gotong.core.scoping import ScopedQuerySet, ScopeHooks, area_code_filter, member_organization_ids


class LabourDivisor(models.IntegerChoices):
    """UMK ÷ this = the value of one hour of labour (see the module docstring)."""

    OVERTIME_BASIS = 173, _("173 — upah sejam dasar lembur (PP 35/2021 Pasal 32 ayat 2)")
    PART_TIME = 126, _("126 — upah per jam kerja paruh waktu (PP 36/2021 Pasal 16)")


class CommunityQuerySet(ScopedQuerySet):
    """Events and norms, seen through `activities.view`: area workers by area, organisation officers by the area
    their organisation serves and its own records, any member the records of their organisation, and residents
    the events of their own RT and of the RW and village around it (`own_records`)."""

    scope_hooks = ScopeHooks(module="activities", area="area_code", organization="organization_id")

    def own_records(self, user) -> Q:
        """A resident's "own" events and norms: those of their RT and of the RW/village it lies in, not the city's."""
        home = user.person.household.area_code
        around = [code for code in [*ancestor_codes(home), home] if level_of(code) >= VILLAGE]
        return Q(area_code__in=around)


class EventKind(models.TextChoices):
    CLEAN_UP = "kerja_bakti", _("Kerja bakti kebersihan")
    NATIONAL_DAY = "hari_nasional", _("Peringatan hari nasional")
    PLANTING = "tanam", _("Menanam dan merawat tanaman")
    PLANTING_MEDIA = "media_tanam", _("Membuat media tanam / dekorasi barang bekas")
    BUILDING = "bangun", _("Membangun / memperbaiki sarana")
    OTHER = "lainnya", _("Lainnya")


class Event(PublicIdModel, AreaCodedModel):
    province_code = ProvinceCodeField()
    title = models.CharField(_("nama kegiatan"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=20, choices=EventKind.choices, default=EventKind.CLEAN_UP)
    held_on = models.DateField(_("tanggal"), db_index=True)
    start_time = models.TimeField(_("jam mulai"), null=True, blank=True)
    default_hours = models.DecimalField(
        _("lama kegiatan (jam)"),
        max_digits=4,
        decimal_places=1,
        default=2,
        help_text=_("Dipakai sebagai jam kerja setiap peserta yang dicentang; bisa diubah per orang."),
    )
    area = models.ForeignKey(Area, verbose_name=_("RT/RW/kelurahan"), on_delete=models.PROTECT, related_name="+")
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("penyelenggara"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="gotong_royong_events",
    )
    place = models.CharField(_("tempat"), max_length=200, blank=True)
    description = models.TextField(_("keterangan"), blank=True)
    guests = models.PositiveIntegerField(
        _("peserta tidak terdaftar"), default=0, help_text=_("Peserta yang tidak ada di registrasi (tamu, relawan).")
    )
    guest_hours = models.DecimalField(_("total jam peserta tidak terdaftar"), max_digits=7, decimal_places=1, default=0)

    objects = CommunityQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("kegiatan gotong royong")
        verbose_name_plural = _("kegiatan gotong royong")
        constraints = [
            models.CheckConstraint(
                condition=Q(default_hours__gt=0, default_hours__lte=24), name="event_hours_in_a_day"
            ),
            models.CheckConstraint(condition=Q(guest_hours__gte=0), name="event_guest_hours_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({short_date(self.held_on)})"

    @property
    def city_code(self) -> str:
        return city_of(self.area_code)


class Attendance(TimeStampedModel, AreaCodedModel):
    province_code = ProvinceCodeField()
    event = models.ForeignKey(Event, verbose_name=_("kegiatan"), on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(
        "registry.Person", verbose_name=_("penduduk"), on_delete=models.PROTECT, related_name="gotong_royong"
    )
    hours = models.DecimalField(_("jam kerja"), max_digits=4, decimal_places=1)

    class Meta:
        ordering = ["event", "person__name"]
        verbose_name = _("kehadiran gotong royong")
        verbose_name_plural = _("kehadiran gotong royong")
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="attendance_once_per_event"),
            models.CheckConstraint(condition=Q(hours__gt=0, hours__lte=24), name="attendance_hours_in_a_day"),
        ]

    def derive_area_code(self) -> str:
        return self.event.area_code


class Contribution(TimeStampedModel, AreaCodedModel):
    """Something given in kind: materials, food, tools lent, seedlings."""

    province_code = ProvinceCodeField()

    event = models.ForeignKey(Event, verbose_name=_("kegiatan"), on_delete=models.CASCADE, related_name="contributions")
    what = models.CharField(_("barang/jasa"), max_length=200)
    quantity = models.DecimalField(_("jumlah"), max_digits=10, decimal_places=2)
    unit = models.CharField(_("satuan"), max_length=30)
    estimated_value = models.BigIntegerField(_("perkiraan nilai (Rp)"))
    given_by = models.CharField(_("diberikan oleh"), max_length=200, blank=True)

    class Meta:
        ordering = ["event", "pk"]
        verbose_name = _("sumbangan natura")
        verbose_name_plural = _("sumbangan natura")
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="contribution_quantity_positive"),
            models.CheckConstraint(condition=Q(estimated_value__gte=0), name="contribution_value_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.what} {self.quantity} {self.unit}"

    def derive_area_code(self) -> str:
        return self.event.area_code


class WageRate(TimeStampedModel):
    """A city's minimum wage (UMK) for a year: the price of an hour of gotong royong labour."""

    city_code = models.CharField(_("kode kota"), max_length=5, help_text=_("Kode Kemendagri kab/kota, mis. 16.71"))
    year = models.PositiveSmallIntegerField(_("tahun"))
    monthly_wage = models.BigIntegerField(_("UMK per bulan (Rp)"))
    labour_divisor = models.PositiveSmallIntegerField(
        _("pembagi upah sejam"),
        choices=LabourDivisor.choices,
        default=LabourDivisor.OVERTIME_BASIS,
        help_text=_(
            "Nilai sejam gotong royong = UMK ÷ pembagi. 173: dasar upah lembur pekerja penuh waktu (PP 35/2021); "
            "126: upah per jam pekerja paruh waktu (PP 36/2021)."
        ),
    )
    source = models.CharField(_("sumber"), max_length=255, blank=True)
    verified = models.BooleanField(_("sudah diverifikasi dengan SK gubernur"), default=False)

    class Meta:
        ordering = ["city_code", "-year"]
        verbose_name = _("UMK")
        verbose_name_plural = _("UMK")
        constraints = [
            models.UniqueConstraint(fields=["city_code", "year"], name="wage_rate_once_per_city_year"),
            models.CheckConstraint(condition=Q(monthly_wage__gt=0), name="wage_rate_positive"),
            # The form and the service accept only the two divisors of `LabourDivisor`; the database only
            # refuses nonsense, so a divisor entered before the choice existed is kept, not lost.
            models.CheckConstraint(condition=Q(labour_divisor__gt=0), name="wage_rate_hours_positive"),
        ]

    def __str__(self) -> str:
        return f"UMK {self.city_code} {self.year}"


class Norm(TimeStampedModel, AreaCodedModel):
    """A rule the community agreed on, e.g. "dilarang membuang sampah sembarangan"."""

    province_code = ProvinceCodeField()

    text = models.TextField(_("isi norma"))
    agreed_on = models.DateField(_("tanggal disepakati"))
    area = models.ForeignKey(Area, verbose_name=_("RT/RW/kelurahan"), on_delete=models.PROTECT, related_name="+")
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("disepakati bersama"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="norms",
    )
    active = models.BooleanField(_("masih berlaku"), default=True)

    objects = CommunityQuerySet.as_manager()

    class Meta:
        ordering = ["-agreed_on", "pk"]
        verbose_name = _("norma")
        verbose_name_plural = _("norma")

    def __str__(self) -> str:
        return self.text if len(self.text) <= 60 else self.text[:57] + "…"


class WarningLevel(models.TextChoices):
    ORAL = "lisan", _("Teguran lisan")
    WRITTEN = "tertulis", _("Teguran tertulis")
    SANCTION = "sanksi", _("Sanksi")


class WarningQuerySet(ScopedQuerySet):
    """Warnings name a person: only the area workers of the norm's area and the officers (not a plain anggota) of
    the organisation that agreed the norm see them — not every organisation serving the area, not the neighbours.

    Built on the `activities.view` reach (its areas and organisations) without its org-area and "own" parts."""

    scope_hooks = ScopeHooks(module="activities", area="area_code", organization="norm__organization_id")

    def visible_to(self, user):
        reached = reaches(user, "activities.view")
        if reached.everything:
            return self
        officer_of = sorted(reached.organization_ids & set(member_organization_ids(user)))
        query = Q(norm__organization_id__in=officer_of)
        if reached.area_codes:
            query |= area_code_filter(sorted(reached.area_codes))
        return self.filter(query)


class NormWarning(PublicIdModel, AreaCodedModel):
    province_code = ProvinceCodeField()
    norm = models.ForeignKey(Norm, verbose_name=_("norma"), on_delete=models.PROTECT, related_name="warnings")
    person = models.ForeignKey(
        "registry.Person", verbose_name=_("penduduk"), on_delete=models.PROTECT, related_name="norm_warnings"
    )
    given_on = models.DateField(_("tanggal"))
    level = models.CharField(_("tingkat"), max_length=10, choices=WarningLevel.choices)
    note = models.TextField(_("catatan"), blank=True)

    objects = WarningQuerySet.as_manager()

    class Meta:
        ordering = ["-given_on", "-pk"]
        verbose_name = _("teguran")
        verbose_name_plural = _("teguran")

    def derive_area_code(self) -> str:
        return self.norm.area_code


class YearTally(models.Model):
    """One year of gotong royong in one event area (RT, RW or village): its events, unregistered guests,
    attendance rows and registered hours, recomputed (never incremented) from the live rows inside the transaction
    of every change (`gotong.activities.tallies`). A dashboard of a province sums a few thousand of these rows
    instead of joining a year of attendance."""

    province_code = ProvinceCodeField()
    area_code = AreaCodeField(_("kode wilayah kegiatan"), max_length=40)
    year = models.PositiveSmallIntegerField(_("tahun"))
    events = models.PositiveIntegerField(default=0)
    guests = models.PositiveIntegerField(default=0)
    attendances = models.PositiveIntegerField(default=0)
    hours = models.DecimalField(max_digits=14, decimal_places=1, default=0)

    class Meta:
        verbose_name = _("rekap gotong royong tahunan")
        verbose_name_plural = _("rekap gotong royong tahunan")
        # (year, code): one year of a province is one range of the index (codes compare bytewise, `AreaCodeField`).
        constraints = [models.UniqueConstraint(fields=["year", "area_code"], name="activity_year_tally_once")]

    def __str__(self) -> str:
        return f"{self.area_code} {self.year}"


class ParticipantTally(models.Model):
    """Residents who attended at least one gotong royong in a year, counted once each, by where they took part.

    `area_code` is the residents' own area (their registry copy) and keys the recomputation; `reach_code` is the
    deepest area holding both their home and an event they attended: a dashboard of area X counts a resident when
    X holds their home and one of their events, i.e. when X holds `reach_code`. `born` keeps the daily move of the
    adult cutoff exact: residents born in the year that turns 17 during `year` by birth date, everyone born earlier
    in one row dated the day before that year (adult all year), the younger ones not at all (never adult that year).
    The row of the area's own code and that earlier date is kept even at 0: the refresh locks it.
    """

    province_code = ProvinceCodeField()
    area_code = AreaCodeField(_("kode wilayah penduduk"), max_length=40)
    year = models.PositiveSmallIntegerField(_("tahun"))
    reach_code = AreaCodeField(_("kode wilayah ikut serta"), max_length=40)
    born = models.DateField(_("lahir"))
    persons = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("rekap peserta gotong royong")
        verbose_name_plural = _("rekap peserta gotong royong")
        constraints = [
            models.UniqueConstraint(
                fields=["area_code", "year", "reach_code", "born"], name="activity_participant_tally_once"
            )
        ]
        # The dashboard's sum reads this index alone on PostgreSQL (the included columns are ignored elsewhere).
        indexes = [
            models.Index(fields=["year", "reach_code"], include=["born", "persons"], name="participant_tally_reach_idx")
        ]

    def __str__(self) -> str:
        return f"{self.area_code} {self.year} {self.reach_code} {self.born}"


def _register_audit() -> None:
    from auditlog.registry import auditlog

    auditlog.register(Event)
    auditlog.register(Attendance)
    auditlog.register(Contribution)
    auditlog.register(WageRate)
    auditlog.register(Norm)
    # The note may describe the person's conduct: keep it out of the audit trail's readable diff.
    auditlog.register(NormWarning, mask_fields=["note"])


_register_audit()
