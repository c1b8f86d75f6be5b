"""Gotong royong this year: events, attendance, hours, and the share of adult residents who took part.

Participation follows gotong.activities.stats: adults are residents aged 17 or more (the age of a KTP); the
base is today's adult residents of the area in the registry (it has no moving-in dates). Users who see every event
and resident of the area read the yearly tallies (`gotong.activities.tallies`, held equal to the live count);
others, e.g. an organisation's staff who see only its events, get the live count of what they see.
"""

import datetime

from django.db.models import Count, Sum

from gotong.activities import tallies
from gotong.activities.models import Attendance, Event
from gotong.activities.stats import ADULT_AGE
from gotong.core.scoping import area_code_filter
from gotong.dashboards import aggregates
from gotong.dashboards.figures.links import list_url
from gotong.dashboards.models import AreaTally
from gotong.posyandu.skdn import percent
from gotong.registry.models import Person


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _adult_count(user, area, born_by: datetime.date) -> int:
    return aggregates.adults(AreaTally.objects.visible_to(user).in_area(area.code), born_by)


def figures(user, area, today) -> dict | None:
    born_by = _years_before(today, ADULT_AGE)
    if tallies.serves(user, area.code):
        totals = tallies.year_totals(area.code, today.year)
        took_part = tallies.adults_took_part(area.code, today.year, born_by)
    else:
        totals, took_part = _live(user, area, today, born_by)
    if not totals["events"]:
        return None
    adult_count = _adult_count(user, area, born_by)
    return {
        "year": today.year,
        "events": totals["events"],
        "attendances": totals["attendances"],
        "hours": totals["hours"] or 0,
        "guests": totals["guests"] or 0,
        "adults": adult_count,
        "adults_took_part": took_part,
        "participation": percent(took_part, adult_count),
        "url": list_url("activities:home", area),
    }


def _live(user, area, today, born_by: datetime.date) -> tuple[dict, int]:
    """The year's totals and adult participants counted from the records the user sees (the reference the
    tallies are held equal to; 1.0 s for a province's 363,000 attendances on a busy machine)."""
    events = Event.objects.visible_to(user).filter(area_code_filter([area.code]), held_on__year=today.year)
    totals = events.aggregate(events=Count("pk"), guests=Sum("guests"))
    if not totals["events"]:
        return {**totals, "attendances": 0, "hours": 0}, 0
    attendance = Attendance.objects.filter(event__in=events)
    totals.update(attendance.aggregate(attendances=Count("pk"), hours=Sum("hours")))
    adults = Person.objects.visible_to(user).in_area(area.code).filter(birth_date__lte=born_by)
    # The adults who attended, counted once each: a semi-join from the adults, not a DISTINCT over the year's
    # attendance rows (the same number, faster).
    return totals, adults.filter(pk__in=attendance.values("person_id")).count()
