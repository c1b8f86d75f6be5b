"""The collaboration health stages on the public portal: per village, counts of meetings, agreements, datasets,
targets and projects (not persons: shown in full), hectares, and rates only over at least five (the small-count
rule, `gotong.portal.suppression.publish_rate`). No organisation or person is named.

A city page shows every village with collaboration records, so the table is computed grouped: each indicator is
one query over the whole area (`Collaboration.public_area`), its rows keyed by the village of the record's area,
through the same querysets and conditions as the staff health page (`held_in`, `attendance_taken`, `due_in`,
`kept_on_time_counts`, …). `village_stages` computes one village's row through the per-collaboration functions:
the reference the grouped table is tested against.
"""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, F, Q
from django.db.models.functions import Substr
from django.utils import timezone

from gotong.areas.models import Area, Level
from gotong.collaboration.health import commitment, dialogue, small_wins, trust, understanding
from gotong.collaboration.health.period import Period
from gotong.collaboration.health.scope import Collaboration
from gotong.collaboration.models import Agreement, Forum, Project, Target
from gotong.core.area_codes import VILLAGE, village_code
from gotong.core.scoping import area_code_filter
from gotong.portal.suppression import publish_rate

FIRST_RECORDS = datetime.date(2000, 1, 1)  # no collaboration record may be older (`project_year_sane`)
# A village code is always PP.KK.CC.VVVV (13 characters; `gotong.core.area_codes`): its first 13 characters
# name the village of any code below it. Shorter keys (a kecamatan's or the city's records) belong to no village.
VILLAGE_CODE_LENGTH = 13


def since_records_began(today: datetime.date) -> Period:
    """One period from the first possible record to the end of this month: the portal shows the whole record."""
    months = (today.year - FIRST_RECORDS.year) * 12 + today.month
    return Period.ending(today.replace(day=1), months)


def _village_of(path: str) -> Substr:
    return Substr(path, 1, VILLAGE_CODE_LENGTH)


def _is_village(key: str) -> bool:
    return key.count(".") == VILLAGE - 1


def _villages(area: Area):
    """The villages inside `area` holding a forum, agreement, target or project (at the village or below)."""
    codes = set()
    for model in (Forum, Agreement, Target, Project):
        keys = model.objects.filter(area_code_filter([area.code])).order_by().values_list(_village_of("area_code"))
        codes |= {key for (key,) in keys.distinct() if _is_village(key)}
    return Area.objects.filter(code__in=codes, level=Level.VILLAGE).order_by("name")


def village_stages(village: Area, today: datetime.date) -> dict:
    """One village's public stage indicators since records began, through the per-collaboration functions of the
    staff health page: a dozen queries, the reference `collaboration_health` is tested against."""
    collab = Collaboration.public_village(village)
    period = since_records_began(today)
    attendance = dialogue.attendance_by_actor_type(collab, period)
    present = sum(row["present"] for row in attendance)
    invited = sum(row["invited"] for row in attendance)
    kept = trust.kept_on_time_overall(collab, period, today)
    agreed = understanding.targets_agreed(collab, period)
    return {
        "village": village.name,
        "code": village.code,
        "meetings": dialogue.meetings_held(collab, period),
        "attendance_rate": publish_rate(present, invited),
        "kept_rate": publish_rate(kept["kept"], kept["counted"]),
        "datasets": trust.datasets_shared(collab, period)["count"],
        "agreements": commitment.agreements_signed(collab, period),
        "targets_agreed": agreed["agreed"],
        "targets": agreed["total"],
        "projects_done": small_wins.projects_done(collab, period)["count"],
        "slum_ha_reduced": small_wins.slum_hectares_reduced(collab, period)["reduced_ha"],
    }


def _grouped(queryset, path: str, **aggregates) -> dict[str, dict]:
    """One query: `aggregates` of `queryset` per village of the area code at `path` (the field the
    per-village collaboration scopes that record by)."""
    rows = queryset.order_by().values(village=_village_of(path)).annotate(**aggregates)
    return {row.pop("village"): row for row in rows}


def _counts(queryset, path: str = "area_code") -> dict[str, int]:
    return {key: row["n"] for key, row in _grouped(queryset, path, n=Count("pk")).items()}


def _attendance(collab: Collaboration, period: Period) -> dict[str, tuple[int, int]]:
    """Per village, (present, invited) summed over the actor types of `dialogue.tally_attendance`."""
    counts = dialogue.attendance_counts(
        dialogue.attendance_taken(collab.participants(), period), village=_village_of("meeting__forum__area_code")
    )
    rows_by_village = defaultdict(list)
    for row in counts:
        rows_by_village[row["village"]].append(row)
    result = {}
    for key, rows in rows_by_village.items():
        tally = dialogue.tally_attendance(rows)
        result[key] = (sum(row["present"] for row in tally), sum(row["invited"] for row in tally))
    return result


def _targets(collab: Collaboration, period: Period) -> dict[str, dict]:
    """Per village, its targets and those agreed (`understanding.targets_agreed`): the plan approved at a meeting
    of a forum in the target's own village, as the village's collaboration counts only its own forums' meetings."""
    own_forum = Q(plans__approved_at__forum__area_code__startswith=F("village"))
    rows = (
        collab.targets()
        .order_by()
        .annotate(village=_village_of("area_code"))
        .values("village")
        .annotate(
            total=Count("pk", distinct=True),
            agreed=Count("pk", distinct=True, filter=understanding.plan_approved_by(period) & own_forum),
        )
    )
    return {row.pop("village"): row for row in rows}


def _slum_reduced(collab: Collaboration, period: Period) -> dict[str, Decimal]:
    """Per village, hectares of slum gone (`small_wins.slum_change`): two queries, locations and assessments."""
    reduced = defaultdict(Decimal)
    for location in small_wins.with_assessments(collab.slum_locations()):
        change = small_wins.slum_change(location, period)
        if change is not None:
            reduced[village_code(location.area_code)] += change[0]
    return reduced


def collaboration_health(area: Area, today: datetime.date | None = None) -> list[dict]:
    """Per village inside `area` (a city, or the village itself) that has collaboration records: the rows of
    `village_stages`, in a fixed number of queries whatever the number of villages."""
    today = today or timezone.localdate()
    villages = list(_villages(area))
    if not villages:
        return []
    collab = Collaboration.public_area(area)
    period = since_records_began(today)
    meetings = _counts(dialogue.held_in(collab.meetings(), period), "forum__area_code")
    attendance = _attendance(collab, period)
    kept = _grouped(trust.due_in(collab.commitments(), period), "area_code", **trust.kept_on_time_counts(period, today))
    datasets = _counts(trust.shared_in(collab.data_sharing(), period))
    agreements = _counts(commitment.signed_in(collab.agreements(), period))
    targets = _targets(collab, period)
    projects = _counts(small_wins.done_in(collab.projects(), period))
    slum = _slum_reduced(collab, period)
    rows = []
    for village in villages:
        code = village.code
        present, invited = attendance.get(code, (0, 0))
        kept_row = kept.get(code, {"kept": 0, "counted": 0})
        target_row = targets.get(code, {"agreed": 0, "total": 0})
        rows.append(
            {
                "village": village.name,
                "code": code,
                "meetings": meetings.get(code, 0),
                "attendance_rate": publish_rate(present, invited),
                "kept_rate": publish_rate(kept_row["kept"], kept_row["counted"]),
                "datasets": datasets.get(code, 0),
                "agreements": agreements.get(code, 0),
                "targets_agreed": target_row["agreed"],
                "targets": target_row["total"],
                "projects_done": projects.get(code, 0),
                "slum_ha_reduced": slum.get(code, Decimal(0)),
            }
        )
    return rows
