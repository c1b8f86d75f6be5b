"""Every write to the registry goes through these functions: views, API, import, posyandu and field forms alike.

The demo loader is the one exception: it bulk-creates synthetic records without per-row audit entries.

Each takes the acting user (recorded in the audit log) and asks the access policy itself, whoever called it:
`registry.record` to add or change households and to change persons, `registry.add_member` (or `registry.record`)
to add a person to a household, `registry.welfare` to set decile, PKH or BPNT. `acting_user=None` is the system
(console commands without --user, the demo). Each validates with the model's rules plus NIK checks and returns the
saved record or raises ValidationError (PermissionDenied when the user may not do it at all) with messages in the
user's language.

What a refusal says is bounded by what the user may see: a NIK or family-card number held by a record outside their
view is refused with one generic message (`NIK_REFUSED`, `KK_REFUSED`), never "already registered elsewhere".
"""

from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gotong.areas.models import Area
from gotong.areas.services import ensure_neighbourhood_unit
from gotong.core.policy import can
from gotong.core.policy.decide import Place
from gotong.core.validation import not_in_future
from gotong.registry.choices import Relationship
from gotong.registry.models import Dwelling, Household, Person
from gotong.registry.nik import check_nik, mask_family_card_number, mask_nik

HOUSEHOLD_FIELDS = ("family_card_number", "address", "area", "welfare_decile", "pkh_recipient", "bpnt_recipient")
PERSON_FIELDS = (
    "nik",
    "nik_pending",
    "name",
    "sex",
    "birth_date",
    "relationship",
    "education",
    "occupation",
    "disability",
)
# The household's welfare attributes (DTKS/Regsosek decile, social-assistance programmes): `registry.welfare` only.
WELFARE_FIELDS = ("welfare_decile", "pkh_recipient", "bpnt_recipient")
WELFARE_DEFAULTS = {"welfare_decile": None, "pkh_recipient": False, "bpnt_recipient": False}

# "NIK belum ada" is for children: a newborn's NIK comes with the birth certificate and the new family card, weeks
# or months later; adults are identified by theirs (UU 23/2006 Adminduk, a child is under 18 per UU 35/2014).
NIK_PENDING_BELOW_AGE = 18

# One answer for every refusal whose reason lies outside what the user may see (a record in another area, or
# anything else a city officer has to look into): it neither confirms nor denies that the number is registered.
NIK_REFUSED = gettext_lazy("NIK ini tidak dapat dipakai. Hubungi petugas kota untuk memeriksanya.")
KK_REFUSED = gettext_lazy("Nomor KK ini tidak dapat dipakai. Hubungi petugas kota untuk memeriksanya.")


def validate_family_card_number(value: str) -> None:
    if not str(value).isdigit() or len(str(value)) != 16:
        raise ValidationError({"family_card_number": _("Nomor KK harus 16 digit angka.")})


def validate_person_nik(person: Person, viewer=None) -> list[str]:
    """Raise on an invalid or duplicate NIK; return warnings (e.g. a district that no longer exists).

    A child may wait for a NIK (`nik_pending`, "NIK belum ada"); everyone else needs one."""
    if person.nik_pending:
        if person.nik:
            raise ValidationError(
                {"nik": _('NIK sudah diisi: hapus centang "NIK belum ada", atau kosongkan NIK.')},
                code="nik_and_pending",
            )
        person.nik = None
        if person.birth_date and person.age_on(timezone.localdate()) >= NIK_PENDING_BELOW_AGE:
            raise ValidationError(
                {
                    "nik_pending": _("Hanya anak di bawah %(age)d tahun yang boleh didaftarkan tanpa NIK.")
                    % {"age": NIK_PENDING_BELOW_AGE}
                }
            )
        return []
    if not person.nik:
        raise ValidationError(
            {"nik": _('NIK wajib diisi. Untuk bayi yang belum punya NIK, centang "NIK belum ada".')}, code="nik_missing"
        )
    check = check_nik(person.nik)
    if not check.valid:
        raise ValidationError({"nik": check.errors})
    duplicate = Person.objects.filter(nik=person.nik).exclude(pk=person.pk).select_related("household").first()
    if duplicate is not None:
        raise ValidationError({"nik": duplicate_nik_message(duplicate, viewer)}, code="nik_taken")
    if person.birth_date and check.birth_date and person.birth_date.isoformat()[2:] != check.birth_date[2:]:
        # Dukcapil encodes the birth date in the NIK; a mismatch is usually a typo in one of them.
        check.warnings.append(_("Tanggal lahir tidak sama dengan tanggal di NIK."))
    if person.sex and check.sex and person.sex != check.sex:
        check.warnings.append(_("Jenis kelamin tidak sama dengan kode di NIK (tanggal +40 untuk perempuan)."))
    return check.warnings


def _sees(viewer, record) -> bool:
    """The viewer may see the record (viewer None: the system, which sees everything)."""
    return viewer is None or type(record).objects.visible_to(viewer).filter(pk=record.pk).exists()


def duplicate_nik_message(existing: Person, viewer=None) -> str:
    """Name the existing record only to someone who may see it (viewer None: a command); else `NIK_REFUSED`."""
    if not _sees(viewer, existing):
        return str(NIK_REFUSED)
    return _("NIK %(nik)s sudah terdaftar atas nama %(name)s di KK %(kk)s.") % {
        "nik": mask_nik(existing.nik),
        "name": existing.name,
        "kk": mask_family_card_number(existing.household.family_card_number),
    }


def duplicate_family_card_message(existing: Household, viewer=None) -> str:
    """As `duplicate_nik_message`, for a family-card number."""
    if not _sees(viewer, existing):
        return str(KK_REFUSED)
    head = existing.head
    return _("Nomor KK %(kk)s sudah terdaftar: %(name)s, %(address)s.") % {
        "kk": mask_family_card_number(existing.family_card_number),
        "name": head.name if head else _("(belum ada kepala)"),
        "address": existing.address,
    }


def visible_holder_of_nik(nik: str, viewer, *, exclude_pk=None) -> Person | None:
    """The person holding `nik` if the viewer may see them (for a link next to the refusal), else None."""
    return Person.objects.visible_to(viewer).filter(nik=nik).exclude(pk=exclude_pk).select_related("household").first()


def visible_holder_of_family_card(number: str, viewer, *, exclude_pk=None) -> Household | None:
    return Household.objects.visible_to(viewer).filter(family_card_number=number).exclude(pk=exclude_pk).first()


def validate_birth_date(person: Person) -> None:
    not_in_future(person.birth_date, "birth_date", label=_("Tanggal lahir"))
    if person.birth_date and person.birth_date.year < 1900:
        raise ValidationError({"birth_date": _("Tanggal lahir sebelum tahun 1900 tidak masuk akal.")})


def _stored(record):
    """The record as saved (unscoped), or None for a new one."""
    return type(record).objects.filter(pk=record.pk).first() if record.pk else None


def _check_household_policy(household: Household, stored: Household | None, acting_user) -> None:
    if acting_user is None:
        return
    if stored is not None and not can(acting_user, "registry.record", stored):
        raise PermissionDenied(_("Anda tidak boleh mengubah rumah tangga ini."))
    if household.area_id is None:
        return  # full_clean names the missing area
    place = Place(area_code=household.area.code)
    if not can(acting_user, "registry.record", place):
        raise ValidationError({"area": _("RT/RW ini di luar wilayah kerja Anda.")}, code="outside_area")
    before = {name: getattr(stored, name) for name in WELFARE_FIELDS} if stored is not None else WELFARE_DEFAULTS
    changed = any(getattr(household, name) != before[name] for name in WELFARE_FIELDS)
    if changed and not can(acting_user, "registry.welfare", place):
        raise PermissionDenied(_("Peran Anda tidak boleh mengubah desil, PKH atau BPNT."))


@transaction.atomic
def save_household(household: Household, *, acting_user) -> Household:
    validate_family_card_number(household.family_card_number)
    stored = _stored(household)
    _check_household_policy(household, stored, acting_user)
    duplicate = (
        Household.objects.filter(family_card_number=household.family_card_number).exclude(pk=household.pk).first()
    )
    if duplicate is not None:
        message = duplicate_family_card_message(duplicate, acting_user)
        raise ValidationError({"family_card_number": message}, code="kk_taken")
    household.full_clean()
    # Members carry the household's area code (for scoping); a move to another RT moves them too, before the
    # household's own save, so what listens to it (the posyandu tallies' S) finds them in their new area.
    household.area_code = household.area.code
    if household.pk is not None:
        household.members.exclude(area_code=household.area_code).update(area_code=household.area_code)
    with set_actor(acting_user):
        household.save()
    return household


@transaction.atomic
def place_household(household: Household, village: Area, rw, rt, *, acting_user) -> Household:
    """Put the household in RT `rt` of RW `rw` of `village` (creating the units on first use) and save it.

    One transaction: a household the rules refuse leaves no new RW/RT behind.
    """
    household.area = ensure_neighbourhood_unit(village, rw, rt)
    return save_household(household, acting_user=acting_user)


def _check_person_policy(person: Person, stored: Person | None, acting_user) -> None:
    if acting_user is None:
        return
    if stored is None:
        # A newborn or a new member of a household the user serves, or any record keeper's new person.
        household = person.household
        if not (can(acting_user, "registry.add_member", household) or can(acting_user, "registry.record", household)):
            raise PermissionDenied(_("Anda tidak boleh menambah anggota rumah tangga ini."))
        return
    if not can(acting_user, "registry.record", stored):
        raise PermissionDenied(_("Anda tidak boleh mengubah data penduduk ini."))
    if person.household_id != stored.household_id and not can(acting_user, "registry.record", person.household):
        raise PermissionDenied(_("Anda tidak boleh memindahkan penduduk ke rumah tangga ini."))


@transaction.atomic
def save_person(person: Person, *, acting_user) -> list[str]:
    """Create or update a person; returns warnings worth showing the user."""
    _check_person_policy(person, _stored(person), acting_user)
    warnings = validate_person_nik(person, acting_user)
    validate_birth_date(person)
    person.area_code = person.household.area_code
    if person.relationship == Relationship.HEAD:
        # Before full_clean, which would name only the database's one-head constraint.
        other_head = person.household.members.filter(relationship=Relationship.HEAD).exclude(pk=person.pk).first()
        if other_head is not None:
            raise ValidationError(
                {"relationship": _("KK ini sudah punya kepala keluarga: %(name)s.") % {"name": other_head.name}}
            )
    person.full_clean()
    with set_actor(acting_user):
        person.save()
    return warnings


@transaction.atomic
def save_dwelling(dwelling: Dwelling, *, acting_user) -> Dwelling:
    if acting_user is not None and not can(acting_user, "registry.record", dwelling.household):
        raise PermissionDenied(_("Anda tidak boleh mengubah rumah tangga ini."))
    dwelling.full_clean()
    with set_actor(acting_user):
        dwelling.save()
    return dwelling
