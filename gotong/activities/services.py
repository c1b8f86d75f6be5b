"""Writes for gotong royong: events, attendance, in-kind contributions, wage rates, norms and warnings."""

from decimal import Decimal

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gotong.activities import tallies
from gotong.activities.models import Attendance, Contribution, Event, LabourDivisor, Norm, NormWarning, WageRate
from gotong.core.area_codes import code_inside
from gotong.core.policy import can
from gotong.core.policy.decide import Place
from gotong.core.validation import already_held, whole_rupiah
from gotong.registry.models import Person

RECORD = "activities.record"


def _check_place(*, area, organization, acting_user, field="area"):
    """An event or norm filed under `area` and organised by `organization`: the policy must let the user record
    there (their work area, or an organisation they run), and an organisation's record stays in its own area unless
    an area worker of that area files it."""
    outside_org = organization is not None and not code_inside(area.code, [organization.area_code])
    if outside_org and not can(acting_user, RECORD, area.code):
        raise ValidationError({field: _("Wilayah harus berada di wilayah kerja %(org)s.") % {"org": organization}})
    place = Place(area_code=area.code, organization_id=organization.pk if organization is not None else None)
    if not can(acting_user, RECORD, place):
        raise ValidationError({field: _("Anda tidak berwenang mencatat kegiatan di wilayah ini.")})


_EVENT_FIELDS = ("title", "kind", "held_on", "start_time", "default_hours", "area", "organization", "place",
                 "description")  # fmt: skip


@transaction.atomic
def create_event(*, acting_user, **fields) -> Event:
    event = Event()
    return _save_event(event, fields, acting_user)


@transaction.atomic
def update_event(event: Event, *, acting_user, **fields) -> Event:
    if not can(acting_user, RECORD, event):
        raise ValidationError(_("Anda tidak berwenang mengubah kegiatan ini."))
    return _save_event(event, fields, acting_user)


def _save_event(event, fields, acting_user):
    unknown = set(fields) - set(_EVENT_FIELDS)
    if unknown:
        raise TypeError(f"unknown event fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(event, name, value.strip() if isinstance(value, str) else value)
    _check_place(area=event.area, organization=event.organization, acting_user=acting_user)
    event.area_code = event.area.code
    event.full_clean()
    with set_actor(acting_user):
        event.save()
    return event


def _checked_hours(event: Event, hours_by_person: dict, guests, guest_hours, acting_user) -> dict[int, Decimal]:
    """{person pk: hours} for the persons given, or a ValidationError naming every wrong row."""
    if not can(acting_user, RECORD, event):
        raise ValidationError(_("Anda tidak berwenang mencatat kehadiran kegiatan ini."))
    already_held(event.held_on, "event")  # every path: the web page, the field app and ODK
    visible = set(Person.objects.visible_to(acting_user).filter(pk__in=[p.pk for p in hours_by_person]).values_list(
        "pk", flat=True))  # fmt: skip
    errors = []
    wanted = {}
    for person, hours in hours_by_person.items():
        if person.pk not in visible:
            errors.append(_("%(name)s tidak ada dalam lingkup Anda.") % {"name": person.name})
            continue
        hours = event.default_hours if hours in (None, "") else Decimal(hours)
        if not Decimal(0) < hours <= Decimal(24):
            errors.append(_("Jam kerja %(name)s harus lebih dari 0 dan paling banyak 24.") % {"name": person.name})
        wanted[person.pk] = hours
    if guests < 0 or Decimal(guest_hours) < 0:
        errors.append(_("Jumlah dan jam peserta tidak terdaftar tidak boleh negatif."))
    if guests == 0 and Decimal(guest_hours) > 0:
        errors.append(_("Ada jam peserta tidak terdaftar tetapi jumlah pesertanya nol."))
    if errors:
        raise ValidationError(errors)
    return wanted


@transaction.atomic
def record_attendance(event: Event, *, hours_by_person: dict, guests=0, guest_hours=0, acting_user) -> dict:
    """Set the attendance of the persons the user sees to `hours_by_person` ({Person: hours or None → the event's
    hours}): those ticked are present, those the user sees but did not tick are not. Rows of persons outside the
    user's view (residents of another RT, recorded by someone who sees them) are kept untouched.

    Saving the same list twice changes nothing, so a phone that retries a submit does no harm.
    """
    wanted = _checked_hours(event, hours_by_person, guests, guest_hours, acting_user)
    with set_actor(acting_user), tallies.batched():
        existing = {a.person_id: a for a in event.attendance.all()}
        # Only the rows of persons the user sees are theirs to remove: a write never touches what it cannot see.
        seen = set(Person.objects.visible_to(acting_user).filter(pk__in=list(existing)).values_list("pk", flat=True))
        for person_id, row in existing.items():
            if person_id in seen and person_id not in wanted:
                row.delete()
        added = changed = 0
        for person_id, hours in wanted.items():
            row = existing.get(person_id)
            if row is None:
                Attendance(event=event, person_id=person_id, hours=hours).save()
                added += 1
            elif row.hours != hours:
                row.hours = hours
                row.save(update_fields=["hours", "updated_at"])
                changed += 1
        if (event.guests, event.guest_hours) != (guests, Decimal(guest_hours)):
            event.guests, event.guest_hours = guests, Decimal(guest_hours)
            event.save(update_fields=["guests", "guest_hours", "updated_at"])
    kept = len(set(existing) - seen)
    return {"present": len(wanted), "added": added, "changed": changed, "kept": kept}


@transaction.atomic
def merge_attendance(event: Event, *, add: dict, remove=(), guests=None, guest_hours=None, acting_user) -> dict:
    """Change an event's list by what one recorder changed, leaving what others recorded meanwhile in place.

    `add` ({Person: hours or None → the event's hours}) are marked present; a person already present keeps the
    hours recorded. `remove` (persons) are taken off. Everyone else on the list stays. `guests`/`guest_hours`
    None keep the event's figures. Two phones correcting one list offline each keep their own additions.
    """
    event = Event.objects.select_for_update().get(pk=event.pk)  # one merge at a time per event
    guests = event.guests if guests is None else guests
    guest_hours = event.guest_hours if guest_hours is None else Decimal(guest_hours)
    wanted = _checked_hours(event, add, guests, guest_hours, acting_user)
    removed_ids = {p.pk for p in remove} - set(wanted)
    outside = set(Person.objects.filter(pk__in=removed_ids).exclude(
        pk__in=Person.objects.visible_to(acting_user).values("pk")).values_list("pk", flat=True))  # fmt: skip
    if outside:
        raise ValidationError(_("Ada penduduk di luar lingkup Anda yang hendak dihapus dari daftar hadir."))
    added = removed = 0
    with set_actor(acting_user), tallies.batched():
        existing = {a.person_id: a for a in event.attendance.all()}
        for person_id in removed_ids & set(existing):
            existing.pop(person_id).delete()
            removed += 1
        for person_id, hours in wanted.items():
            if person_id not in existing:
                Attendance(event=event, person_id=person_id, hours=hours).save()
                added += 1
        if (event.guests, event.guest_hours) != (guests, guest_hours):
            event.guests, event.guest_hours = guests, guest_hours
            event.save(update_fields=["guests", "guest_hours", "updated_at"])
    present = event.attendance.count()
    return {"present": present, "added": added, "removed": removed, "kept": present - added}


@transaction.atomic
def add_contribution(event: Event, *, what, quantity, unit, estimated_value, given_by="", acting_user) -> Contribution:
    if not can(acting_user, RECORD, event):
        raise ValidationError(_("Anda tidak berwenang mencatat sumbangan untuk kegiatan ini."))
    contribution = Contribution(
        event=event,
        what=what.strip(),
        quantity=quantity,
        unit=unit.strip(),
        estimated_value=estimated_value,
        given_by=(given_by or "").strip(),
        area_code=event.area_code,
    )
    if estimated_value is not None:
        whole_rupiah(estimated_value, "estimated_value", allow_zero=True)
    contribution.full_clean()
    with set_actor(acting_user):
        contribution.save()
    return contribution


@transaction.atomic
def set_wage_rate(
    *,
    city_code,
    year,
    monthly_wage,
    labour_divisor=LabourDivisor.OVERTIME_BASIS,
    source="",
    verified=False,
    acting_user,
):
    """Create or correct a city's UMK for a year and the divisor that turns it into an hour's value (the audit
    trail keeps the old values)."""
    if not can(acting_user, RECORD, city_code):
        raise ValidationError(_("Hanya petugas kota yang dapat mengubah UMK kotanya."))
    rate = WageRate.objects.filter(city_code=city_code, year=year).first() or WageRate(city_code=city_code, year=year)
    rate.monthly_wage, rate.labour_divisor = monthly_wage, labour_divisor
    rate.source, rate.verified = source.strip(), verified
    rate.full_clean(validate_unique=False)
    with set_actor(acting_user):
        rate.save()
    return rate


@transaction.atomic
def create_norm(*, text, agreed_on, area, organization=None, acting_user) -> Norm:
    _check_place(area=area, organization=organization, acting_user=acting_user)
    norm = Norm(text=text.strip(), agreed_on=agreed_on, area=area, organization=organization, area_code=area.code)
    norm.full_clean()
    with set_actor(acting_user):
        norm.save()
    return norm


@transaction.atomic
def give_warning(norm: Norm, *, person, given_on, level, note="", acting_user) -> NormWarning:
    if not can(acting_user, RECORD, norm):
        raise ValidationError(_("Anda tidak berwenang mencatat teguran untuk norma ini."))
    if not Person.objects.visible_to(acting_user).filter(pk=person.pk).exists():
        raise ValidationError({"person": _("Penduduk ini tidak ada dalam lingkup Anda.")})
    if given_on < norm.agreed_on:
        raise ValidationError({"given_on": _("Teguran tidak bisa diberikan sebelum norma disepakati.")})
    warning = NormWarning(norm=norm, person=person, given_on=given_on, level=level, note=(note or "").strip())
    warning.area_code = norm.area_code
    warning.full_clean()
    with set_actor(acting_user):
        warning.save()
    return warning
