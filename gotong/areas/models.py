"""The Kemendagri hierarchy (provinsi → kab/kota → kecamatan → kelurahan/desa) plus RW and RT.

Every unit has a dotted code; a unit's code starts with its parent's code and a dot, so "everything inside
an area" is a prefix match on the code. RW and RT extend the village code: `21.72.03.1005.006.002`.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gotong.areas.names import normalize_area_name
from gotong.core.area_codes import ancestor_codes
from gotong.core.fields import AreaCodeField
from gotong.core.models import TimeStampedModel
from gotong.core.scoping import ScopedQuerySet, ScopeHooks


class Level(models.IntegerChoices):
    PROVINCE = 1, _("Provinsi")
    REGENCY = 2, _("Kabupaten/Kota")
    DISTRICT = 3, _("Kecamatan")
    VILLAGE = 4, _("Kelurahan/Desa")
    RW = 5, _("RW")
    RT = 6, _("RT")


class AreaQuerySet(models.QuerySet):
    def within(self, code: str, *, include_self: bool = True) -> "AreaQuerySet":
        inside = models.Q(code__startswith=f"{code}.")
        return self.filter(inside | models.Q(code=code) if include_self else inside)

    def villages(self) -> "AreaQuerySet":
        return self.filter(level=Level.VILLAGE)


class Area(models.Model):
    code = AreaCodeField(_("kode wilayah"), max_length=40, unique=True)
    name = models.CharField(_("nama"), max_length=120)
    level = models.PositiveSmallIntegerField(_("tingkat"), choices=Level.choices, db_index=True)
    # kota/kabupaten and kelurahan/desa matter to users: "Kota Medan" is not "Kabupaten Medan".
    kind = models.CharField(_("jenis"), max_length=20)
    parent = models.ForeignKey(
        "self", verbose_name=_("induk"), null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    postal_code = models.CharField(_("kode pos"), max_length=5, blank=True)
    # Lower-case, digits spelled out, punctuation and spaces removed: see names.normalize_area_name.
    search_key = models.CharField(max_length=200, db_index=True, editable=False)

    objects = AreaQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def save(self, *args, **kwargs):
        self.search_key = normalize_area_name(self.name)
        super().save(*args, **kwargs)

    @property
    def is_neighbourhood_unit(self) -> bool:
        return self.level >= Level.RW

    def ancestors(self) -> list["Area"]:
        """Parents from the province down, fetched in one query by code prefixes."""
        return list(Area.objects.filter(code__in=ancestor_codes(self.code)).order_by("level"))


class AreaAlias(models.Model):
    """Common spellings people type: "26 Ilir", "Bukit Kecil", "Tanjungpinang"."""

    area = models.ForeignKey(Area, verbose_name=_("wilayah"), on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("nama lain"), max_length=120)
    search_key = models.CharField(max_length=200, db_index=True, editable=False)

    class Meta:
        verbose_name = _("nama lain wilayah")
        verbose_name_plural = _("nama lain wilayah")
        constraints = [models.UniqueConstraint(fields=["area", "search_key"], name="unique_alias_per_area")]

    def __str__(self) -> str:
        return f"{self.name} → {self.area.name}"

    def save(self, *args, **kwargs):
        self.search_key = normalize_area_name(self.name)
        super().save(*args, **kwargs)


class WorkAssignmentQuerySet(ScopedQuerySet):
    # Work areas are no secret to anyone who sees areas; handing them out is `areas.assign` in the area itself.
    scope_hooks = ScopeHooks(module="areas", area="area__code")


class WorkAssignment(TimeStampedModel):
    """A user's work area: a city officer gets a city, a facilitator villages or RWs."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        on_delete=models.CASCADE,
        related_name="work_assignments",
    )
    area = models.ForeignKey(Area, verbose_name=_("wilayah"), on_delete=models.PROTECT, related_name="+")
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditugaskan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = WorkAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("wilayah kerja")
        verbose_name_plural = _("wilayah kerja")
        constraints = [models.UniqueConstraint(fields=["user", "area"], name="unique_work_assignment")]

    def __str__(self) -> str:
        return f"{self.user} → {self.area}"


def _register_audit() -> None:
    from auditlog.registry import auditlog

    # Official units arrive by bulk load (not audited); RW/RT units and aliases are made by people.
    auditlog.register(Area, include_fields=["code", "name", "parent"])
    auditlog.register(WorkAssignment)
    auditlog.register(AreaAlias)


_register_audit()
