"""Immunisation doses given to one child on one day, recorded through `posyandu.immunisation.services`.

Payload: {"child": public id, "given_on": ISO date, "doses": ["polio:2", "dpt_hb_hib:1"] (or one space-separated
text, as ODK's select_multiple sends it), "place": "posyandu" | "puskesmas" | "other", "batch": optional text}.
The service checks the schedule, dates after today and the place; a dose already recorded is not sent twice by the
field queue (its idempotency key), and a second device's duplicate is refused with the service's message.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from gotong.field import rules
from gotong.field.services.common import Outcome, date, text
from gotong.field.services.kinds.children import child_to_record
from gotong.posyandu.immunisation import schedule, services
from gotong.posyandu.models import ImmunisationPlace, Session


def _doses(payload: dict) -> list[tuple[str, int]]:
    raw = payload.get("doses")
    values = raw.split() if isinstance(raw, str) else raw
    if not isinstance(values, list) or not values:
        raise ValidationError({"doses": _("Pilih minimal satu imunisasi yang diberikan.")})
    doses = []
    for value in values:
        vaccine, _sep, number = str(value).partition(":")
        if not number.isdigit() or (vaccine, int(number)) not in schedule.DOSES:
            raise ValidationError({"doses": _("Vaksin atau dosis tidak ada dalam jadwal imunisasi rutin.")})
        doses.append((vaccine, int(number)))
    return doses


def apply(user, payload: dict, base_version: str | None, key) -> Outcome:
    child = child_to_record(user, payload, "immunisation", _("Anda tidak berwenang mencatat imunisasi di %(p)s."))
    given_on = date(payload, "given_on")
    place = rules.choice(payload, "place", ImmunisationPlace, label=_("Tempat imunisasi")) or ImmunisationPlace.POSYANDU
    session = None
    if place == ImmunisationPlace.POSYANDU:
        session = Session.objects.filter(posyandu=child.posyandu, month=given_on.replace(day=1)).first()
    batch = text(payload, "batch", limit=40)
    saved = services.record_doses(
        child=child,
        doses=_doses(payload),
        given_on=given_on,
        place=place,
        session=session,
        batches={vaccine: batch for vaccine, _n in schedule.DOSES},
        acting_user=user,
    )
    labels = ", ".join(schedule.dose_label(i.vaccine, i.dose) for i in saved)
    summary = _("Imunisasi %(name)s: %(doses)s") % {"name": child.person.name, "doses": labels}
    values = {"given_on": given_on.isoformat(), "doses": [f"{i.vaccine}:{i.dose}" for i in saved], "place": place}
    return Outcome("posyandu.immunisation", ",".join(str(i.pk) for i in saved), "", summary, values)
