"""Gotong royong this year: events, attendance, hours, and the share of adult residents who took part.

Participation follows gotong.activities.stats: adults are residents aged 17 or more (the age of a KTP); the
base is today's adult residents of the area in the registry (it has no moving-in dates).
"""

import datetime

from django.db.models import Count, Sum
from django.urls import reverse

from gotong.activities.models import Attendance, Event
from gotong.activities.stats import ADULT_AGE
from gotong.core.scoping import area_code_filter
from gotong.posyandu.skdn import percent
from gotong.registry.models import Person


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def figures(user, area, today) -> dict | None:
    events = Event.objects.visible_to(user).filter(area_code_filter([area.code]), held_on__year=today.year)
    totals = events.aggregate(n=Count("pk"), guests=Sum("guests"))
    if not totals["n"]:
        return None
    attendance = Attendance.objects.filter(event__in=events)
    summary = attendance.aggregate(n=Count("pk"), hours=Sum("hours"))
    adults = Person.objects.visible_to(user).in_area(area.code).filter(birth_date__lte=_years_before(today, ADULT_AGE))
    adult_count = adults.count()
    took_part = attendance.filter(person__in=adults).values("person_id").distinct().count()
    return {
        "year": today.year,
        "events": totals["n"],
        "attendances": summary["n"],
        "hours": summary["hours"] or 0,
        "guests": totals["guests"] or 0,
        "adults": adult_count,
        "adults_took_part": took_part,
        "participation": percent(took_part, adult_count),
        "url": reverse("activities:home"),
    }
