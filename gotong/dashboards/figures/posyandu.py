"""Posyandu in the latest month weighed: S, D, N (SKDN) and the stunting rate.

Counts and rates only, never names. S, D and N follow gotong.posyandu.skdn; stunting is the share of the
children weighed that month with a length/height-for-age z-score below −2 (of those with a score).
Shown only to users who may see children (the posyandu's scoped querysets decide). The numbers come from the
posyandu's monthly tallies (`gotong.posyandu.tallies`), whole posyandu at a time, as the user sees them.
"""

from django.db.models import Max

from gotong.core.policy import may_somewhere
from gotong.core.scoping import area_code_filter
from gotong.dashboards.figures.links import list_url
from gotong.posyandu import skdn
from gotong.posyandu.access import posyandus_for
from gotong.posyandu.models import MonthTally


def figures(user, area, today) -> dict | None:
    in_area = area_code_filter([area.code])
    # The tallies' scope is the posyandu's own (whole posyandu, the same rule as `posyandus_for`).
    tallies = MonthTally.objects.visible_to(user).filter(in_area)
    month = tallies.filter(month__lte=today, d__gt=0).aggregate(m=Max("month"))["m"]
    if month is None:
        return None
    total = skdn.total_for(posyandus_for(user).filter(in_area), month, label=area.name)
    children_url = list_url("posyandu:child-list", area)
    # The SKDN report is for those who report (`posyandu.report`); the others' numbers lead to the children list.
    skdn_url = list_url("posyandu:skdn", area, bulan=month.strftime("%Y-%m"))
    return {
        "month": month,
        "s": total.s,
        "d": total.d,
        "n": total.n,
        "bgm": total.bgm,
        "d_s": total.d_s,
        "d_s_below_target": total.d_s_below_target,
        "target": skdn.D_S_TARGET_PERCENT,
        "n_d": total.n_d,
        "scored": total.scored,
        "stunted": total.stunted,
        "stunting_rate": skdn.percent(total.stunted, total.scored),
        "skdn_url": skdn_url if may_somewhere(user, "posyandu.report") else children_url,
        "children_url": children_url,
    }
