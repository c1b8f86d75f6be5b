"""The survey-round list as one function the page and its XLSX/CSV export both call."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from gotong.core.listing import filter_wilayah
from gotong.exports.specs import DATE, INT, Column, ListExport, register
from gotong.socialcapital.models import SurveyRound


def round_rows(user, filters) -> list:
    """Survey rounds in scope, newest first, with their number of responding households."""
    rounds = filter_wilayah(SurveyRound.objects.visible_to(user), filters).select_related("instrument", "area")
    return list(rounds.annotate(n=Count("responses")).order_by("-starts_on", "name"))


register(
    ListExport(
        key="socialcapital.rounds",
        title=_("Putaran survei"),
        filename="putaran-survei-modal-sosial",
        rows=round_rows,
        columns=[
            Column(_("Putaran"), lambda r: r.name),
            Column(_("Instrumen"), lambda r: r.instrument.name),
            Column(_("Wilayah"), lambda r: r.area.name),
            Column(_("Mulai"), lambda r: r.starts_on, DATE),
            Column(_("Selesai"), lambda r: r.ends_on, DATE),
            Column(_("Responden"), lambda r: r.n, INT),
        ],
    )
)
