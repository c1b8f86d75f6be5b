"""Stage 1, face-to-face dialogue (Ansell & Gash 2008, pp. 558–559: "all collaborative governance builds on
face-to-face dialogue between stakeholders"). One function per indicator."""

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count

from gotong.collaboration.health.actors import ORDER, actor_type
from gotong.collaboration.health.period import Period
from gotong.collaboration.health.scope import Collaboration
from gotong.collaboration.models import ForumKind


def percent(part: int, whole: int) -> Decimal | None:
    """Share in percent with one decimal; None over nothing."""
    if not whole:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def held_in(meetings, period: Period):
    """The meetings held within the period (by meeting date): what `meetings_held` counts, for one collaboration
    or grouped by village on the public portal (`health.public`)."""
    return meetings.filter(held_on__range=(period.start, period.end))


def meetings_held(collab: Collaboration, period: Period) -> int:
    """Meetings of the collaboration's forums held within the period (by meeting date)."""
    return held_in(collab.meetings(), period).count()


def meetings_planned(collab: Collaboration, period: Period) -> int | None:
    """Meetings the routine forums planned for the period: each routine forum's planned meetings per year × the
    period's months ÷ 12, rounded half up, summed. None when no routine forum states a plan (incidental forums
    meet when needed and plan none)."""
    plans = list(
        collab.forums()
        .filter(kind=ForumKind.ROUTINE, meetings_per_year__isnull=False)
        .values_list("meetings_per_year", flat=True)
    )
    if not plans:
        return None
    return sum(int((Decimal(n * period.months) / 12).quantize(Decimal(1), rounding=ROUND_HALF_UP)) for n in plans)


def attendance_taken(participants, period: Period):
    """The participants attendance is counted over: of the period's meetings, with attendance taken."""
    return participants.filter(meeting__held_on__range=(period.start, period.end), attended__isnull=False)


def attendance_counts(participants, **by):
    """Grouped by the participant's organisation kind and whether they attended, how many (`tally_attendance`
    reads the rows); grouped further by the expressions `by` (the portal groups by village)."""
    return participants.order_by().values("organization__kind", "attended", **by).annotate(n=Count("pk"))


def tally_attendance(counts: Iterable[dict]) -> list[dict]:
    """Per actor type, present out of invited, from `attendance_counts` rows. A participant without an
    organisation is a resident; one for an organisation counts with that organisation's type (`health.actors`)."""
    tally = {key: [0, 0] for key in ORDER}
    for row in counts:
        figures = tally[actor_type(row["organization__kind"])]
        figures[1] += row["n"]
        figures[0] += row["n"] if row["attended"] else 0
    return [
        {"type": key, "present": present, "invited": invited, "rate": percent(present, invited)}
        for key, (present, invited) in tally.items()
        if invited
    ]


def attendance_by_actor_type(collab: Collaboration, period: Period) -> list[dict]:
    """For the period's meetings with attendance taken: per actor type (government, community, private sector,
    residents), participants present out of those invited (`tally_attendance`)."""
    return tally_attendance(attendance_counts(attendance_taken(collab.participants(), period)))


def decisions_taken(collab: Collaboration, period: Period) -> int:
    """Decisions recorded at the period's meetings."""
    return collab.decisions().filter(meeting__held_on__range=(period.start, period.end)).count()
