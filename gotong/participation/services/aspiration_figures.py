"""The public portal's aspiration figures: raised, answered and answered on time, per city and village.

Counts of aspirations stand for people who spoke up, so they go through the portal's small-count rule
(`gotong.portal.suppression`): one protected table per city (each figure's villages add up to the city), read by
the city page and every village page alike. No text, number, RT or name leaves here.

"Answered" is a first response recorded; "on time" is that response on or before the deadline (UU 25/2009
Pasal 50 ayat (2): 14 days unless the routing table says otherwise; see `services.aspirations`).
"""

from collections import Counter

from django.db.models import Count, F, Q
from django.db.models.functions import Substr

from gotong.areas.models import Area, Level
from gotong.core.area_codes import city_code
from gotong.core.scoping import area_code_filter
from gotong.participation.models import Aspiration
from gotong.portal import suppression
from gotong.portal.suppression import Line

CITY = "city"
FIGURES = ("raised", "answered", "on_time")


def city_aspiration_tables(code: str) -> dict:
    """Per figure: village code (and CITY) → published cell, protected along the line city = Σ villages."""
    counts = {figure: Counter() for figure in FIGURES}
    rows = (
        Aspiration.objects.filter(area_code_filter([code]))
        .values(village=Substr("area_code", 1, 13))  # a village code is always PP.KK.CC.VVVV
        .annotate(
            raised=Count("pk"),
            answered=Count("pk", filter=Q(first_answered_on__isnull=False)),
            on_time=Count("pk", filter=Q(first_answered_on__lte=F("deadline"))),
        )
        .order_by()
    )
    for row in rows:
        for figure in FIGURES:
            counts[figure][row["village"]] += row[figure]
    villages = sorted(counts["raised"])
    tables = {
        figure: suppression.protect(
            {v: counts[figure][v] for v in villages} | {CITY: sum(counts[figure].values())},
            [Line(CITY, tuple(villages))],
        )
        for figure in FIGURES
    }
    rates = {v: suppression.publish_rate(counts["on_time"][v], counts["answered"][v]) for v in villages}
    rates[CITY] = suppression.publish_rate(sum(counts["on_time"].values()), sum(counts["answered"].values()))
    return {"villages": villages, "tables": tables, "on_time_rate": rates}


def aspiration_figures(area: Area) -> dict:
    """The block of `portal/_aspirations.html`: this city's or village's figures, and a city's villages."""
    tables = city_aspiration_tables(city_code(area.code))
    row = CITY if area.level == Level.REGENCY else area.code

    def cells(key):
        if key not in tables["tables"]["raised"]:
            empty = suppression.publish_count(0)
            return {"raised": empty, "answered": empty, "on_time": empty, "on_time_rate": None}
        return {figure: tables["tables"][figure][key] for figure in FIGURES} | {
            "on_time_rate": tables["on_time_rate"][key]
        }

    villages = []
    if row == CITY:
        names = dict(Area.objects.filter(code__in=tables["villages"]).values_list("code", "name"))
        villages = sorted(
            ({"code": v, "name": names.get(v, v), **cells(v)} for v in tables["villages"]), key=lambda r: r["name"]
        )
    return {"total": cells(row), "villages": villages, "has_any": bool(tables["villages"])}
