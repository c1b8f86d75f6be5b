"""Demo immunisations for the demo posyandus' children, deterministic, through the same service as real entries.

Most children get every dose at its recommended age (at the posyandu day of that month, or at the puskesmas before
the posyandu's first demo session); a few are late with DPT-HB-Hib and polio, a few miss MR 1 (they appear for
imunisasi kejar on the due list) and a few never got rotavirus (its age limit passed). Idempotent: a child who
already has doses is left alone.
"""

import datetime

from django.utils import timezone

from gotong.posyandu.immunisation import schedule, services
from gotong.posyandu.models import Child, ImmunisationPlace, Session


def _profile(index: int) -> dict:
    return {
        "late_months": 2 if index % 5 == 2 else 0,  # DPT-HB-Hib and polio two months late
        "skip": {("mr", 1), ("mr", 2), ("ipv", 2)} if index % 7 == 3 else ({("rv", 1)} if index % 9 == 4 else set()),
    }


def _plan(child: Child, sessions: list[Session], profile: dict, today: datetime.date) -> dict:
    """{(day, session or None): [dose keys]} for the doses this child got, checked against the schedule."""
    birth = child.person.birth_date
    given: dict = {}
    plan: dict = {}
    for dose in sorted(schedule.SCHEDULE, key=lambda d: (d.recommended.after(birth), d.number)):
        if dose.key in profile["skip"]:
            continue
        delay = profile["late_months"] if dose.vaccine in ("dpt_hb_hib", "polio") and dose.number < 4 else 0
        earliest = schedule.earliest_date(dose, birth, given)
        if earliest is None:
            continue
        day = max(schedule.Age(dose.recommended.months + delay).after(birth), earliest)
        session = None
        if dose.vaccine != "hb0":  # HB0 is given by the midwife at birth
            session = next((s for s in sessions if s.held_on >= day), None)
            day = session.held_on if session is not None else day
        if day > today or schedule.check_dose(dose, birth, given, day) is not None:
            continue
        given[dose.key] = day
        plan.setdefault((day, session), []).append(dose.key)
    return plan


def load_immunisation_demo(children: list[Child], acting_user) -> int:
    today = timezone.localdate()
    sessions_of: dict[int, list[Session]] = {}
    recorded = 0
    for index, child in enumerate(children):
        if child.immunisations.exists():
            continue
        if child.posyandu_id not in sessions_of:
            sessions_of[child.posyandu_id] = list(
                Session.objects.filter(posyandu_id=child.posyandu_id).order_by("held_on")
            )
        plan = _plan(child, sessions_of[child.posyandu_id], _profile(index), today)
        for (day, session), keys in sorted(plan.items(), key=lambda item: item[0][0]):
            if session is not None:
                place = ImmunisationPlace.POSYANDU
            else:
                place = ImmunisationPlace.OTHER if keys == [("hb0", 1)] else ImmunisationPlace.PUSKESMAS
            services.record_doses(
                child=child, doses=keys, given_on=day, place=place, session=session, acting_user=acting_user
            )
            recorded += len(keys)
    return recorded
