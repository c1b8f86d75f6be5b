"""Gotong royong in the synthetic city: a kerja bakti a month in each RT, attended by adults of that RT only, and
the city dashboard's gotong royong block computed on those rows."""

import datetime

import pytest
from django.db.models import Count, F

from gotong.activities.models import Attendance, Event
from gotong.areas.models import Area
from gotong.bench.synthetic.activities import ADULT_DAYS
from gotong.bench.synthetic.store import generate_city
from gotong.dashboards.figures import activities as activities_block
from gotong.registry.models import Household

pytestmark = pytest.mark.django_db
CITY = "21.72"
UNTIL = datetime.date(2026, 11, 23)


@pytest.fixture
def city(areas):
    return generate_city(2500, seed=11, city_code=CITY, until=UNTIL)


def test_every_rt_holds_one_event_a_month_attended_by_its_own_adults(city, city_officer):
    rts = set(Household.objects.values_list("area_code", flat=True))
    per_rt = Event.objects.values("area_code").annotate(n=Count("pk"))
    assert {row["area_code"] for row in per_rt} == rts and {row["n"] for row in per_rt} == {12}
    assert city.modules["activities.Event"] == 12 * len(rts)
    assert not Event.objects.exclude(area__code=F("area_code")).exists()
    assert all(day.weekday() == 6 for day in Event.objects.values_list("held_on", flat=True))  # Sunday mornings

    attendance = Attendance.objects.select_related("event", "person")
    assert attendance.count() == city.modules["activities.Attendance"]
    assert not attendance.exclude(person__area_code=F("event__area_code")).exists()
    assert not attendance.exclude(area_code=F("event__area_code")).exists()
    assert not attendance.exclude(hours=F("event__default_hours")).exists()
    assert all(
        row.person.birth_date <= row.event.held_on - datetime.timedelta(days=ADULT_DAYS) for row in attendance[::17]
    )
    # About a third of the households come each month: between a fifth and a half of households × events.
    households_per_event = Household.objects.count() / len(rts)
    per_event = city.modules["activities.Attendance"] / city.modules["activities.Event"]
    assert 0.2 * households_per_event < per_event < 0.5 * households_per_event


def test_the_city_dashboard_block_is_no_longer_empty(city, city_officer):
    figures = activities_block.figures(city_officer, Area.objects.get(code=CITY), datetime.date(2026, 10, 31))
    assert figures is not None
    assert figures["events"] == Event.objects.filter(held_on__year=2026).count() > 0
    assert 0 < figures["adults_took_part"] <= figures["adults"]
    assert figures["attendances"] == Attendance.objects.filter(event__held_on__year=2026).count()


def test_the_generator_fills_the_yearly_tallies_exactly(city, city_officer):
    from gotong.activities import tallies

    assert tallies.differences() == []
    assert (
        tallies.year_totals(CITY, 2026)["attendances"] == Attendance.objects.filter(event__held_on__year=2026).count()
    )
    assert tallies.adults_took_part(CITY, 2026, datetime.date(2009, 10, 31)) > 0
