"""The dashboard's charts as PNG (matplotlib object API): the same picture in the page and in the PDF."""

import hashlib
import json

from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from gotong.core.charts import GREEN, figure_png, new_figure

GREY = "#adb5bd"
# Bump when the drawing code changes, so cached pictures are drawn anew.
CHART_VERSION = 1
CHART_TTL_SECONDS = 7 * 24 * 3600


def _barh(labels, values, xlabel) -> bytes:
    figure = new_figure(6.0, 0.5 + 0.38 * len(labels))
    axes = figure.add_subplot()
    axes.barh(range(len(labels)), values, color=GREEN)
    axes.set_yticks(range(len(labels)), labels)
    axes.invert_yaxis()
    axes.set_xlabel(xlabel)
    axes.grid(axis="x", alpha=0.3)
    for index, value in enumerate(values):
        axes.annotate(f"{value:,.0f}".replace(",", "."), (value, index), xytext=(3, 0),
                      textcoords="offset points", va="center", fontsize=8)  # fmt: skip
    axes.margins(x=0.15)
    return figure_png(figure)


def deciles_png(registry: dict) -> bytes | None:
    values = [row["count"] for row in registry["deciles"]]
    if not any(values):
        return None
    figure = new_figure(6.0, 2.8)
    axes = figure.add_subplot()
    # Deciles 1–4 are the poorest 40 %, the usual target of social assistance.
    colours = [GREEN if row["decile"] <= 4 else GREY for row in registry["deciles"]]
    deciles = [row["decile"] for row in registry["deciles"]]
    axes.bar(deciles, values, color=colours)
    axes.set_xticks(deciles)
    axes.set_xlabel(_("Desil kesejahteraan (1 = termiskin)"))
    axes.set_ylabel(_("Rumah tangga"))
    axes.grid(axis="y", alpha=0.3)
    return figure_png(figure)


def slums_png(slums: dict | None) -> bytes | None:
    if not slums:
        return None
    figure = new_figure(6.0, 2.4)
    axes = figure.add_subplot()
    labels = [_("Luas SK"), _("Kumuh awal"), _("Kumuh terakhir")]
    values = [float(slums["decree_ha"]), float(slums["baseline_ha"]), float(slums["latest_ha"])]
    axes.barh(labels, values, color=[GREY, "#fd7e14", GREEN])
    axes.invert_yaxis()
    axes.set_xlabel(_("Hektare"))
    for index, value in enumerate(values):
        axes.annotate(f"{value:.2f}".replace(".", ","), (value, index), xytext=(3, 0),
                      textcoords="offset points", va="center", fontsize=8)  # fmt: skip
    axes.margins(x=0.15)
    return figure_png(figure)


def budget_png(collaboration: dict | None) -> bytes | None:
    if not collaboration or not collaboration["budgets"]:
        return None
    rows = collaboration["budgets"]
    millions = [row["amount"] / 1_000_000 for row in rows]
    return _barh([str(row["label"]) for row in rows], millions, _("Juta rupiah"))


def waste_png(wastebank: dict | None) -> bytes | None:
    if not wastebank or not wastebank["categories"]:
        return None
    rows = wastebank["categories"][:10]
    return _barh([row["name"] for row in rows], [float(row["kg"]) for row in rows], _("Kilogram"))


def skdn_png(posyandu: dict | None) -> bytes | None:
    if not posyandu or not posyandu["s"]:
        return None
    return _barh(
        [_("S (semua balita)"), _("D (ditimbang)"), _("N (naik)")],
        [posyandu["s"], posyandu["d"], posyandu["n"]],
        _("Balita"),
    )


CHARTS = (
    ("deciles", "registry", deciles_png),
    ("slums", "slums", slums_png),
    ("budget", "collaboration", budget_png),
    ("waste", "wastebank", waste_png),
    ("skdn", "posyandu", skdn_png),
)


def all_charts(figures: dict) -> dict[str, bytes]:
    pngs = {}
    for name, section, draw in CHARTS:
        if figures.get(section):
            png = cached_png(name, figures[section], draw)
            if png:
                pngs[name] = png
    return pngs


def cached_png(name: str, data: dict, draw) -> bytes | None:
    """Draw once per distinct picture: the key is a digest of the plotted data and the language of its labels.

    A change in the data changes the digest, so a cached chart is never stale; the cache only saves drawing.
    """
    plotted = json.dumps(data, sort_keys=True, default=str)
    digest = hashlib.sha256(f"{name}|{get_language()}|{CHART_VERSION}|{plotted}".encode()).hexdigest()
    key = f"dashboards:chart:{digest}"
    png = cache.get(key)
    if png is None:
        png = draw(data) or b""
        cache.set(key, png, timeout=CHART_TTL_SECONDS)
    return png or None
