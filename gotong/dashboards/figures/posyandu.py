"""Posyandu in the latest month weighed: S, D, N (SKDN) and the stunting rate.

Counts and rates only, never names. S, D and N follow gotong.posyandu.skdn; stunting is the share of the
children weighed that month with a length/height-for-age z-score below −2 (of those with a score).
Shown only to users who may see children (the posyandu's scoped queryset decides).
"""

from django.db.models import Count, Max, Q

from gotong.core.scoping import area_code_filter
from gotong.dashboards.figures.links import list_url
from gotong.posyandu.models import Child, Weighing
from gotong.posyandu.skdn import D_S_TARGET_PERCENT, month_end, percent

STUNTED_BELOW = -2


def figures(user, area, today) -> dict | None:
    children = Child.objects.visible_to(user).filter(area_code_filter([area.code]))
    month = Weighing.objects.filter(child__in=children, month__lte=today).aggregate(m=Max("month"))["m"]
    if month is None:
        return None
    current = children.current(month_end(month))
    weighed = Weighing.objects.filter(child__in=current, month=month).aggregate(
        d=Count("pk"),
        n=Count("pk", filter=Q(trend="N")),
        scored=Count("pk", filter=Q(haz__isnull=False)),
        stunted=Count("pk", filter=Q(haz__lt=STUNTED_BELOW)),
        bgm=Count("pk", filter=Q(bgm=True)),
    )
    s = current.count()
    d_s = percent(weighed["d"], s)
    return {
        "month": month,
        "s": s,
        "d": weighed["d"],
        "n": weighed["n"],
        "bgm": weighed["bgm"],
        "d_s": d_s,
        "d_s_below_target": d_s is not None and d_s < D_S_TARGET_PERCENT,
        "target": D_S_TARGET_PERCENT,
        "n_d": percent(weighed["n"], weighed["d"]),
        "scored": weighed["scored"],
        "stunted": weighed["stunted"],
        "stunting_rate": percent(weighed["stunted"], weighed["scored"]),
        "skdn_url": list_url("posyandu:skdn", area, bulan=month.strftime("%Y-%m")),
        "children_url": list_url("posyandu:child-list", area),
    }
