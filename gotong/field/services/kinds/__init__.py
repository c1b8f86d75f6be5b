"""One handler per kind of field entry: (user, payload, base_version, key) -> Outcome, or an error."""

from gotong.field.services.kinds import anc_visit, aspiration, attendance, deposit, immunisation, visit, weighing

HANDLERS = {
    "weighing": weighing.apply,
    "immunisation": immunisation.apply,
    "deposit": deposit.apply,
    "visit": visit.apply,
    "attendance": attendance.apply,
    "aspiration": aspiration.apply,
    "anc_visit": anc_visit.apply,
}
