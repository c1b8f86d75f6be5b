"""Everything the area page and its PDF show, computed once per request."""

from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.areas.models import Level
from gotong.dashboards.charts import all_charts
from gotong.dashboards.figures import collect


def build(user, area, today=None) -> dict:
    today = today or timezone.localdate()
    figures = collect(user, area, today)
    return {"area": area, "title": title(area), "today": today, "figures": figures, "charts": all_charts(figures)}


def title(area) -> str:
    """ "Dasbor Kota Tanjung Pinang", "Profil kelurahan Kampung Bugis": the kind only when the name lacks it."""
    kind = "" if area.name.lower().startswith(area.kind.lower()) else f"{area.kind} "
    if area.level <= Level.REGENCY:
        return _("Dasbor %(place)s") % {"place": f"{kind}{area.name}"}
    return _("Profil %(place)s") % {"place": f"{kind}{area.name}"}
