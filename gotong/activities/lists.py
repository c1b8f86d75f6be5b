"""Gotong royong lists (events, norms, warnings) as functions the pages and their XLSX/CSV exports both call."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gotong.activities.models import Event, Norm, NormWarning
from gotong.core.listing import filter_wilayah
from gotong.core.policy import can, may_somewhere
from gotong.core.policy.decide import place_of
from gotong.exports.specs import DATE, Column, ListExport, register

# The home page shows the next few events and the latest ones, not the whole history.
UPCOMING_SHOWN, RECENT_SHOWN = 5, 8
WARNINGS_SHOWN = 100


def event_rows(user, filters, today=None) -> dict:
    """The events on the home page: `upcoming` (soonest first) and `recent` (latest first), in the user's scope."""
    today = today or timezone.localdate()
    events = filter_wilayah(Event.objects.visible_to(user), filters).select_related("area__parent", "organization")
    return {
        "upcoming": list(events.filter(held_on__gte=today).order_by("held_on")[:UPCOMING_SHOWN]),
        "recent": list(events.filter(held_on__lt=today)[:RECENT_SHOWN]),
    }


def _event_export_rows(user, filters) -> list[tuple]:
    shown = event_rows(user, filters)
    return [(_("Akan datang"), e) for e in shown["upcoming"]] + [(_("Terakhir"), e) for e in shown["recent"]]


def _place(area):
    return f"{area.name} {area.parent.name}" if area.parent else area.name


register(
    ListExport(
        key="activities.events",
        title=_("Gotong royong"),
        filename="gotong-royong",
        rows=_event_export_rows,
        columns=[
            Column(_("Bagian"), lambda r: r[0]),
            Column(_("Kegiatan"), lambda r: r[1].title),
            Column(_("Tanggal"), lambda r: r[1].held_on, DATE),
            Column(_("Jenis"), lambda r: r[1].get_kind_display()),
            Column(_("Wilayah"), lambda r: _place(r[1].area)),
            Column(_("Organisasi"), lambda r: str(r[1].organization) if r[1].organization else ""),
        ],
    )
)


def norm_rows(user, filters) -> list:
    """Norms in scope; each knows whether the user may record a warning under it."""
    norms = filter_wilayah(Norm.objects.visible_to(user), filters).select_related("area__parent", "organization")
    norms = list(norms)
    for norm in norms:
        # Already visible: only the reach of the record capability is left to ask (no query per norm).
        norm.can_warn = can(user, "activities.record", place_of(norm))
    return norms


def may_see_warnings(user, warnings=()) -> bool:
    """Show the warnings section to those who record warnings or see any (residents never see their neighbours')."""
    return bool(warnings) or may_somewhere(user, "activities.record")


def warning_rows(user, filters) -> list:
    """The latest warnings the user may see (`NormWarning.objects.visible_to`: area workers and the officers of the
    norm's organisation)."""
    warnings = filter_wilayah(NormWarning.objects.visible_to(user), filters).select_related("norm", "person")
    return list(warnings[:WARNINGS_SHOWN])


register(
    ListExport(
        key="activities.norms",
        title=_("Norma"),
        filename="norma",
        rows=norm_rows,
        columns=[
            Column(_("Norma"), lambda n: n.text),
            Column(_("Berlaku"), lambda n: _("ya") if n.active else _("tidak berlaku")),
            Column(_("Disepakati"), lambda n: n.agreed_on, DATE),
            Column(_("Organisasi"), lambda n: str(n.organization) if n.organization else ""),
            Column(_("Wilayah"), lambda n: f"{n.area.name}, {n.area.parent.name}" if n.area.parent else n.area.name),
        ],
    )
)

register(
    ListExport(
        key="activities.warnings",
        title=_("Teguran"),
        filename="teguran",
        rows=warning_rows,
        columns=[
            Column(_("Tanggal"), lambda w: w.given_on, DATE),
            Column(_("Warga"), lambda w: w.person.name),
            Column(_("Tingkat"), lambda w: w.get_level_display()),
            Column(_("Norma"), lambda w: str(w.norm)),
            Column(_("Catatan"), lambda w: w.note),
        ],
    )
)
