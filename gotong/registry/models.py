"""Households (family cards, KK) and persons (NIK), with welfare attributes and dwelling condition.

NIK and family-card numbers are personal data (UU PDP): they are unique in the database, masked in lists and
exports, and never logged.
"""

from django.db import models
from django.db.models import Count, Subquery
from django.db.models.functions import Coalesce, Lower
from django.utils.translation import gettext_lazy as _

from gotong.areas.models import Area
from gotong.core.fields import AreaCodeField
from gotong.core.listing import search_text
from gotong.core.models import PublicIdModel
from gotong.core.province_code import ProvinceCodeField
from gotong.core.scoping import ScopedQuerySet, ScopeHooks
from gotong.registry import choices


class HouseholdQuerySet(ScopedQuerySet):
    # Seen through `registry.view`: by area for area workers and organisation officers, a resident's own household.
    scope_hooks = ScopeHooks(module="registry", area="area_code", household="pk")

    def search(self, text: str) -> "HouseholdQuerySet":
        """Find by head or member name, NIK, family-card number or address."""
        return search_text(
            self,
            text,
            contains=("address", "members__name"),
            number_prefix=("family_card_number", "members__nik"),
        )

    def with_head_and_size(self, head_fields=("name",)) -> "HouseholdQuerySet":
        """Each household with its head's fields (`head_<field>`) and its number of members (`member_count`).

        Correlated subqueries, not JOIN + GROUP BY: the database computes them for the rows fetched only (a page),
        not for a whole city."""
        members = Person.objects.filter(household=models.OuterRef("pk")).order_by().values("household")
        return annotate_household_head(self, head_fields, household="pk").annotate(
            member_count=Coalesce(Subquery(members.annotate(n=Count("pk")).values("n")), 0)
        )


def annotate_household_head(queryset, head_fields=("name",), household="household_id"):
    """`queryset` with `head_<field>` of the household each row names in its `household` field (a household's
    own `pk`, or another record's `household_id`): one correlated subquery per field."""
    heads = Person.objects.filter(household=models.OuterRef(household), relationship=choices.Relationship.HEAD)
    return queryset.annotate(**{f"head_{field}": Subquery(heads.values(field)[:1]) for field in head_fields})


class Household(PublicIdModel):
    province_code = ProvinceCodeField()
    family_card_number = models.CharField(_("nomor KK"), max_length=16, unique=True)
    address = models.CharField(_("alamat"), max_length=255)
    # The smallest known unit: an RT when known, else the village.
    area = models.ForeignKey(Area, verbose_name=_("wilayah"), on_delete=models.PROTECT, related_name="+")
    # Denormalised area code: scoping is a prefix match and large tables can be partitioned by province.
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)
    welfare_decile = models.PositiveSmallIntegerField(
        _("desil kesejahteraan"), null=True, blank=True, help_text=_("1 = termiskin … 10 = terkaya (DTKS/Regsosek)")
    )
    pkh_recipient = models.BooleanField(_("penerima PKH"), default=False)
    bpnt_recipient = models.BooleanField(_("penerima BPNT"), default=False)
    consent_given_on = models.DateField(_("persetujuan data diberikan"), null=True, blank=True)

    objects = HouseholdQuerySet.as_manager()

    class Meta:
        ordering = ["family_card_number"]
        verbose_name = _("rumah tangga (KK)")
        verbose_name_plural = _("rumah tangga (KK)")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(welfare_decile__isnull=True) | models.Q(welfare_decile__range=(1, 10)),
                name="household_decile_1_to_10",
            )
        ]
        # The household list pages in this order over millions of rows (1.4 s -> 50 ms with the index).
        indexes = [
            models.Index(fields=["area_code", "family_card_number", "id"], name="household_area_kk_idx"),
            # The programs' left-out list, poorest first (decile, area, KK, id): its first page and every page
            # reached by cursor are one range of this index (`programs.leftout.left_out_households`).
            models.Index(
                fields=["welfare_decile", "area_code", "family_card_number", "id"], name="household_decile_area_idx"
            ),
        ]

    def __str__(self) -> str:
        head = self.head
        return head.name if head else self.address

    def save(self, *args, **kwargs):
        self.area_code = self.area.code
        super().save(*args, **kwargs)

    @property
    def head(self) -> "Person | None":
        members = getattr(self, "_prefetched_objects_cache", {}).get("members")
        if members is not None:
            return next((m for m in members if m.relationship == choices.Relationship.HEAD), None)
        return self.members.filter(relationship=choices.Relationship.HEAD).first()


class PersonQuerySet(ScopedQuerySet):
    # A resident sees every member of their own household (the family card), as on the household page.
    scope_hooks = ScopeHooks(module="registry", area="area_code", household="household_id")


class Person(PublicIdModel):
    province_code = ProvinceCodeField()
    # Indexed by (household, relationship) below; a second index on household alone only slowed every insert.
    household = models.ForeignKey(
        Household, verbose_name=_("rumah tangga"), on_delete=models.PROTECT, related_name="members", db_index=False
    )
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)
    # Empty (NULL) only with `nik_pending`: a newborn whose NIK Dukcapil has not issued yet. NULLs never collide in
    # the unique index, so any number of them can wait; a NIK typed in later is checked like any other.
    nik = models.CharField(_("NIK"), max_length=16, unique=True, null=True, blank=True)
    # db_default too: raw bulk loads (COPY) name their columns and leave this one out.
    nik_pending = models.BooleanField(_("NIK belum ada"), default=False, db_default=False)
    # Pickers find a name by its start on the index of its lower-cased form (`person_name_lower_idx`, see
    # gotong/core/pickers/search.py); the lists' "contains" search has no B-tree to use.
    name = models.CharField(_("nama"), max_length=150)
    sex = models.CharField(_("jenis kelamin"), max_length=1, choices=choices.Sex.choices)
    birth_date = models.DateField(_("tanggal lahir"))
    relationship = models.CharField(_("hubungan keluarga"), max_length=20, choices=choices.Relationship.choices)
    education = models.CharField(_("pendidikan"), max_length=20, choices=choices.Education.choices, blank=True)
    occupation = models.CharField(_("pekerjaan"), max_length=100, blank=True)
    disability = models.CharField(
        _("disabilitas"), max_length=20, choices=choices.Disability.choices, default=choices.Disability.NONE
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["household", "birth_date"]
        verbose_name = _("penduduk")
        verbose_name_plural = _("penduduk")
        indexes = [
            models.Index(fields=["household", "relationship"]),
            # The API's persons list order (`PersonViewSet`): scope's area range, then a seek to the cursor.
            models.Index(fields=["area_code", "household", "birth_date", "id"], name="person_area_hh_birth_idx"),
            # A picker's name search: lower(name) >= 'aisyah' AND lower(name) < 'aisyai' reads a range of it.
            models.Index(Lower("name"), name="person_name_lower_idx"),
        ]
        constraints = [
            # One head (kepala keluarga) per family card, whatever path writes: forms, API, import, bulk loads.
            models.UniqueConstraint(
                fields=["household"],
                condition=models.Q(relationship=choices.Relationship.HEAD),
                name="one_head_per_household",
            ),
            # "NIK belum ada" is said explicitly, never by a blank or a made-up number.
            models.CheckConstraint(
                condition=models.Q(nik_pending=True, nik__isnull=True) | models.Q(nik_pending=False, nik__isnull=False),
                name="person_nik_or_nik_pending",
                violation_error_message=_('Isi NIK, atau tandai "NIK belum ada".'),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.area_code = self.household.area_code
        super().save(*args, **kwargs)

    def age_on(self, day) -> int:
        before_birthday = (day.month, day.day) < (self.birth_date.month, self.birth_date.day)
        return day.year - self.birth_date.year - before_birthday


class Dwelling(models.Model):
    """The house a household lives in, with what the RTLH ("unfit house") assessment needs."""

    province_code = ProvinceCodeField()

    household = models.OneToOneField(
        Household, verbose_name=_("rumah tangga"), on_delete=models.CASCADE, related_name="dwelling"
    )
    floor_area_m2 = models.DecimalField(_("luas lantai (m²)"), max_digits=7, decimal_places=2)
    occupants = models.PositiveSmallIntegerField(_("jumlah penghuni"))
    roof = models.CharField(_("atap"), max_length=20, choices=choices.RoofMaterial.choices)
    wall = models.CharField(_("dinding"), max_length=20, choices=choices.WallMaterial.choices)
    floor = models.CharField(_("lantai"), max_length=20, choices=choices.FloorMaterial.choices)
    structure = models.CharField(
        _("kondisi struktur (pondasi, kolom, rangka atap)"), max_length=20, choices=choices.Condition.choices
    )
    has_own_latrine = models.BooleanField(_("jamban sendiri"), default=True)
    has_safe_water = models.BooleanField(_("air minum layak"), default=True)
    has_electricity = models.BooleanField(_("listrik"), default=True)
    has_window_ventilation = models.BooleanField(_("jendela/ventilasi cukup"), default=True)

    class Meta:
        verbose_name = _("kondisi rumah")
        verbose_name_plural = _("kondisi rumah")
        constraints = [
            models.CheckConstraint(condition=models.Q(floor_area_m2__gt=0), name="dwelling_floor_area_positive"),
            models.CheckConstraint(condition=models.Q(occupants__gte=1), name="dwelling_has_occupants"),
        ]

    def __str__(self) -> str:
        return str(self.household)


def _register_audit() -> None:
    from auditlog.registry import auditlog

    masker = "gotong.registry.nik.mask_nik"
    auditlog.register(Household, mask_fields=["family_card_number"], mask_callable=masker)
    auditlog.register(Person, mask_fields=["nik"], mask_callable=masker)
    auditlog.register(Dwelling)


_register_audit()
