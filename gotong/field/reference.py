"""The reference data each field form downloads while online and keeps on the device (IndexedDB).

Everything goes through the modules' own scoped querysets and access checks: a form gets only what its user
may record. No NIK, and no health details (case conditions, z-scores) leave the server here.
"""

import datetime

from django.utils.translation import gettext as _

from gotong.activities import access as activities_access
from gotong.activities.models import Event
from gotong.casework import access as casework_access
from gotong.field.services.kinds import attendance, weighing
from gotong.posyandu.access import can_record as can_weigh
from gotong.posyandu.access import posyandus_for
from gotong.posyandu.models import Child, Session, Weighing
from gotong.registry.models import Person
from gotong.wastebank import access as wastebank_access
from gotong.wastebank.models import Member, WasteBank
from gotong.wastebank.services import price_list

MAX_PEOPLE = 400  # an RT rarely has more; a longer list would not be usable on a phone anyway
EVENT_WINDOW_DAYS = (30, 14)  # events from a month ago to two weeks ahead


def weighing_data(user, today: datetime.date) -> dict:
    month = today.replace(day=1)
    posyandus = []
    for posyandu in posyandus_for(user).order_by("name"):
        if not can_weigh(user, posyandu):
            continue
        session = Session.objects.filter(posyandu=posyandu, month=month).first()
        children = (
            Child.objects.visible_to(user).filter(posyandu=posyandu).current(today).select_related("person")
        ).order_by("person__name")
        weighed = {}
        if session is not None:
            weighed = {w.child_id: w for w in Weighing.objects.filter(session=session)}
        posyandus.append(
            {
                "id": str(posyandu.pk),
                "name": posyandu.name,
                "session": {"held_on": session.held_on.isoformat(), "month": month.isoformat()} if session else None,
                "children": [
                    {
                        "id": str(c.public_id),
                        "name": c.person.name,
                        "sex": c.person.sex,
                        "birth_date": c.person.birth_date.isoformat(),
                        "version": weighing.version_of(weighed.get(c.pk)),
                        "weighed": weighing.values_of(weighed[c.pk]) if c.pk in weighed else None,
                    }
                    for c in children
                ],
            }
        )
    return {"kind": "weighing", "today": today.isoformat(), "posyandus": posyandus}


def deposit_data(user, today: datetime.date) -> dict:
    banks = []
    for bank in WasteBank.objects.visible_to(user).select_related("organization"):
        if not wastebank_access.can_record(user, bank):
            continue
        members = Member.objects.filter(bank=bank, is_active=True).select_related("person").order_by("number")
        banks.append(
            {
                "id": str(bank.pk),
                "name": bank.organization.name,
                "members": [{"id": str(m.public_id), "number": m.number, "name": m.person.name} for m in members],
                "categories": [
                    {"id": str(c.pk), "name": c.name, "price_per_kg": price}
                    for c, price in price_list(bank, today)
                    if price is not None
                ],
            }
        )
    return {"kind": "deposit", "today": today.isoformat(), "banks": banks}


def visit_data(user, today: datetime.date) -> dict:
    cases = []
    for case in casework_access.recordable_cases(user).select_related("person", "household").order_by("pk"):
        last = case.visits.order_by("-visited_on", "-pk").first()
        cases.append(
            {
                "id": str(case.public_id),
                "name": case.subject_name,
                "program": case.get_program_display(),
                "is_tb": case.is_tb,
                "opened_on": case.opened_on.isoformat(),
                "last_visit": last.visited_on.isoformat() if last else None,
                "met_with": last.met_with if last else case.subject_name,
                "previous_next_step": last.next_step if last else "",
            }
        )
    return {"kind": "visit", "today": today.isoformat(), "cases": cases}


def attendance_data(user, today: datetime.date) -> dict:
    before, after = EVENT_WINDOW_DAYS
    events = Event.objects.visible_to(user).filter(
        held_on__gte=today - datetime.timedelta(days=before), held_on__lte=today + datetime.timedelta(days=after)
    )
    rows = []
    for event in events.select_related("organization").order_by("held_on", "pk"):
        if not activities_access.can_record(user, event):
            continue
        people = Person.objects.visible_to(user).in_area(event.area_code).order_by("name")[:MAX_PEOPLE]
        present = {a.person_id: str(a.hours) for a in event.attendance.all()}
        rows.append(
            {
                "id": str(event.public_id),
                "title": event.title,
                "held_on": event.held_on.isoformat(),
                "default_hours": str(event.default_hours),
                "guests": event.guests,
                "guest_hours": str(event.guest_hours),
                "version": attendance.version_of(event),
                "people": [{"id": str(p.public_id), "name": p.name, "hours": present.get(p.pk)} for p in people],
            }
        )
    return {"kind": "attendance", "today": today.isoformat(), "events": rows}


BUILDERS = {
    "weighing": weighing_data,
    "deposit": deposit_data,
    "visit": visit_data,
    "attendance": attendance_data,
}


def available_forms(user) -> list[str]:
    """The forms worth showing this user: those for which they may record something at all."""
    from gotong.posyandu.access import may_record_somewhere

    kinds = []
    if may_record_somewhere(user):
        kinds.append("weighing")
    if any(wastebank_access.can_record(user, b) for b in WasteBank.objects.visible_to(user)):
        kinds.append("deposit")
    if casework_access.recordable_cases(user).exists():
        kinds.append("visit")
    if activities_access.may_record_at_all(user):
        kinds.append("attendance")
    return kinds


def no_data_message(kind: str) -> str:
    return {
        "weighing": _("Tidak ada posyandu tempat Anda bertugas."),
        "deposit": _("Anda bukan pengurus bank sampah."),
        "visit": _("Tidak ada kasus terbuka yang Anda dampingi."),
        "attendance": _("Tidak ada kegiatan gotong royong sebulan terakhir yang bisa Anda catat."),
    }[kind]
