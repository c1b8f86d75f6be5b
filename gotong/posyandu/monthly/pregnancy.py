"""The pregnant-women section of the puskesmas monthly report (order 50), counted from the records.

Definitions (Kemenkes' KIA indicators as the PWS-KIA counts them, with Permenkes 21/2021's six contacts):
- followed: ongoing at some day of the month (registered or first visited on or before its last day, not ended
  before its first); new: registered in the month;
- K1: the first antenatal contact ever falls in the month; "K1 murni": that contact is in the first trimester;
- K6: in this month the contacts first reach Permenkes 21/2021's 1 + 2 + 3 by trimester;
- KEK risk (LiLA < 23,5 cm), anaemia (Hb < 11 g/dL), hypertension (≥ 140/90 mmHg): women with such a measurement
  at a visit in the month (risks.py cites the thresholds); TTD: iron tablets handed out in the month;
- births: live births recorded in the month.
"""

import datetime

from django.db.models import Q
from django.utils.translation import gettext as _

from gotong.core.months import add_months
from gotong.posyandu.models import Outcome, Pregnancy
from gotong.posyandu.monthly.sections import ReportSection, register_section
from gotong.posyandu.pregnancy import risks, rules

COLUMNS = ("followed", "new", "visited", "k1", "k1_t1", "k6", "kek", "anaemia", "hypertension", "iron", "births")


def _complete(pregnancy, dates, on: datetime.date) -> bool:
    return all(row.state == "done" for row in rules.contacts(pregnancy.lmp, dates, on))


def count_month(pregnancies, month: datetime.date) -> dict[str, int]:
    """The counts of one posyandu's (or any set of) pregnancies for the month starting on `month`."""
    last = add_months(month, 1) - datetime.timedelta(days=1)
    counts = dict.fromkeys(COLUMNS, 0)
    for pregnancy in pregnancies:
        visits = sorted(pregnancy.visits.all(), key=lambda v: v.visited_on)
        dates = [v.visited_on for v in visits]
        in_month = [v for v in visits if month <= v.visited_on <= last]
        # Visits entered from the KIA book may predate the registration: the first of the two starts the follow-up.
        started = min([pregnancy.registered_on, *dates[:1]])
        if started <= last and (pregnancy.ended_on is None or pregnancy.ended_on >= month):
            counts["followed"] += 1
        counts["new"] += month <= pregnancy.registered_on <= last
        counts["visited"] += bool(in_month)
        if visits and month <= visits[0].visited_on <= last:
            counts["k1"] += 1
            counts["k1_t1"] += visits[0].trimester == 1
        counts["k6"] += _complete(pregnancy, dates, last) and not _complete(
            pregnancy, dates, month - datetime.timedelta(days=1)
        )
        counts["kek"] += any(v.muac_cm is not None and v.muac_cm < risks.KEK_MUAC_CM for v in in_month)
        counts["anaemia"] += any(v.hb_g_dl is not None and v.hb_g_dl < risks.ANAEMIA_HB_G_DL for v in in_month)
        counts["hypertension"] += any(
            v.systolic is not None
            and (v.systolic >= risks.HYPERTENSION_SYSTOLIC or v.diastolic >= risks.HYPERTENSION_DIASTOLIC)
            for v in in_month
        )
        counts["iron"] += sum(v.iron_tablets for v in in_month)
        counts["births"] += pregnancy.outcome == Outcome.LIVE_BIRTH and month <= pregnancy.ended_on <= last
    return counts


@register_section(50)
def pregnancy_section(posyandus, month: datetime.date) -> ReportSection:
    last = add_months(month, 1) - datetime.timedelta(days=1)
    pregnancies = (
        Pregnancy.objects.filter(posyandu__in=posyandus, lmp__lte=last)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=month))
        .prefetch_related("visits")
        .order_by("posyandu_id", "pk")
    )
    by_posyandu: dict[int, list] = {}
    for pregnancy in pregnancies:
        by_posyandu.setdefault(pregnancy.posyandu_id, []).append(pregnancy)
    rows, total = [], dict.fromkeys(COLUMNS, 0)
    for posyandu in posyandus.order_by("name"):
        counts = count_month(by_posyandu.get(posyandu.pk, []), month)
        rows.append([posyandu.name, *(counts[c] for c in COLUMNS)])
        for column in COLUMNS:
            total[column] += counts[column]
    if len(rows) > 1:
        rows.append([_("Jumlah"), *(total[c] for c in COLUMNS)])
    return ReportSection(
        key="pregnancy",
        title=_("Ibu hamil"),
        headers=[
            _("Posyandu"),
            _("Ibu hamil dipantau"),
            _("Baru"),
            _("Periksa bulan ini"),
            _("K1"),
            _("K1 trimester 1"),
            _("K6"),
            _("Risiko KEK (LiLA < 23,5)"),
            _("Anemia (Hb < 11)"),
            _("Hipertensi (≥ 140/90)"),
            _("Tablet TTD"),
            _("Lahir hidup"),
        ],
        rows=rows,
        notes=[
            _("K6: periksa minimal 1 kali di trimester 1, 2 kali di trimester 2, 3 kali di trimester 3 (PMK 21/2021)."),
            _("KEK: LiLA < 23,5 cm (Pedoman Pelayanan Antenatal Terpadu 2020); anemia: Hb < 11 g/dL (WHO 2011)."),
        ],
    )
