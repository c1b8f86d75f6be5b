"""A pregnant woman's antenatal visit: recorded (or corrected, same day, when the user chose to) through
posyandu.pregnancy.services, which checks dates, choices and numbers for every path."""

from django.utils.translation import gettext as _

from gotong.core.dates import short_date
from gotong.field import recordable
from gotong.field.services.common import Outcome, changed_on_server, date, decimal, text, visible_record
from gotong.posyandu.models import Pregnancy
from gotong.posyandu.models.pregnancy import AncVisit
from gotong.posyandu.pregnancy import services


def version_of(visit: AncVisit | None) -> str:
    return visit.updated_at.isoformat() if visit is not None else ""


def values_of(visit: AncVisit) -> dict:
    def plain(value):
        return str(value) if value is not None else None

    return {
        "visited_on": visit.visited_on.isoformat(),
        "place": visit.place,
        "provider": visit.provider,
        "weight_kg": plain(visit.weight_kg),
        "muac_cm": plain(visit.muac_cm),
        "hb_g_dl": plain(visit.hb_g_dl),
        "systolic": visit.systolic,
        "diastolic": visit.diastolic,
        "iron_tablets": visit.iron_tablets,
        "notes": visit.notes,
    }


def _whole(payload: dict, name: str):
    value = payload.get(name)
    return None if value in (None, "") else value  # the service refuses anything but a whole number


def _outcome(visit: AncVisit, pregnancy: Pregnancy) -> Outcome:
    summary = _("Periksa hamil %(name)s: %(day)s (trimester %(t)s)") % {
        "name": pregnancy.person.name,
        "day": short_date(visit.visited_on),
        "t": visit.trimester,
    }
    return Outcome("posyandu.ancvisit", str(visit.pk), version_of(visit), summary, values_of(visit))


def apply(user, payload: dict, base_version: str | None, key) -> Outcome:
    pregnancy = visible_record(
        user,
        Pregnancy.objects.select_related("person", "posyandu"),
        payload,
        "pregnancy",
        absent=_("Ibu hamil ini tidak ada dalam lingkup Anda."),
    )
    recordable.require(
        user,
        "anc_visit",
        pregnancy.posyandu,
        _("Anda tidak berwenang mencatat pemeriksaan di %(p)s.") % {"p": pregnancy.posyandu.name},
    )
    visited_on = date(payload, "visited_on")
    values = {
        "place": text(payload, "place", limit=20),
        "provider": text(payload, "provider", limit=150),
        "weight_kg": decimal(payload, "weight_kg"),
        "muac_cm": decimal(payload, "muac_cm"),
        "hb_g_dl": decimal(payload, "hb_g_dl"),
        "systolic": _whole(payload, "systolic"),
        "diastolic": _whole(payload, "diastolic"),
        "iron_tablets": _whole(payload, "iron_tablets") or 0,
        "notes": text(payload, "notes"),
    }
    existing = AncVisit.objects.filter(pregnancy=pregnancy, visited_on=visited_on).first()
    current = version_of(existing)
    if existing is not None and (base_version or "") != current:
        server = values_of(existing)
        mine = {**values, "visited_on": visited_on.isoformat()}
        if all(str(server[k] or "") == str(mine[k] or "") for k in ("place", "weight_kg", "muac_cm", "hb_g_dl")) and (
            str(server["systolic"] or "") == str(mine["systolic"] or "")
        ):
            return _outcome(existing, pregnancy)  # the same visit already recorded: nothing to overwrite
        raise changed_on_server(server, current)
    visit = services.record_anc_visit(pregnancy=pregnancy, visited_on=visited_on, acting_user=user, **values)
    return _outcome(visit, pregnancy)
