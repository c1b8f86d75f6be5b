"""Demo pregnant women for every demo posyandu: six women of the posyandu's village at different stages, with
antenatal visits that leave some trimesters short and a few measurements past the risk thresholds (LiLA < 23,5 cm,
Hb < 11 g/dL, 140/90 mmHg), all through `gotong.posyandu.pregnancy.services`. Deterministic and idempotent."""

import datetime

from django.db.models import Q
from django.utils import timezone

from gotong.posyandu.models import Pregnancy
from gotong.posyandu.pregnancy import services
from gotong.registry.models import Person

# (weeks pregnant today, weeks of the visits made, measurements of the last visit)
# The riskiest first, so a village with only a few women still shows every flag.
PLANS = (
    (30, (14, 20), {"systolic": 145, "diastolic": 95}),  # hypertension; the first trimester was missed
    (16, (8,), {"muac_cm": "22,8"}),  # KEK risk
    (23, (10, 15), {"hb_g_dl": "10,2"}),  # anaemia, one second-trimester contact still open
    (9, (), {}),
    (35, (9, 16, 22, 27, 33), {}),
    (39, (7, 14, 21, 26, 31, 36), {}),
)
PLACES = ("posyandu", "puskesmas", "bidan")


def _women(posyandu, today: datetime.date):
    # Women of 21–38 in the posyandu's area (its village), not already followed in a pregnancy.
    oldest = today - datetime.timedelta(days=round(38 * 365.25))
    youngest = today - datetime.timedelta(days=round(21 * 365.25))
    code = posyandu.area_code
    return (
        Person.objects.filter(Q(area_code=code) | Q(area_code__startswith=f"{code}."))
        .filter(sex="P", birth_date__gt=oldest, birth_date__lte=youngest)
        .exclude(pregnancies__outcome="")
        .order_by("birth_date", "pk")
    )


def load_pregnancy_demo(posyandus, acting_user) -> list[Pregnancy]:
    today = timezone.localdate()
    made = []
    for posyandu in posyandus:
        if Pregnancy.objects.filter(posyandu=posyandu).exists():
            continue
        for woman, (weeks, visit_weeks, last_values) in zip(list(_women(posyandu, today)), PLANS, strict=False):
            lmp = today - datetime.timedelta(weeks=weeks)
            pregnancy = services.register_pregnancy(
                posyandu=posyandu,
                person=woman,
                lmp=lmp,
                registered_on=lmp + datetime.timedelta(weeks=visit_weeks[0] if visit_weeks else weeks),
                acting_user=acting_user,
            )
            for index, week in enumerate(visit_weeks):
                values = {"weight_kg": f"{52 + week // 4},5", "muac_cm": "24,5", "hb_g_dl": "11,8"}
                values.update({"systolic": 110, "diastolic": 70, "iron_tablets": 30})
                if index == len(visit_weeks) - 1:
                    values.update(last_values)
                services.record_anc_visit(
                    pregnancy=pregnancy,
                    visited_on=lmp + datetime.timedelta(weeks=week),
                    place=PLACES[index % len(PLACES)],
                    acting_user=acting_user,
                    **values,
                )
            made.append(pregnancy)
    return made
