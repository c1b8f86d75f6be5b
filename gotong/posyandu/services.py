"""Every write in the posyandu module: register a child, open a monthly session, record a weighing.

Views, the demo, the field app and ODK call these. Each takes the acting user for the audit trail, asks the access
policy whether that user may record in that posyandu (`posyandu.record`), validates, and raises ValidationError
with Indonesian messages. Weights and z-scores are never logged.
"""

import datetime
from decimal import Decimal, InvalidOperation

from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.core.area_codes import code_inside
from gotong.core.dates import short_date
from gotong.core.numbers import decimal_text, parse_decimal
from gotong.core.validation import not_in_future
from gotong.posyandu import growth, kbm
from gotong.posyandu.access import can_record
from gotong.posyandu.dates import add_months, five_years_before
from gotong.posyandu.models import Child, Measure, Session, Weighing
from gotong.registry.models import Person
from gotong.registry.services import save_person


def _check_may_record(acting_user, posyandu) -> None:
    """The policy's `posyandu.record` for this posyandu, whoever calls (pages, API, field app, ODK, demo)."""
    if not can_record(acting_user, posyandu):
        raise PermissionDenied(_("Anda tidak bertugas di posyandu ini."))


def _check_sees_person(acting_user, person: Person) -> None:
    """A child is registered from the registry persons the user works with, never from a guessed id."""
    if not Person.objects.visible_to(acting_user).filter(pk=person.pk).exists():
        raise ValidationError({"person": _("Penduduk ini di luar lingkup Anda.")})


def guess_mother(person: Person) -> Person | None:
    """The woman of the child's family card who is head or spouse 15–55 at birth."""
    for relationship in ("pasangan", "kepala"):
        for woman in person.household.members.filter(sex="P", relationship=relationship).exclude(pk=person.pk):
            if 15 <= woman.age_on(person.birth_date) <= 55:
                return woman
    return None


@transaction.atomic
def register_child(
    *,
    posyandu,
    person: Person,
    registered_on: datetime.date,
    mother: Person | None = None,
    birth_weight_kg=None,
    acting_user,
) -> Child:
    """Follow a registry person (0–59 months) at a posyandu."""
    _check_may_record(acting_user, posyandu)
    _check_sees_person(acting_user, person)
    mother = mother if mother is not None else guess_mother(person)
    errors = {}
    if person.birth_date > registered_on or person.birth_date <= five_years_before(registered_on):
        errors["person"] = _("%(name)s bukan balita (0–59 bulan) pada tanggal pendaftaran.") % {"name": person.name}
    existing = Child.objects.filter(person=person).select_related("posyandu").first()
    if existing is not None:
        errors["person"] = _("%(name)s sudah terdaftar di %(posyandu)s.") % {
            "name": person.name,
            "posyandu": existing.posyandu.name,
        }
    if mother is not None:
        if mother.pk == person.pk or mother.sex != "P":
            errors["mother"] = _("Ibu harus penduduk perempuan lain.")
        elif mother.birth_date.year > person.birth_date.year - 10:
            errors["mother"] = _("Umur ibu tidak masuk akal untuk anak ini.")
    if errors:
        raise ValidationError(errors)
    child = Child(
        posyandu=posyandu,
        person=person,
        mother=mother,
        registered_on=registered_on,
        birth_weight_kg=birth_weight_kg,
    )
    child.full_clean()
    with set_actor(acting_user):
        child.save()
    return child


@transaction.atomic
def enrol_from_area(*, posyandu, person: Person, acting_user, on: datetime.date | None = None) -> Child:
    """Enrol an under-five of the posyandu's area whom no posyandu follows (the coverage list's "Daftarkan"),
    registered today; the policy's `posyandu.record` for the posyandu and the user's view of the person decide."""
    _check_may_record(acting_user, posyandu)
    if not code_inside(person.area_code, [posyandu.area_code]):
        raise ValidationError({"person": _("%(name)s tidak tinggal di wilayah posyandu ini.") % {"name": person.name}})
    return register_child(
        posyandu=posyandu, person=person, registered_on=on or timezone.localdate(), acting_user=acting_user
    )


@transaction.atomic
def register_new_child(
    *,
    posyandu,
    household,
    name: str,
    nik: str | None,
    sex: str,
    birth_date: datetime.date,
    registered_on: datetime.date,
    mother: Person | None = None,
    birth_weight_kg=None,
    nik_pending: bool = False,
    acting_user,
) -> tuple[Child, list[str]]:
    """A child not yet in the registry: add them to the household (KK) first, then follow them here.

    A newborn without a NIK yet comes with `nik_pending` ("NIK belum ada") and no number; the registry's edit page
    completes it later."""
    _check_may_record(acting_user, posyandu)
    person = Person(
        household=household,
        name=name,
        nik=nik or None,
        nik_pending=nik_pending,
        sex=sex,
        birth_date=birth_date,
        relationship="anak",
    )
    warnings = save_person(person, acting_user=acting_user)
    child = register_child(
        posyandu=posyandu,
        person=person,
        registered_on=registered_on,
        mother=mother,
        birth_weight_kg=birth_weight_kg,
        acting_user=acting_user,
    )
    return child, warnings


@transaction.atomic
def open_session(*, posyandu, held_on: datetime.date, place: str = "", notes: str = "", acting_user) -> Session:
    _check_may_record(acting_user, posyandu)
    existing = Session.objects.filter(posyandu=posyandu, month=held_on.replace(day=1)).first()
    if existing is not None:
        raise ValidationError(
            {"held_on": _("Hari buka bulan ini sudah ada (%(day)s).") % {"day": short_date(existing.held_on)}}
        )
    session = Session(posyandu=posyandu, held_on=held_on, place=place, notes=notes)
    session.month = held_on.replace(day=1)
    session.full_clean(exclude=["month", "area_code"])
    with set_actor(acting_user):
        session.save()
    return session


def _decimal(value, field: str, places: str) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return parse_decimal(value, example="9,5").quantize(Decimal(places))
    except (ValidationError, InvalidOperation):
        raise ValidationError({field: _("Isi dengan angka, mis. 9,5.")}) from None


def _validate_measurements(weight, length, muac, measure, age_days) -> None:
    errors = {}
    if weight is None:
        errors["weight_kg"] = _("Berat badan wajib diisi.")
    elif not Decimal("0.5") <= weight <= Decimal("40"):
        errors["weight_kg"] = _("Berat badan %(w)s kg di luar 0,5–40 kg: periksa timbangan dan angka.") % {
            "w": decimal_text(weight)
        }
    if length is not None and not Decimal("30") <= length <= Decimal("140"):
        errors["length_cm"] = _("Panjang/tinggi %(l)s cm di luar 30–140 cm.") % {"l": decimal_text(length)}
    if muac is not None and not Decimal("5") <= muac <= Decimal("30"):
        errors["muac_cm"] = _("LiLA %(m)s cm di luar 5–30 cm.") % {"m": decimal_text(muac)}
    if length is not None and measure not in Measure.values:
        errors["measure"] = _("Pilih cara ukur: telentang atau berdiri.")
    if age_days is not None and growth.standing_too_young(age_days, measure):
        # WHO treats a standing height under 9 months as a mistake in the measuring position (see growth.py).
        errors["measure"] = _("Bayi di bawah 9 bulan diukur telentang, bukan berdiri.")
    if errors:
        raise ValidationError(errors)


def apply_growth(weighing: Weighing) -> None:
    result = growth.compute(
        sex=weighing.child.sex_code,
        age_days=weighing.age_days,
        weight_kg=float(weighing.weight_kg),
        length_cm=float(weighing.length_cm) if weighing.length_cm is not None else None,
        measure=weighing.measure or None,
        oedema=weighing.oedema,
    )
    for name in growth.INDICATORS:
        score = result.scores[name]
        setattr(weighing, name, Decimal(str(score)) if score is not None else None)
        setattr(weighing, f"{name}_class", result.classes[name] or "")
    weighing.reasons = {name: result.reasons[name] for name in growth.INDICATORS if name in result.reasons}
    weighing.bgm = weighing.waz is not None and weighing.waz < -3


def apply_trend(weighing: Weighing) -> None:
    previous = Weighing.objects.filter(child=weighing.child, month=add_months(weighing.month, -1)).first()
    earlier = Weighing.objects.filter(child=weighing.child, month__lt=weighing.month).exists()
    weighing.trend = kbm.trend(
        age_months=growth.age_in_months(weighing.age_days),
        weight_kg=weighing.weight_kg,
        previous_weight_kg=previous.weight_kg if previous else None,
        weighed_before=earlier,
    )
    weighing.two_t = weighing.trend == kbm.NOT_UP and previous is not None and previous.trend == kbm.NOT_UP


@transaction.atomic
def record_weighing(
    *,
    child: Child,
    session: Session,
    weight_kg,
    length_cm=None,
    measure: str = "",
    muac_cm=None,
    oedema: bool = False,
    growth_card: bool = True,
    measured_on: datetime.date | None = None,
    acting_user,
) -> Weighing:
    """Record (or correct) the child's weighing of the session's month; z-scores and N/T are derived here."""
    _check_may_record(acting_user, session.posyandu)
    if child.posyandu_id != session.posyandu_id:
        raise ValidationError(_("Balita ini bukan anak asuh posyandu %(p)s.") % {"p": session.posyandu.name})
    measured_on = measured_on or session.held_on
    # The XForm's `. <= today()` and the web input's `max`, held here for every path (web, API, field app, ODK).
    not_in_future(measured_on, "measured_on", label=_("Tanggal ukur"))
    if measured_on < child.person.birth_date:
        raise ValidationError({"measured_on": _("Tanggal ukur sebelum tanggal lahir.")})
    if measured_on.replace(day=1) != session.month:
        raise ValidationError({"measured_on": _("Tanggal ukur harus di bulan hari buka ini.")})
    age_days = (measured_on - child.person.birth_date).days
    weight = _decimal(weight_kg, "weight_kg", "0.01")
    length = _decimal(length_cm, "length_cm", "0.1")
    muac = _decimal(muac_cm, "muac_cm", "0.1")
    measure = measure if length is not None else ""
    _validate_measurements(weight, length, muac, measure, age_days)
    if age_days / growth.DAYS_PER_MONTH >= growth.MAX_AGE_MONTHS:
        raise ValidationError(_("%(name)s sudah berumur 60 bulan atau lebih.") % {"name": child.person.name})

    weighing = Weighing.objects.filter(child=child, month=session.month).first() or Weighing(child=child)
    weighing.session = session
    weighing.month = session.month
    weighing.measured_on = measured_on
    weighing.age_days = age_days
    weighing.weight_kg, weighing.length_cm, weighing.muac_cm, weighing.measure = weight, length, muac, measure
    weighing.oedema, weighing.growth_card = oedema, growth_card
    apply_growth(weighing)
    apply_trend(weighing)
    weighing.full_clean(exclude=["area_code", "month", "age_days", "trend"])
    with set_actor(acting_user):
        weighing.save()
        # A weighing entered late changes next month's N/T (and the 2T after it).
        following = weighing
        for _step in range(2):
            following = Weighing.objects.filter(child=child, month=add_months(following.month, 1)).first()
            if following is None:
                break
            apply_trend(following)
            following.save(update_fields=["trend", "two_t"])
    return weighing
