"""The collaboration health stages on the public portal: per village, counts of meetings, agreements, datasets,
targets and projects (not persons: shown in full), hectares, and rates only over at least five (the small-count
rule, `gotong.portal.suppression.publish_rate`). No organisation or person is named."""

import datetime

from django.utils import timezone

from gotong.areas.models import Area, Level
from gotong.collaboration.health import commitment, dialogue, small_wins, trust, understanding
from gotong.collaboration.health.period import Period
from gotong.collaboration.health.scope import Collaboration
from gotong.collaboration.models import Agreement, Forum, Project, Target
from gotong.core.area_codes import village_code
from gotong.core.scoping import area_code_filter
from gotong.portal.suppression import publish_rate

FIRST_RECORDS = datetime.date(2000, 1, 1)  # no collaboration record may be older (`project_year_sane`)


def since_records_began(today: datetime.date) -> Period:
    """One period from the first possible record to the end of this month: the portal shows the whole record."""
    months = (today.year - FIRST_RECORDS.year) * 12 + today.month
    return Period.ending(today.replace(day=1), months)


def _villages(area: Area):
    codes = set()
    for model in (Forum, Agreement, Target, Project):
        for code in model.objects.filter(area_code_filter([area.code])).values_list("area_code", flat=True):
            if code.count(".") >= 3:
                codes.add(village_code(code))
    return Area.objects.filter(code__in=codes, level=Level.VILLAGE).order_by("name")


def village_stages(village: Area, today: datetime.date) -> dict:
    """One village's public stage indicators since records began."""
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


def collaboration_health(area: Area, today: datetime.date | None = None) -> list[dict]:
    """Per village inside `area` (a city, or the village itself) that has collaboration records."""
    today = today or timezone.localdate()
    return [village_stages(village, today) for village in _villages(area)]
