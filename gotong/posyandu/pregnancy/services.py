"""Every write about pregnant women: register (from the registry or as a new resident), record an antenatal
visit, close the pregnancy with its outcome (a live birth registers the baby as a child of the household).

Pages, the API, the field app, ODK and the demo call these. Each asks the policy's `posyandu.record` for the
posyandu, validates (no date after today in the posyandu's time zone, only listed choices, plausible numbers)
and raises ValidationError with Indonesian messages. Health values are never logged.
"""

import datetime
from decimal import Decimal, InvalidOperation

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.core.dates import short_date
from gotong.core.numbers import decimal_text, parse_decimal
from gotong.posyandu.models import Child, Outcome, Pregnancy
from gotong.posyandu.models.pregnancy import AncVisit, VisitPlace
from gotong.posyandu.pregnancy import rules
from gotong.posyandu.services import _check_may_record, _check_sees_person, register_new_child
from gotong.registry.models import Person
from gotong.registry.services import save_person

YOUNGEST_MOTHER = 10
OLDEST_MOTHER = 55


def _not_future(day: datetime.date | None, field: str, errors: dict) -> None:
    # "Today" is the posyandu's (settings.TIME_ZONE, Asia/Jakarta), as the forms' date pickers offer it.
    if day is not None and day > timezone.localdate():
        errors[field] = _("Tanggal %(day)s belum terjadi.") % {"day": short_date(day)}


def _count(value, field: str, errors: dict, *, low: int, high: int) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        errors[field] = _("Isi dengan bilangan bulat.")
        return None
    if not low <= number <= high:
        errors[field] = _("Isi antara %(low)s dan %(high)s.") % {"low": low, "high": high}
        return None
    return number


def _decimal(
    value, field: str, errors: dict, *, low: str, high: str, unit: str, example: str, places: str = "0.1"
) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = parse_decimal(value, example=example).quantize(Decimal(places))
    except (ValidationError, InvalidOperation):
        errors[field] = _("Isi dengan angka, mis. %(example)s.") % {"example": example}
        return None
    if not Decimal(low) <= number <= Decimal(high):
        errors[field] = _("%(value)s %(unit)s di luar %(low)s–%(high)s %(unit)s: periksa lagi.") % {
            "value": decimal_text(number),
            "unit": unit,
            "low": decimal_text(Decimal(low)),
            "high": decimal_text(Decimal(high)),
        }
        return None
    return number


def _check_woman(person: Person, lmp: datetime.date, errors: dict) -> None:
    if person.sex != "P":
        errors["person"] = _("%(name)s bukan perempuan.") % {"name": person.name}
    elif not YOUNGEST_MOTHER <= person.age_on(lmp) <= OLDEST_MOTHER:
        errors["person"] = _("Umur %(name)s (%(age)s tahun) tidak masuk akal untuk hamil.") % {
            "name": person.name,
            "age": person.age_on(lmp),
        }


def _check_dates(lmp: datetime.date, registered_on: datetime.date, errors: dict) -> None:
    _not_future(lmp, "lmp", errors)
    _not_future(registered_on, "registered_on", errors)
    if "lmp" not in errors and "registered_on" not in errors:
        if registered_on < lmp:
            errors["registered_on"] = _("Tanggal daftar sebelum HPHT.")
        elif rules.gestational_days(lmp, registered_on) > rules.LONGEST_WEEKS * rules.DAYS_PER_WEEK:
            errors["lmp"] = _("HPHT lebih dari %(weeks)s minggu sebelum tanggal daftar: periksa lagi tanggalnya.") % {
                "weeks": rules.LONGEST_WEEKS
            }


@transaction.atomic
def register_pregnancy(
    *,
    posyandu,
    person: Person,
    lmp: datetime.date,
    registered_on: datetime.date | None = None,
    gravida=None,
    para=None,
    abortus=None,
    last_birth_on: datetime.date | None = None,
    notes: str = "",
    acting_user,
) -> Pregnancy:
    """Follow a registry woman's pregnancy at a posyandu, dated by her HPHT."""
    _check_may_record(acting_user, posyandu)
    _check_sees_person(acting_user, person)
    registered_on = registered_on or timezone.localdate()
    errors: dict = {}
    _check_dates(lmp, registered_on, errors)
    _check_woman(person, lmp, errors)
    gravida = _count(gravida, "gravida", errors, low=1, high=20)
    para = _count(para, "para", errors, low=0, high=19)
    abortus = _count(abortus, "abortus", errors, low=0, high=19)
    if gravida is not None and (para or 0) + (abortus or 0) >= gravida:
        errors["gravida"] = _("Kehamilan ke-%(g)s: persalinan dan keguguran sebelumnya harus kurang dari itu.") % {
            "g": gravida
        }
    if last_birth_on is not None:
        _not_future(last_birth_on, "last_birth_on", errors)
        if last_birth_on >= lmp:
            errors["last_birth_on"] = _("Persalinan terakhir harus sebelum HPHT.")
    ongoing = Pregnancy.objects.filter(person=person, outcome=Outcome.ONGOING).select_related("posyandu").first()
    if ongoing is not None:
        errors["person"] = _("%(name)s sudah tercatat hamil di %(posyandu)s (HPHT %(day)s).") % {
            "name": person.name,
            "posyandu": ongoing.posyandu.name,
            "day": short_date(ongoing.lmp),
        }
    if errors:
        raise ValidationError(errors)
    pregnancy = Pregnancy(
        posyandu=posyandu,
        person=person,
        lmp=lmp,
        registered_on=registered_on,
        gravida=gravida,
        para=para,
        abortus=abortus,
        last_birth_on=last_birth_on,
        notes=notes,
    )
    pregnancy.full_clean(exclude=["area_code"])
    with set_actor(acting_user):
        pregnancy.save()
    return pregnancy


@transaction.atomic
def register_pregnancy_new_resident(
    *,
    posyandu,
    household,
    name: str,
    nik: str | None,
    birth_date: datetime.date,
    relationship: str,
    lmp: datetime.date,
    registered_on: datetime.date | None = None,
    acting_user,
    **details,
) -> tuple[Pregnancy, list[str]]:
    """A woman not yet in the registry (e.g. a newly married wife who moved in): add her to the household through
    the registry's service, which checks the NIK and the policy's `registry.add_member`, then follow her here."""
    _check_may_record(acting_user, posyandu)
    person = Person(
        household=household, name=name, nik=nik or None, sex="P", birth_date=birth_date, relationship=relationship
    )
    warnings = save_person(person, acting_user=acting_user)
    pregnancy = register_pregnancy(
        posyandu=posyandu,
        person=person,
        lmp=lmp,
        registered_on=registered_on,
        acting_user=acting_user,
        **details,
    )
    return pregnancy, warnings


def _check_ongoing(pregnancy: Pregnancy) -> None:
    if not pregnancy.is_ongoing:
        raise ValidationError(
            _("Kehamilan ini sudah ditutup (%(outcome)s, %(day)s).")
            % {"outcome": pregnancy.get_outcome_display(), "day": short_date(pregnancy.ended_on)}
        )


@transaction.atomic
def record_anc_visit(
    *,
    pregnancy: Pregnancy,
    visited_on: datetime.date,
    place: str,
    provider: str = "",
    weight_kg=None,
    muac_cm=None,
    hb_g_dl=None,
    systolic=None,
    diastolic=None,
    iron_tablets=0,
    notes: str = "",
    acting_user,
) -> AncVisit:
    """Record (or correct, same day) an antenatal contact; its gestational age and trimester come from the HPHT."""
    _check_may_record(acting_user, pregnancy.posyandu)
    _check_ongoing(pregnancy)
    errors: dict = {}
    _not_future(visited_on, "visited_on", errors)
    if visited_on < pregnancy.lmp:
        errors["visited_on"] = _("Tanggal periksa sebelum HPHT (%(day)s).") % {"day": short_date(pregnancy.lmp)}
    elif rules.gestational_days(pregnancy.lmp, visited_on) > rules.LONGEST_WEEKS * rules.DAYS_PER_WEEK:
        errors["visited_on"] = _("Tanggal periksa lebih dari %(weeks)s minggu setelah HPHT.") % {
            "weeks": rules.LONGEST_WEEKS
        }
    if place not in VisitPlace.values:
        errors["place"] = _("Pilih tempat periksa dari daftar.")
    weight = _decimal(weight_kg, "weight_kg", errors, low="25", high="200", unit="kg", example="55,5")
    muac = _decimal(muac_cm, "muac_cm", errors, low="10", high="50", unit="cm", example="24,5")
    hb = _decimal(hb_g_dl, "hb_g_dl", errors, low="3", high="20", unit="g/dL", example="11,2")
    systolic = _count(systolic, "systolic", errors, low=60, high=260)
    diastolic = _count(diastolic, "diastolic", errors, low=30, high=160)
    if (systolic is None) != (diastolic is None) and "systolic" not in errors and "diastolic" not in errors:
        errors["diastolic" if diastolic is None else "systolic"] = _("Isi tekanan darah sistolik dan diastolik.")
    elif systolic is not None and diastolic is not None and systolic <= diastolic:
        errors["systolic"] = _("Sistolik harus lebih besar dari diastolik (mis. 110/70).")
    iron = _count(iron_tablets or 0, "iron_tablets", errors, low=0, high=120)
    if errors:
        raise ValidationError(errors)
    visit = AncVisit.objects.filter(pregnancy=pregnancy, visited_on=visited_on).first() or AncVisit(
        pregnancy=pregnancy, visited_on=visited_on
    )
    visit.gestational_days = rules.gestational_days(pregnancy.lmp, visited_on)
    visit.trimester = rules.trimester(pregnancy.lmp, visited_on)
    visit.place, visit.provider, visit.notes = place, provider.strip(), notes.strip()
    visit.weight_kg, visit.muac_cm, visit.hb_g_dl = weight, muac, hb
    visit.systolic, visit.diastolic, visit.iron_tablets = systolic, diastolic, iron or 0
    visit.full_clean(exclude=["area_code", "pregnancy"])
    with set_actor(acting_user):
        visit.save()
    return visit


def _check_end(pregnancy: Pregnancy, ended_on: datetime.date, errors: dict) -> None:
    _not_future(ended_on, "ended_on", errors)
    if ended_on < pregnancy.lmp:
        errors["ended_on"] = _("Tanggal sebelum HPHT (%(day)s).") % {"day": short_date(pregnancy.lmp)}
    last = pregnancy.visits.order_by("-visited_on").first()
    if last is not None and ended_on < last.visited_on:
        errors["ended_on"] = _("Tanggal sebelum pemeriksaan terakhir (%(day)s).") % {"day": short_date(last.visited_on)}


@transaction.atomic
def record_birth(
    *,
    pregnancy: Pregnancy,
    name: str,
    sex: str,
    birth_date: datetime.date,
    nik: str | None = None,
    nik_pending: bool = True,
    birth_weight_kg=None,
    acting_user,
) -> tuple[Child, list[str]]:
    """A live birth: the baby joins the mother's household (registry) and this posyandu's children, with her as
    the mother, and the pregnancy closes. Reuses the newborn path of `posyandu.services.register_new_child`."""
    _check_may_record(acting_user, pregnancy.posyandu)
    _check_ongoing(pregnancy)
    errors: dict = {}
    _check_end(pregnancy, birth_date, errors)
    if "ended_on" in errors:
        errors["birth_date"] = errors.pop("ended_on")
    weight = _decimal(
        birth_weight_kg, "birth_weight_kg", errors, low="0.3", high="7", unit="kg", example="3,1", places="0.01"
    )
    if errors:
        raise ValidationError(errors)
    child, warnings = register_new_child(
        posyandu=pregnancy.posyandu,
        household=pregnancy.person.household,
        name=name,
        nik=nik,
        nik_pending=nik_pending and not nik,
        sex=sex,
        birth_date=birth_date,
        registered_on=birth_date,
        mother=pregnancy.person,
        birth_weight_kg=weight,
        acting_user=acting_user,
    )
    pregnancy.outcome, pregnancy.ended_on, pregnancy.child = Outcome.LIVE_BIRTH, birth_date, child
    pregnancy.full_clean(exclude=["area_code"])
    with set_actor(acting_user):
        pregnancy.save()
    return child, warnings


@transaction.atomic
def close_pregnancy(
    *, pregnancy: Pregnancy, outcome: str, ended_on: datetime.date, notes: str = "", acting_user
) -> Pregnancy:
    """Any outcome but a live birth (which goes through `record_birth` so the baby is registered)."""
    _check_may_record(acting_user, pregnancy.posyandu)
    _check_ongoing(pregnancy)
    errors: dict = {}
    if outcome not in Outcome.values or outcome in (Outcome.ONGOING, Outcome.LIVE_BIRTH):
        errors["outcome"] = _("Pilih hasil kehamilan dari daftar (lahir hidup dicatat lewat formulir kelahiran).")
    _check_end(pregnancy, ended_on, errors)
    if errors:
        raise ValidationError(errors)
    pregnancy.outcome, pregnancy.ended_on = outcome, ended_on
    if notes.strip():
        pregnancy.notes = "\n".join(filter(None, [pregnancy.notes, notes.strip()]))
    pregnancy.full_clean(exclude=["area_code"])
    with set_actor(acting_user):
        pregnancy.save()
    return pregnancy
