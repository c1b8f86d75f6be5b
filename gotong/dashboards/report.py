"""Everything the area page and its PDF show, computed once per request."""

from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.areas.models import Level
from gotong.core.area_codes import city_code
from gotong.dashboards.charts import all_charts
from gotong.dashboards.figures import collect
from gotong.dashboards.figures import socialcapital as socialcapital_figures


def build(user, area, today=None) -> dict:
    today = today or timezone.localdate()
    figures = collect(user, area, today)
    return {"area": area, "title": title(area), "today": today, "figures": figures, "charts": all_charts(figures)}


def build_public(user, area, today=None) -> dict:
    """For a figures-only user (a partner, a resident): the public portal's suppressed figures of the area, and the
    social capital scores their aggregate grant allows (groups of at least five households)."""
    from gotong.portal import services as portal

    today = today or timezone.localdate()
    is_city = area.level == Level.REGENCY
    return {
        "area": area,
        "title": title(area),
        "today": today,
        "is_city": is_city,
        "city": area if is_city else portal.public_area(city_code(area.code)),
        "socialcapital": socialcapital_figures.figures(user, area, today),
        **portal.area_profile(area, today),
    }


def title(area) -> str:
    """ "Dasbor Kota Tanjung Pinang", "Profil kelurahan Kampung Bugis": the kind only when the name lacks it."""
    kind = "" if area.name.lower().startswith(area.kind.lower()) else f"{area.kind} "
    if area.level <= Level.REGENCY:
        return _("Dasbor %(place)s") % {"place": f"{kind}{area.name}"}
    return _("Profil %(place)s") % {"place": f"{kind}{area.name}"}
