"""Pre-aggregated registry counts, one row per smallest area a household points to (an RT, else the village).

A city dashboard sums a few hundred of these rows instead of counting millions of persons. The rows are
recomputed, never incremented, for every area a change touches, inside the transaction of that change
(`gotong.dashboards.aggregates`), so they stay exactly equal to the live counts (`gotong dashboards check`).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gotong.areas.models import Area, Level
from gotong.core.fields import AreaCodeField
from gotong.core.province_code import ProvinceCodeField
from gotong.core.scoping import ScopedQuerySet, ScopeHooks

DECILE_FIELDS = tuple(f"decile_{d}" for d in range(1, 11))


class AreaTallyQuerySet(ScopedQuerySet):
    """Counts of registry rows, scoped by the registry's own grant (`registry.view`, prefix match on the area code):
    a number on the dashboard is the households its link then lists.

    A resident's own household is not an area: residents (and partners) get no tallies.
    """

    scope_hooks = ScopeHooks(module="registry")


class DashboardAreaQuerySet(ScopedQuerySet):
    """Areas holding part of what the `dashboards.view` grant reaches (a facilitator opens their city, seeing their
    part of it); a grant of figures only (partners' aggregates, residents) opens the public areas, the cities and
    villages, whose page shows the public figures."""

    scope_hooks = ScopeHooks(module="dashboards", area="code", ancestors=True)

    def visible_to(self, user):
        from gotong.core.policy.decide import reaches

        reached = reaches(user, "dashboards.view")
        scoped = super().visible_to(user)
        if reached.everything or not (reached.aggregate or reached.own):
            return scoped
        return scoped | self.filter(level__in=PUBLIC_LEVELS)


PUBLIC_LEVELS = (Level.REGENCY, Level.VILLAGE)


class DashboardArea(Area):
    """An area as the dashboard opens it: the record behind `/dasbor/<code>/`, its PDF and its map."""

    objects = DashboardAreaQuerySet.as_manager()

    class Meta:
        proxy = True
        verbose_name = _("dasbor wilayah")
        verbose_name_plural = _("dasbor wilayah")


class AreaTally(models.Model):
    province_code = ProvinceCodeField()
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, unique=True)
    households = models.PositiveIntegerField(default=0)
    pkh = models.PositiveIntegerField(default=0)
    bpnt = models.PositiveIntegerField(default=0)
    decile_1 = models.PositiveIntegerField(default=0)
    decile_2 = models.PositiveIntegerField(default=0)
    decile_3 = models.PositiveIntegerField(default=0)
    decile_4 = models.PositiveIntegerField(default=0)
    decile_5 = models.PositiveIntegerField(default=0)
    decile_6 = models.PositiveIntegerField(default=0)
    decile_7 = models.PositiveIntegerField(default=0)
    decile_8 = models.PositiveIntegerField(default=0)
    decile_9 = models.PositiveIntegerField(default=0)
    decile_10 = models.PositiveIntegerField(default=0)
    persons = models.PositiveIntegerField(default=0)
    female = models.PositiveIntegerField(default=0)
    with_disability = models.PositiveIntegerField(default=0)
    # Adults (17+, the KTP age) without scanning persons: those born before `adult_year` (= this year − 17, when
    # counted), plus those born in `adult_year` by their birthdays (`AreaBirths`). Rows counted in an earlier
    # year are still read exactly (from the birth years and the registry) until the next rebuild.
    adult_year = models.PositiveSmallIntegerField(default=0)
    born_before_adult_year = models.PositiveIntegerField(default=0)

    objects = AreaTallyQuerySet.as_manager()

    class Meta:
        verbose_name = _("rekap wilayah")
        verbose_name_plural = _("rekap wilayah")
        indexes = [models.Index(fields=["area_code"], name="tally_code_pattern_idx", opclasses=["varchar_pattern_ops"])]

    def __str__(self) -> str:
        return self.area_code


class AreaBirths(models.Model):
    """Persons per birth year of one tally area, kept apart so the summed counts table stays narrow."""

    province_code = ProvinceCodeField()

    area_code = AreaCodeField(_("kode wilayah"), max_length=40, unique=True)
    # {"1987": 12, …}: age groups stay exact as the years pass.
    birth_years = models.JSONField(default=dict)
    # Persons born in the tally's `adult_year`, by birthday: {"0315": 2, …}.
    adult_year_birthdays = models.JSONField(default=dict)

    objects = AreaTallyQuerySet.as_manager()

    class Meta:
        verbose_name = _("rekap tahun lahir")
        verbose_name_plural = _("rekap tahun lahir")

    def __str__(self) -> str:
        return self.area_code
