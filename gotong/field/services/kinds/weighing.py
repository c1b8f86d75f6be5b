"""A posyandu weighing: recorded (or corrected, when the user chose to) through posyandu.services."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from gotong.core.dates import month_year
from gotong.core.numbers import decimal_text
from gotong.field import rules
from gotong.field.labels import MEASURES
from gotong.field.services.common import Outcome, changed_on_server, date, decimal
from gotong.field.services.compare import as_date, as_flag, as_number, choice, rows
from gotong.field.services.kinds.children import child_to_record
from gotong.posyandu import services as posyandu
from gotong.posyandu.models import Child, Measure, Session, Weighing


def version_of(weighing: Weighing | None) -> str:
    return weighing.updated_at.isoformat() if weighing is not None else ""


def _q(value: Decimal | None, places: str) -> Decimal | None:
    return None if value is None else value.quantize(Decimal(places))


def values_of(weighing: Weighing) -> dict:
    return {
        "measured_on": weighing.measured_on.isoformat(),
        "weight_kg": str(weighing.weight_kg),
        "length_cm": str(weighing.length_cm) if weighing.length_cm is not None else None,
        "measure": weighing.measure,
        "muac_cm": str(weighing.muac_cm) if weighing.muac_cm is not None else None,
        "oedema": weighing.oedema,
        "growth_card": weighing.growth_card,
    }


SHOWN = {
    "measured_on": as_date,
    "weight_kg": as_number,
    "length_cm": as_number,
    "measure": choice(MEASURES),
    "muac_cm": as_number,
    "oedema": as_flag,
    "growth_card": as_flag,
}


def _compare(payload: dict, weighing: Weighing) -> list[dict]:
    mine = dict(payload)
    if not payload.get("length_cm"):
        mine["measure"] = ""  # no length typed: the phone's default choice of measure means nothing
    return rows("weighing", SHOWN, mine, values_of(weighing))


def _same(weighing: Weighing, measured_on, values: dict) -> bool:
    return (
        weighing.measured_on == measured_on
        and weighing.weight_kg == _q(values["weight_kg"], "0.01")
        and weighing.length_cm == _q(values["length_cm"], "0.1")
        and weighing.muac_cm == _q(values["muac_cm"], "0.1")
        and (weighing.measure or "") == (values["measure"] if values["length_cm"] is not None else "")
        and weighing.oedema == values["oedema"]
        and weighing.growth_card == values["growth_card"]
    )


def _outcome(weighing: Weighing, child: Child) -> Outcome:
    summary = _("Penimbangan %(name)s: %(kg)s kg") % {
        "name": child.person.name,
        "kg": decimal_text(weighing.weight_kg),
    }
    return Outcome("posyandu.weighing", str(weighing.pk), version_of(weighing), summary, values_of(weighing))


def apply(user, payload: dict, base_version: str | None, key) -> Outcome:
    child = child_to_record(user, payload, "weighing", _("Anda tidak berwenang menimbang di %(p)s."))
    measured_on = date(payload, "measured_on")
    session = Session.objects.filter(posyandu=child.posyandu, month=measured_on.replace(day=1)).first()
    if session is None:
        raise ValidationError(
            {
                "measured_on": _("%(p)s belum membuka hari buka bulan %(m)s; buka dulu hari bukanya.")
                % {"p": child.posyandu.name, "m": month_year(measured_on)}
            }
        )
    values = {
        "weight_kg": decimal(payload, "weight_kg", required=True),
        "length_cm": decimal(payload, "length_cm"),
        "measure": rules.choice(payload, "measure", Measure, label=_("Cara ukur")),
        "muac_cm": decimal(payload, "muac_cm"),
        "oedema": rules.yes_no(payload, "oedema", label=_("Edema"), default=False),
        "growth_card": rules.yes_no(payload, "growth_card", label=_("Membawa KMS/buku KIA"), default=True),
    }
    existing = Weighing.objects.filter(child=child, month=session.month).first()
    current = version_of(existing)
    if existing is not None and (base_version or "") != current:
        if _same(existing, measured_on, values):
            return _outcome(existing, child)  # someone already recorded exactly this: nothing to overwrite
        raise changed_on_server(values_of(existing), current, _compare(payload, existing))
    weighing = posyandu.record_weighing(
        child=child, session=session, measured_on=measured_on, acting_user=user, **values
    )
    return _outcome(weighing, child)
