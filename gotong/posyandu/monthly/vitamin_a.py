"""Section 30: vitamin A (blue 6–11 months, red 12–59) and deworming (12–59 months) in the round of the month.

Targets (sasaran) are the children the posyandu follows who are in the age band on the last day of the month;
"given" counts the doses of the round (February: January–June, August: July–December) given up to that day, so
the February and August reports show the round's coverage and a late sweep in March is added to February's.
Rules and sources: `gotong.posyandu.supplements`.
"""

import datetime
import math

from django.db.models import Count, Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from gotong.posyandu import growth, supplements
from gotong.posyandu.models import Child, Deworming, VitaminADose
from gotong.posyandu.monthly.common import pct, posyandu_refs
from gotong.posyandu.monthly.sections import ReportSection, register_section
from gotong.posyandu.skdn import month_end


def _born_aged(end, from_months: int, until_months: int) -> Q:
    """Children aged from_months ≤ completed months < until_months on `end` (months as `growth.age_in_months`
    counts them: days / 30.4375), as a birth-date range the database can count."""
    youngest = math.ceil(from_months * growth.DAYS_PER_MONTH)  # fewest days old
    oldest = math.ceil(until_months * growth.DAYS_PER_MONTH) - 1  # most days old
    return Q(person__birth_date__lte=end - datetime.timedelta(days=youngest)) & Q(
        person__birth_date__gte=end - datetime.timedelta(days=oldest)
    )


def _counts(posyandus, month) -> dict[int, dict[str, int]]:
    end = month_end(month)
    round_ = supplements.round_of(month)
    counts = {}
    for pk, _name in posyandu_refs(posyandus):
        counts[pk] = dict.fromkeys(("blue_target", "blue", "red_target", "red", "worm_target", "worm"), 0)
    # One grouped query however many posyandu (a city has thousands).
    bands = {
        "blue_target": _born_aged(end, supplements.BLUE_FROM_MONTHS, supplements.RED_FROM_MONTHS),
        "red_target": _born_aged(end, supplements.RED_FROM_MONTHS, supplements.UNTIL_MONTHS),
        "worm_target": _born_aged(end, supplements.DEWORM_FROM_MONTHS, supplements.UNTIL_MONTHS),
    }
    followed = Child.objects.filter(posyandu__in=posyandus).current(end).values("posyandu").order_by()
    for group in followed.annotate(**{key: Count("pk", filter=q) for key, q in bands.items()}):
        posyandu_id = group.pop("posyandu")
        counts[posyandu_id].update(group)
    doses = VitaminADose.objects.filter(child__posyandu__in=posyandus, round=round_, given_on__lte=end)
    for group in doses.values("child__posyandu", "capsule").annotate(n=Count("pk")).order_by():
        counts[group["child__posyandu"]][group["capsule"]] += group["n"]
    wormed = Deworming.objects.filter(child__posyandu__in=posyandus, round=round_, given_on__lte=end)
    for group in wormed.values("child__posyandu").annotate(n=Count("pk")).order_by():
        counts[group["child__posyandu"]]["worm"] += group["n"]
    return counts


@register_section(30)
def vitamin_a_section(posyandus, month) -> ReportSection:
    counts = _counts(posyandus, month)
    names = dict(posyandu_refs(posyandus))
    total = dict.fromkeys(("blue_target", "blue", "red_target", "red", "worm_target", "worm"), 0)
    rows = []
    for c in counts.values():
        for key, value in c.items():
            total[key] += value
    for label, c in [*((names[pk], c) for pk, c in counts.items()), (_("Jumlah"), total)]:
        given, target = c["blue"] + c["red"], c["blue_target"] + c["red_target"]
        rows.append(
            [
                label,
                c["blue_target"],
                c["blue"],
                c["red_target"],
                c["red"],
                pct(given, target),
                c["worm_target"],
                c["worm"],
                pct(c["worm"], c["worm_target"]),
            ]
        )
    round_ = supplements.round_of(month)
    return ReportSection(
        key="vitamin_a",
        title=_("Vitamin A dan obat cacing, putaran %(round)s") % {"round": date_format(round_, "F Y")},
        headers=[
            _("Posyandu"),
            _("Sasaran 6–11 bln"),
            _("Kapsul biru"),
            _("Sasaran 12–59 bln"),
            _("Kapsul merah"),
            _("Cakupan vit. A %"),
            _("Sasaran obat cacing 12–59 bln"),
            _("Obat cacing"),
            _("Cakupan obat cacing %"),
        ],
        rows=rows,
        notes=[
            _(
                "Vitamin A bulan Februari dan Agustus: kapsul biru 100.000 IU umur 6–11 bulan, kapsul merah "
                "200.000 IU umur 12–59 bulan (Permenkes 21/2015). Obat cacing albendazol 200 mg umur 12–23 bulan, "
                "400 mg umur 24–59 bulan (Permenkes 15/2017). Sasaran menurut umur pada akhir bulan; diberikan "
                "dihitung sejak awal putaran."
            )
        ],
    )
