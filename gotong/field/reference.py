"""The reference data each field form downloads while online and keeps on the device (IndexedDB).

A form gets only what its user may record: the records of `gotong.field.recordable` (ODK's choice lists are built
from the same answer), and in them only what the user sees. No NIK, and no health details (case conditions,
z-scores) leave the server here.
"""

import datetime

from django.utils.translation import gettext as _

from gotong.field import recordable
from gotong.field.services.kinds import attendance, weighing
from gotong.posyandu.models import Child, Session, Weighing
from gotong.registry.models import Person
from gotong.wastebank.models import Member
from gotong.wastebank.services import price_list

MAX_PEOPLE = 400  # an RT rarely has more; a longer list would not be usable on a phone anyway
MAX_RTS = 400  # a kelurahan has a few dozen RTs; a city officer picks among the first, or uses the page


def weighing_data(user, today: datetime.date) -> dict:
    month = today.replace(day=1)
    posyandus = []
    for posyandu in recordable.posyandus(user).order_by("name"):
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


def anc_visit_data(user, today: datetime.date) -> dict:
    """The ongoing pregnancies of the posyandu the user records for: names and dating only, no measurements."""
    from gotong.posyandu.models import Pregnancy
    from gotong.posyandu.models.pregnancy import VisitPlace
    from gotong.posyandu.pregnancy import rules

    posyandus = []
    for posyandu in recordable.posyandus(user).order_by("name"):
        pregnancies = (
            Pregnancy.objects.visible_to(user).ongoing().filter(posyandu=posyandu).select_related("person")
        ).order_by("person__name", "pk")
        posyandus.append(
            {
                "id": str(posyandu.pk),
                "name": posyandu.name,
                "women": [
                    {
                        "id": str(p.public_id),
                        "name": p.person.name,
                        "lmp": p.lmp.isoformat(),
                        "due_date": rules.due_date(p.lmp).isoformat(),
                        "weeks": rules.gestational_age(p.lmp, today)[0],
                    }
                    for p in pregnancies
                ],
            }
        )
    places = [{"id": value, "name": str(label)} for value, label in VisitPlace.choices]
    return {"kind": "anc_visit", "today": today.isoformat(), "posyandus": posyandus, "places": places}


def immunisation_data(user, today: datetime.date) -> dict:
    """Per posyandu its children and, for each, the doses the schedule lets a cadre give today (no dates given)."""
    from gotong.posyandu.immunisation import coverage, schedule

    posyandus = []
    for posyandu in recordable.posyandus(user).order_by("name"):
        children = list(
            Child.objects.visible_to(user).filter(posyandu=posyandu).current(today).select_related("person")
        )
        given = coverage.given_by_child(children)
        rows = []
        for c in sorted(children, key=lambda c: c.person.name):
            status = schedule.child_status(c.person.birth_date, given[c.pk], today)
            doses = [
                {
                    "id": f"{dose.vaccine}:{dose.number}",
                    "name": schedule.dose_label(*dose.key),
                    "state": str(schedule.STATE_LABELS[state]),
                }
                for dose, state, _on in status.rows
                if state in schedule.GIVABLE
            ]
            rows.append(
                {
                    "id": str(c.public_id),
                    "name": c.person.name,
                    "birth_date": c.person.birth_date.isoformat(),
                    "doses": doses,
                }
            )
        posyandus.append({"id": str(posyandu.pk), "name": posyandu.name, "children": rows})
    return {"kind": "immunisation", "today": today.isoformat(), "posyandus": posyandus}


def deposit_data(user, today: datetime.date) -> dict:
    banks = []
    for bank in recordable.banks(user).select_related("organization").order_by("pk"):
        # Three columns per member, not two model instances: a large bank has ~1,000 members and this list is
        # downloaded on every open of the deposit form (it was most of that request's CPU).
        members = (
            Member.objects.visible_to(user)
            .filter(bank=bank, is_active=True)
            .order_by("number")
            .values_list("public_id", "number", "person__name")
        )
        banks.append(
            {
                "id": str(bank.pk),
                "name": bank.organization.name,
                "members": [
                    {"id": str(public_id), "number": number, "name": name} for public_id, number, name in members
                ],
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
    for case in recordable.cases(user).select_related("person", "household").order_by("pk"):
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
    rows = []
    for event in recordable.recent_events(user, today).select_related("organization").order_by("held_on", "pk"):
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


def aspiration_data(user, today: datetime.date) -> dict:
    """The categories and the RTs the user may raise about (a resident's own RT first); no one's name."""
    from gotong.areas.models import Area
    from gotong.core.area_codes import village_code
    from gotong.participation.forms.aspirations import rt_label
    from gotong.participation.models import AspirationCategory

    rts = list(recordable.rts(user)[:MAX_RTS])
    villages = {village_code(rt.code) for rt in rts}
    names = dict(Area.objects.filter(code__in=villages).values_list("code", "name"))
    home = user.person.household.area_code if user.person_id and user.person.household_id else ""
    rts.sort(key=lambda rt: (rt.code != home, rt.code))
    return {
        "kind": "aspiration",
        "today": today.isoformat(),
        "categories": [{"id": value, "name": str(label)} for value, label in AspirationCategory.choices],
        "rts": [{"id": rt.code, "name": rt_label(rt, names)} for rt in rts],
    }


BUILDERS = {
    "weighing": weighing_data,
    "anc_visit": anc_visit_data,
    "immunisation": immunisation_data,
    "deposit": deposit_data,
    "visit": visit_data,
    "attendance": attendance_data,
    "aspiration": aspiration_data,
}


def no_data_message(kind: str) -> str:
    return {
        "weighing": _("Tidak ada posyandu tempat Anda bertugas."),
        "anc_visit": _("Tidak ada posyandu tempat Anda bertugas."),
        "immunisation": _("Tidak ada posyandu tempat Anda bertugas."),
        "deposit": _("Anda bukan pengurus bank sampah."),
        "visit": _("Tidak ada kasus terbuka yang Anda dampingi."),
        "attendance": _("Tidak ada kegiatan gotong royong sebulan terakhir yang bisa Anda catat."),
        "aspiration": _("Tidak ada RT tempat Anda bisa menyampaikan aspirasi."),
    }[kind]
