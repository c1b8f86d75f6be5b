"""Every write to the registry goes through these functions: views, import and (later) the API alike.

The demo loader is the one exception: it bulk-creates synthetic records without per-row audit entries.

Each takes the acting user (recorded in the audit log), validates with the model's rules plus NIK checks, and
returns the saved record or raises ValidationError with messages in the user's language.
"""

from datetime import date

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gotong.registry.models import Dwelling, Household, Person
from gotong.registry.nik import check_nik, mask_family_card_number, mask_nik

HOUSEHOLD_FIELDS = ("family_card_number", "address", "area", "welfare_decile", "pkh_recipient", "bpnt_recipient")
PERSON_FIELDS = ("nik", "name", "sex", "birth_date", "relationship", "education", "occupation", "disability")


def validate_family_card_number(value: str) -> None:
    if not str(value).isdigit() or len(str(value)) != 16:
        raise ValidationError({"family_card_number": _("Nomor KK harus 16 digit angka.")})


def validate_person_nik(person: Person, viewer=None) -> list[str]:
    """Raise on an invalid or duplicate NIK; return warnings (e.g. a district that no longer exists)."""
    check = check_nik(person.nik)
    if not check.valid:
        raise ValidationError({"nik": check.errors})
    duplicate = Person.objects.filter(nik=person.nik).exclude(pk=person.pk).select_related("household").first()
    if duplicate is not None:
        raise ValidationError({"nik": duplicate_nik_message(duplicate, viewer)})
    if person.birth_date and check.birth_date and person.birth_date.isoformat()[2:] != check.birth_date[2:]:
        # Dukcapil encodes the birth date in the NIK; a mismatch is usually a typo in one of them.
        check.warnings.append(_("Tanggal lahir tidak sama dengan tanggal di NIK."))
    if person.sex and check.sex and person.sex != check.sex:
        check.warnings.append(_("Jenis kelamin tidak sama dengan kode di NIK (tanggal +40 untuk perempuan)."))
    return check.warnings


def duplicate_nik_message(existing: Person, viewer=None) -> str:
    """Point at the existing record, but name it only to someone allowed to see it (viewer None: a command)."""
    if viewer is not None and not Person.objects.visible_to(viewer).filter(pk=existing.pk).exists():
        return _("NIK %(nik)s sudah terdaftar di wilayah lain. Hubungi petugas kota untuk memeriksanya.") % {
            "nik": mask_nik(existing.nik)
        }
    return _("NIK %(nik)s sudah terdaftar atas nama %(name)s di KK %(kk)s.") % {
        "nik": mask_nik(existing.nik),
        "name": existing.name,
        "kk": mask_family_card_number(existing.household.family_card_number),
    }


def validate_birth_date(person: Person) -> None:
    if person.birth_date and person.birth_date > date.today():
        raise ValidationError({"birth_date": _("Tanggal lahir tidak boleh di masa depan.")})
    if person.birth_date and person.birth_date.year < 1900:
        raise ValidationError({"birth_date": _("Tanggal lahir sebelum tahun 1900 tidak masuk akal.")})


@transaction.atomic
def save_household(household: Household, *, acting_user) -> Household:
    validate_family_card_number(household.family_card_number)
    household.full_clean()
    with set_actor(acting_user):
        household.save()
    # Members carry the household's area code (for scoping); a move to another RT must move them too.
    household.members.exclude(area_code=household.area_code).update(area_code=household.area_code)
    return household


@transaction.atomic
def save_person(person: Person, *, acting_user) -> list[str]:
    """Create or update a person; returns warnings worth showing the user."""
    warnings = validate_person_nik(person, acting_user)
    validate_birth_date(person)
    person.area_code = person.household.area_code
    person.full_clean()
    if person.relationship == "kepala":
        other_head = person.household.members.filter(relationship="kepala").exclude(pk=person.pk).first()
        if other_head is not None:
            raise ValidationError(
                {"relationship": _("KK ini sudah punya kepala keluarga: %(name)s.") % {"name": other_head.name}}
            )
    with set_actor(acting_user):
        person.save()
    return warnings


@transaction.atomic
def save_dwelling(dwelling: Dwelling, *, acting_user) -> Dwelling:
    dwelling.full_clean()
    with set_actor(acting_user):
        dwelling.save()
    return dwelling
