"""The attendance list of a gotong royong event (activities.services.record_attendance replaces it whole)."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from gotong.activities.models import Event
from gotong.activities.services import record_attendance
from gotong.field import recordable
from gotong.field.services.common import Outcome, changed_on_server, decimal, digest, public_id
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


def _wanted(payload: dict, user, event: Event) -> dict[Person, Decimal]:
    raw = payload.get("present", [])
    if not isinstance(raw, list) or not all(isinstance(r, dict) for r in raw):
        raise ValidationError({"present": _("Daftar hadir tidak sah; unduh ulang data formulir.")})
    ids = [public_id(r, "person") for r in raw]
    people = {p.public_id: p for p in Person.objects.visible_to(user).filter(public_id__in=ids)}
    if len(people) != len(set(ids)):
        raise ValidationError({"present": _("Ada penduduk yang tidak ada dalam lingkup Anda; unduh ulang data.")})
    wanted = {}
    for row, pid in zip(raw, ids, strict=True):
        hours = decimal(row, "hours")
        wanted[people[pid]] = event.default_hours if hours is None else hours
    return wanted


def apply(user, payload: dict, base_version: str | None, key) -> Outcome:
    event = Event.objects.visible_to(user).filter(public_id=public_id(payload, "event")).first()
    if event is None:
        raise PermissionDenied(_("Kegiatan ini tidak ada dalam lingkup Anda."))
    recordable.require(user, "attendance", event, _("Anda tidak berwenang mencatat kehadiran kegiatan ini."))
    wanted = _wanted(payload, user, event)
    guests = payload.get("guests", 0) or 0
    if isinstance(guests, bool) or not isinstance(guests, int):
        raise ValidationError({"guests": _("Jumlah peserta tidak terdaftar harus bilangan bulat.")})
    guest_hours = decimal(payload, "guest_hours") or Decimal(0)
    current = version_of(event)
    expected = base_version if base_version is not None else _state({}, 0, Decimal(0))
    if expected != current:
        mine = _state({p.pk: h for p, h in wanted.items()}, guests, guest_hours)
        if mine != current:
            raise changed_on_server(server_values(event, user), current)
    counts = record_attendance(event, hours_by_person=wanted, guests=guests, guest_hours=guest_hours, acting_user=user)
    event.refresh_from_db(fields=["guests", "guest_hours"])
    summary = _("Kehadiran %(title)s: %(n)s orang") % {"title": event.title, "n": counts["present"]}
    return Outcome("activities.event", str(event.public_id), version_of(event), summary, counts)
