"""A home visit logged by the acting user (casework.services.log_visit): one per case, worker and day."""

from django.utils.translation import gettext as _

from gotong.casework.models import Adherence, Case, Visit
from gotong.casework.services import log_visit
from gotong.core.dates import short_date
from gotong.field import recordable, rules
from gotong.field.labels import ADHERENCE
from gotong.field.services.common import Outcome, changed_on_server, date, text, visible_record
from gotong.field.services.compare import as_date, as_text, choice, rows

FIELDS = ("met_with", "condition", "adherence", "issues", "next_step")


SHOWN = {
    "visited_on": as_date,
    "met_with": as_text,
    "condition": as_text,
    "adherence": choice(ADHERENCE),
    "issues": as_text,
    "next_step": as_text,
}


def values_of(visit: Visit) -> dict:
    return {"visited_on": visit.visited_on.isoformat(), **{name: getattr(visit, name) for name in FIELDS}}


def _outcome(visit: Visit, case: Case) -> Outcome:
    summary = _("Kunjungan %(name)s, %(day)s") % {
        "name": case.subject_name,
        "day": short_date(visit.visited_on),
    }
    # The stored result is returned on a retry: keep health details (condition, adherence) out of it.
    data = {"visited_on": visit.visited_on.isoformat(), "case": str(case.public_id)}
    return Outcome("casework.visit", str(visit.public_id), visit.updated_at.isoformat(), summary, data)


def apply(user, payload: dict, base_version: str | None, key) -> Outcome:
    case = visible_record(
        user,
        Case.objects.select_related("person", "household"),
        payload,
        "case",
        absent=_("Kasus ini tidak ada dalam lingkup Anda."),
    )
    recordable.require(user, "visit", case, _("Hanya tim pendamping yang mencatat pada kasus yang masih terbuka."))
    visited_on = date(payload, "visited_on")
    values = {name: text(payload, name) for name in FIELDS}
    values["adherence"] = rules.choice(payload, "adherence", Adherence, label=_("Kepatuhan minum obat"))
    if not case.is_tb:
        values["adherence"] = ""
    existing = Visit.objects.filter(case=case, worker=user, visited_on=visited_on).first()
    if existing is not None:
        if all(getattr(existing, name) == values[name] for name in FIELDS):
            return _outcome(existing, case)
        # Casework has no correction of a visit: the user may only keep the server's one.
        compared = rows("visit", SHOWN, {"visited_on": visited_on.isoformat(), **values}, values_of(existing))
        raise changed_on_server(values_of(existing), existing.updated_at.isoformat(), compared)
    visit = log_visit(case, visited_on=visited_on, acting_user=user, **values)
    return _outcome(visit, case)
