"""The attendance list of a gotong royong event.

An entry that says what the phone's list showed (`seen`) is merged: the residents the phone added are added, those
it had seen and unticked are removed, and whoever another recorder added meanwhile stays
(activities.services.merge_attendance). Only the two guest figures can truly clash (one number, two new values):
that is a conflict for the user to decide. An entry without `seen` (ODK) sets the whole list it names
(record_attendance), and only over the version it was made from.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from gotong.activities.models import Event
from gotong.activities.services import merge_attendance, record_attendance
from gotong.field import recordable
from gotong.field.labels import labels_for
from gotong.field.services.common import (
    Outcome,
    SubmissionConflict,
    changed_on_server,
    decimal,
    digest,
    public_id,
    visible_record,
)
from gotong.field.services.compare import as_number, rows, side_by_side
from gotong.registry.models import Person


def _state(hours_by_id: dict, guests: int, guest_hours: Decimal) -> str:
    return digest(
        (sorted((pk, str(h.normalize())) for pk, h in hours_by_id.items()), guests, str(guest_hours.normalize()))
    )


def current_state(event: Event) -> dict:
    return {a.person_id: a.hours for a in event.attendance.all()}


def version_of(event: Event) -> str:
    return _state(current_state(event), event.guests, Decimal(event.guest_hours))


def server_values(event: Event, user) -> dict:
    rows = list(event.attendance.select_related("person").order_by("person__name"))
    visible = set(
        Person.objects.visible_to(user).filter(pk__in=[r.person_id for r in rows]).values_list("pk", flat=True)
    )
    return {
        "present": [
            {
                "person": str(r.person.public_id) if r.person_id in visible else None,
                "name": r.person.name if r.person_id in visible else _("(di luar lingkup Anda)"),
                "hours": str(r.hours),
            }
            for r in rows
        ],
        "guests": event.guests,
        "guest_hours": str(event.guest_hours),
    }


def _people(user, ids) -> dict:
    people = {p.public_id: p for p in Person.objects.visible_to(user).filter(public_id__in=ids)}
    if len(people) != len(set(ids)):
        raise ValidationError({"present": _("Ada penduduk yang tidak ada dalam lingkup Anda; unduh ulang data.")})
    return people


def _wanted(payload: dict, user, event: Event) -> dict[Person, Decimal]:
    raw = payload.get("present", [])
    if not isinstance(raw, list) or not all(isinstance(r, dict) for r in raw):
        raise ValidationError({"present": _("Daftar hadir tidak sah; unduh ulang data formulir.")})
    ids = [public_id(r, "person") for r in raw]
    people = _people(user, ids)
    wanted = {}
    for row, pid in zip(raw, ids, strict=True):
        hours = decimal(row, "hours")
        wanted[people[pid]] = event.default_hours if hours is None else hours
    return wanted


def _guests(payload: dict) -> tuple[int, Decimal]:
    guests = payload.get("guests", 0) or 0
    if isinstance(guests, bool) or not isinstance(guests, int):
        raise ValidationError({"guests": _("Jumlah peserta tidak terdaftar harus bilangan bulat.")})
    return guests, decimal(payload, "guest_hours") or Decimal(0)


def _seen(payload: dict, user) -> tuple[set[int], tuple[int, Decimal]] | None:
    """What the phone's list showed when the entry was made: present persons' pks and the guest figures."""
    seen = payload.get("seen")
    if seen is None:
        return None
    if not isinstance(seen, dict) or not isinstance(seen.get("present", []), list):
        raise ValidationError({"seen": _("Daftar hadir tidak sah; unduh ulang data formulir.")})
    ids = [public_id({"person": pid}, "person") for pid in seen.get("present", [])]
    return {p.pk for p in _people(user, ids).values()}, _guests(seen)


def _merge(user, event: Event, wanted: dict, figures: tuple, seen: tuple, base_version) -> dict:
    seen_ids, seen_figures = seen
    server_figures = (event.guests, Decimal(event.guest_hours))
    add = {person: hours for person, hours in wanted.items() if person.pk not in seen_ids}
    remove = list(Person.objects.filter(pk__in=seen_ids - {p.pk for p in wanted}))
    if base_version == version_of(event) or figures == server_figures or server_figures == seen_figures:
        keep = figures  # the user saw the server's figures (or chose theirs in a conflict), or nobody else changed them
    elif figures == seen_figures:
        keep = server_figures  # the phone did not touch them: the newer server figures stay
    else:
        names = {"guests": as_number, "guest_hours": as_number}
        mine = {"guests": figures[0], "guest_hours": figures[1]}
        server = {"guests": server_figures[0], "guest_hours": server_figures[1]}
        raise SubmissionConflict(
            "changed_on_server",
            _(
                "Jumlah peserta tidak terdaftar diubah di server dan di HP ini. Daftar warga yang hadir akan "
                "digabung; pilih jumlah mana yang dipakai."
            ),
            server=server_values(event, user),
            version=version_of(event),
            rows=rows("attendance", names, mine, server),
        )
    return merge_attendance(event, add=add, remove=remove, guests=keep[0], guest_hours=keep[1], acting_user=user)


def _compare(wanted: dict, guests: int, guest_hours: Decimal, event: Event) -> list[dict]:
    names = sorted(p.name for p in wanted)
    server_names = [a.person.name for a in event.attendance.select_related("person").order_by("person__name")]
    figures = rows(
        "attendance",
        {"guests": as_number, "guest_hours": as_number},
        {"guests": guests, "guest_hours": guest_hours},
        {"guests": event.guests, "guest_hours": event.guest_hours},
    )
    present = side_by_side(labels_for("attendance")["present"], ", ".join(names), ", ".join(server_names), "present")
    return [present, *figures]


def apply(user, payload: dict, base_version: str | None, key) -> Outcome:
    event = visible_record(
        user, Event.objects, payload, "event", absent=_("Kegiatan ini tidak ada dalam lingkup Anda.")
    )
    # Locked: two phones merging into one list at once each merge into the other's result.
    event = Event.objects.select_for_update().get(pk=event.pk)
    recordable.require(user, "attendance", event, _("Anda tidak berwenang mencatat kehadiran kegiatan ini."))
    wanted = _wanted(payload, user, event)
    guests, guest_hours = _guests(payload)
    seen = _seen(payload, user)
    if seen is not None:
        counts = _merge(user, event, wanted, (guests, guest_hours), seen, base_version)
        return _outcome(event, counts)
    current = version_of(event)
    expected = base_version if base_version is not None else _state({}, 0, Decimal(0))
    if expected != current:
        mine = _state({p.pk: h for p, h in wanted.items()}, guests, guest_hours)
        if mine != current:
            raise changed_on_server(server_values(event, user), current, _compare(wanted, guests, guest_hours, event))
    counts = record_attendance(event, hours_by_person=wanted, guests=guests, guest_hours=guest_hours, acting_user=user)
    return _outcome(event, counts)


def _outcome(event: Event, counts: dict) -> Outcome:
    event.refresh_from_db(fields=["guests", "guest_hours"])
    summary = _("Kehadiran %(title)s: %(n)s orang") % {"title": event.title, "n": counts["present"]}
    return Outcome("activities.event", str(event.public_id), version_of(event), summary, counts)
