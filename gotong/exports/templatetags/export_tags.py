from urllib.parse import urlencode

from django import template
from django.urls import reverse

from gotong.exports.specs import NOT_FILTERS

register = template.Library()


@register.inclusion_tag("exports/_buttons.html", takes_context=True)
def export_buttons(context, key, **path_params):
    """ "Unduh XLSX" / "Unduh CSV" links carrying the page's current filters (and its URL arguments)."""
    request = context["request"]
    query = [(k, v) for k, values in request.GET.lists() if k not in NOT_FILTERS for v in values if v != ""]
    query += [(k, str(v)) for k, v in path_params.items()]
    encoded = urlencode(query)
    links = {}
    for fmt in ("xlsx", "csv"):
        url = reverse("exports:download", kwargs={"key": key, "fmt": fmt})
        links[fmt] = f"{url}?{encoded}" if encoded else url
    return {"xlsx_url": links["xlsx"], "csv_url": links["csv"]}
