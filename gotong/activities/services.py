"""Writes for gotong royong: events, attendance, in-kind contributions, wage rates, norms and warnings."""

from decimal import Decimal

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gotong.activities.access import can_record_at
from gotong.activities.models import Attendance, Contribution, Event, Norm, NormWarning, WageRate
from gotong.core.scoping import code_inside
from gotong.registry.models import Person


def _check_place(*, area, organization, acting_user, field="area"):
    outside_org = organization is not None and not code_inside(area.code, [organization.area_code])
    if outside_org and not can_record_at(acting_user, area.code):
        raise ValidationError({field: _("Wilayah harus berada di wilayah kerja %(org)s.") % {"org": organization}})
    if not can_record_at(acting_user, area.code, organization):
        raise ValidationError({field: _("Anda tidak berwenang mencatat kegiatan di wilayah ini.")})


_EVENT_FIELDS = ("title", "kind", "held_on", "start_time", "default_hours", "area", "organization", "place",
                 "description")  # fmt: skip


@transaction.atomic
def create_event(*, acting_user, **fields) -> Event:
    event = Event()
    return _save_event(event, fields, acting_user)


@transaction.atomic
def update_event(event: Event, *, acting_user, **fields) -> Event:
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


@transaction.atomic
def record_attendance(event: Event, *, hours_by_person: dict, guests=0, guest_hours=0, acting_user) -> dict:
    """Replace the event's attendance with `hours_by_person` ({Person: hours or None → the event's hours}).

    Saving the same list twice changes nothing, so a phone that retries a submit does no harm.
    """
    if not can_record_at(acting_user, event.area_code, event.organization):
        raise ValidationError(_("Anda tidak berwenang mencatat kehadiran kegiatan ini."))
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
    with set_actor(acting_user):
        existing = {a.person_id: a for a in event.attendance.all()}
        for person_id, row in existing.items():
            if person_id not in wanted:
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
    return {"present": len(wanted), "added": added, "changed": changed}


@transaction.atomic
def add_contribution(event: Event, *, what, quantity, unit, estimated_value, given_by="", acting_user) -> Contribution:
    if not can_record_at(acting_user, event.area_code, event.organization):
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
    if estimated_value is not None and estimated_value < 0:
        raise ValidationError({"estimated_value": _("Perkiraan nilai tidak boleh negatif.")})
    contribution.full_clean()
    with set_actor(acting_user):
        contribution.save()
    return contribution


@transaction.atomic
def set_wage_rate(*, city_code, year, monthly_wage, hours_per_month=173, source="", verified=False, acting_user):
    """Create or correct a city's UMK for a year (the audit trail keeps the old value)."""
    if not acting_user.is_superuser and not can_record_at(acting_user, city_code):
        raise ValidationError(_("Hanya petugas kota yang dapat mengubah UMK kotanya."))
    rate = WageRate.objects.filter(city_code=city_code, year=year).first() or WageRate(city_code=city_code, year=year)
    rate.monthly_wage, rate.hours_per_month = monthly_wage, hours_per_month
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
    if not can_record_at(acting_user, norm.area_code, norm.organization):
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
