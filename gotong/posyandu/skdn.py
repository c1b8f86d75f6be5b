"""The monthly SKDN report of a posyandu and of a village.

S all under-fives of the posyandu's area (0–59 months on the last day of the month): the children it follows and
the registry's under-fives of its area whom no posyandu follows (Kemenkes: "jumlah seluruh balita yang ada di
wilayah kerja posyandu", see `gotong.posyandu.coverage`), K the children it follows who had a growth card
(KMS/buku KIA) at their latest weighing ("terdaftar dan memiliki KMS"), D weighed this month, N weight up
(following the growth line or ≥ KBM, see kbm.py),
T not up, 2T not up two months running, O weighed now but not last month, B weighed for the first time,
BGM below the red line (WAZ < −3).
D = N + T + O + B. Ratios: K/S coverage, D/S participation (target ≥ 80 %), N/D programme success.
Beside SKDN, for the dashboards: `scored` children weighed with a length/height-for-age z-score and `stunted`
those of them below −2.

`for_posyandus` reads the posyandu's monthly tallies (`gotong.posyandu.tallies`) and counts live, with the
queries of `live_for_posyandus`, only the posyandu that have no tally for that month.
"""

import calendar
import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from gotong.core.area_codes import village_code
from gotong.posyandu.coverage import unfollowed_counts
from gotong.posyandu.models import Child, Weighing

D_S_TARGET_PERCENT = 80
FIELDS = ("s", "k", "d", "n", "t", "t2", "o", "b", "bgm", "scored", "stunted")
STUNTED_BELOW = -2  # length/height-for-age z-score (Permenkes 2/2020)
TREND_FIELDS = {"N": "n", "T": "t", "O": "o", "B": "b"}  # a weighing's trend → the SKDN letter it counts in


def month_end(month: datetime.date) -> datetime.date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class Skdn:
    label: str
    code: str = ""
    s: int = 0
    k: int = 0
    d: int = 0
    n: int = 0
    t: int = 0
    t2: int = 0
    o: int = 0
    b: int = 0
    bgm: int = 0
    scored: int = 0
    stunted: int = 0
    posyandus: list = field(default_factory=list)

    @property
    def k_s(self):
        return percent(self.k, self.s)

    @property
    def d_s(self):
        return percent(self.d, self.s)

    @property
    def n_d(self):
        return percent(self.n, self.d)

    @property
    def d_s_below_target(self) -> bool:
        return self.d_s is not None and self.d_s < D_S_TARGET_PERCENT

    def add(self, other: "Skdn") -> None:
        for name in FIELDS:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def for_posyandu(posyandu, month: datetime.date) -> Skdn:
    return for_posyandus([posyandu], month)[posyandu.pk]


class PosyanduRef(NamedTuple):
    """What a report row needs of a posyandu, read as plain values (a city has two thousand)."""

    pk: int
    name: str
    area_code: str


def _refs(posyandus) -> list:
    if isinstance(posyandus, QuerySet):
        return [PosyanduRef(*row) for row in posyandus.values_list("pk", "name", "area_code")]
    return list(posyandus)


def for_posyandus(posyandus, month: datetime.date) -> dict[int, Skdn]:
    """The SKDN row of each posyandu, posyandu id → row: from the monthly tallies, live for those without one."""
    from gotong.posyandu.tallies import rows_for

    posyandus = _refs(posyandus)
    rows = {p.pk: Skdn(label=p.name, code=p.area_code) for p in posyandus}
    stored = rows_for(rows, month)
    for pk, counts in stored.items():
        for name in FIELDS:
            setattr(rows[pk], name, counts[name])
    missing = [p for p in posyandus if p.pk not in stored]
    if missing:
        rows.update(live_for_posyandus(missing, month))
    return rows


def total_for(posyandus, month: datetime.date, *, label: str = "") -> Skdn:
    """The SKDN of these posyandu (a queryset) together: their tallies summed in the database, and live only those
    without a tally that month."""
    from gotong.posyandu.models import MonthTally

    stored = MonthTally.objects.filter(posyandu__in=posyandus, month=month)
    sums = stored.aggregate(**{name: Coalesce(Sum(name), 0) for name in FIELDS})
    total = Skdn(label=label, **sums)
    # NOT EXISTS by the (posyandu, month) key: an anti-join, not a second join of the tallies to the posyandu
    # (a province's 6,000 posyandu: 19 ms instead of 29).
    missing = _refs(posyandus.exclude(Exists(MonthTally.objects.filter(posyandu=OuterRef("pk"), month=month))))
    for row in live_for_posyandus(missing, month).values() if missing else ():
        total.add(row)
    return total


def live_for_posyandus(posyandus, month: datetime.date) -> dict[int, Skdn]:
    """The SKDN rows counted from the children and weighings, in two grouped queries however many posyandu there
    are (a city has thousands: one query per figure and posyandu made its public page take minutes)."""
    posyandus = list(posyandus)
    rows = {p.pk: Skdn(label=p.name, code=p.area_code) for p in posyandus}
    children = Child.objects.filter(posyandu__in=rows).current(month_end(month))
    latest_card = Subquery(
        Weighing.objects.filter(child=OuterRef("pk"), month__lte=month).order_by("-month").values("growth_card")[:1]
    )
    followed = children.annotate(card=latest_card).values("posyandu").order_by()
    for group in followed.annotate(s=Count("pk"), k=Count("pk", filter=Q(card=True))):
        row = rows[group["posyandu"]]
        row.s, row.k = group["s"], group["k"]
    for posyandu_id, unfollowed in unfollowed_counts(posyandus, month_end(month)).items():
        rows[posyandu_id].s += unfollowed
    weighed = Weighing.objects.filter(child__in=children, month=month).values("child__posyandu").order_by()
    figures = {name: Count("pk", filter=Q(trend=trend)) for trend, name in TREND_FIELDS.items()}
    for group in weighed.annotate(
        d=Count("pk"),
        t2=Count("pk", filter=Q(two_t=True)),
        bgm=Count("pk", filter=Q(bgm=True)),
        scored=Count("pk", filter=Q(haz__isnull=False)),
        stunted=Count("pk", filter=Q(haz__lt=STUNTED_BELOW)),
        **figures,
    ):
        row = rows[group.pop("child__posyandu")]
        for name, value in group.items():
            setattr(row, name, value)
    return rows


def report(posyandus, month: datetime.date) -> tuple[list[Skdn], list[Skdn], Skdn]:
    """Rows per posyandu, per village, and the total, for the posyandu the user may see."""
    from gotong.areas.models import Area

    per_posyandu = list(for_posyandus(posyandus.order_by("area_code", "name"), month).values())
    villages: dict[str, Skdn] = {}
    names = dict(Area.objects.filter(code__in={village_code(r.code) for r in per_posyandu}).values_list("code", "name"))
    for row in per_posyandu:
        code = village_code(row.code)
        village = villages.setdefault(code, Skdn(label=names.get(code, code), code=code))
        village.add(row)
        village.posyandus.append(row.label)
    total = Skdn(label="Jumlah")
    for row in per_posyandu:
        total.add(row)
    return per_posyandu, list(villages.values()), total
