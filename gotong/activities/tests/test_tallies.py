"""The yearly gotong royong tallies stay equal to the live count through every change, and the dashboard block
reads them only for users who see the whole area."""

import datetime
from decimal import Decimal
from unittest import mock

import pytest

from gotong.activities import services, tallies
from gotong.activities.models import Attendance, Event
from gotong.activities.tests.conftest import BUGIS
from gotong.areas.models import Area
from gotong.dashboards.figures.activities import figures
from gotong.registry import services as registry
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

pytestmark = pytest.mark.django_db

DAY = datetime.date(2025, 6, 1)  # events of 2025 are this year's
AREAS = (BUGIS, f"{BUGIS}.006", f"{BUGIS}.006.002", "21.72", "21.72.03")


def both_paths(user, code: str, day=DAY):
    """The block as the tallies give it and as the live count gives it, for one user and area."""
    area = Area.objects.get(code=code)
    tallied = figures(user, area, day)
    with mock.patch.object(tallies, "serves", return_value=False):
        live = figures(user, area, day)
    return tallied, live


def assert_exact(user, day=DAY):
    assert tallies.differences() == []
    for code in AREAS:
        tallied, live = both_paths(user, code, day)
        assert tallied == live, code


@pytest.fixture
def attended(event, residents, city_officer):
    """Andi and Bayu at the RT's March kerja bakti with the child, Fajar (RT 003) at an RW event in April."""
    andi, bayu, _citra, _dewi = residents["adults"]
    services.record_attendance(
        event, hours_by_person={andi: None, bayu: Decimal(3), residents["child"]: None}, acting_user=city_officer
    )
    rw = Area.objects.get(code=f"{BUGIS}.006")
    rw_event = services.create_event(title="Kerja bakti RW", kind="kerja_bakti", held_on=datetime.date(2025, 4, 6),
                                     default_hours=2, area=rw, acting_user=city_officer)  # fmt: skip
    services.record_attendance(rw_event, hours_by_person={residents["elsewhere"]: None}, acting_user=city_officer)
    return {"event": event, "rw_event": rw_event}


def test_the_tallies_answer_as_the_live_count_per_area(attended, city_officer):
    assert tallies.serves(city_officer, "21.72")
    assert_exact(city_officer)
    took_part = {code: both_paths(city_officer, code)[0]["adults_took_part"] for code in AREAS}
    # Fajar lives in RT 003: he counts for the RW and above (his event is there), not for RT 002.
    assert took_part == {BUGIS: 3, f"{BUGIS}.006": 3, f"{BUGIS}.006.002": 2, "21.72": 3, "21.72.03": 3}
    rt = both_paths(city_officer, f"{BUGIS}.006.002")[0]
    assert (rt["events"], rt["attendances"], rt["hours"]) == (1, 3, Decimal(7))


def test_attendance_added_and_removed(attended, residents, city_officer):
    andi, bayu, citra, dewi = residents["adults"]
    services.record_attendance(attended["event"], hours_by_person={andi: None, citra: None, dewi: Decimal(1)},
                               acting_user=city_officer)  # fmt: skip
    assert_exact(city_officer)
    assert both_paths(city_officer, BUGIS)[0]["adults_took_part"] == 4  # Andi, Citra, Dewi and Fajar
    Attendance.objects.get(event=attended["rw_event"]).delete()
    assert_exact(city_officer)
    assert both_paths(city_officer, BUGIS)[0]["adults_took_part"] == 3


def test_birth_date_and_the_daily_cutoff(attended, residents, city_officer):
    andi = residents["adults"][0]
    andi.birth_date = datetime.date(2008, 6, 15)  # 17 on 15 June 2025
    andi.save()
    before, on = datetime.date(2025, 6, 14), datetime.date(2025, 6, 15)
    assert_exact(city_officer, before)
    assert_exact(city_officer, on)
    rt = f"{BUGIS}.006.002"
    assert (
        both_paths(city_officer, rt, on)[0]["adults_took_part"]
        == both_paths(city_officer, rt, before)[0]["adults_took_part"] + 1
    )
    andi.birth_date = datetime.date(2012, 1, 1)  # never 17 in 2025
    andi.save()
    assert_exact(city_officer, datetime.date(2025, 12, 31))


def test_household_moves_to_another_rt(attended, residents, city_officer):
    house = residents["adults"][0].household
    house.area = rt_in(BUGIS, 7, 1)
    registry.save_household(house, acting_user=city_officer)
    assert_exact(city_officer)
    # Andi and Bayu now live in RW 007: their RT 002 event still counts for the village, no longer for RW 006.
    assert both_paths(city_officer, f"{BUGIS}.006")[0]["adults_took_part"] == 1
    assert both_paths(city_officer, BUGIS)[0]["adults_took_part"] == 3


def test_event_moved_to_another_year_or_area_and_deleted(attended, city_officer):
    event = services.update_event(attended["event"], held_on=datetime.date(2024, 3, 10), acting_user=city_officer)
    assert_exact(city_officer)
    assert_exact(city_officer, datetime.date(2024, 6, 1))
    assert both_paths(city_officer, BUGIS)[0]["adults_took_part"] == 1  # only Fajar in 2025
    event = services.update_event(event, held_on=datetime.date(2025, 3, 9), area=rt_in(BUGIS, 6, 3),
                                  acting_user=city_officer)  # fmt: skip
    assert_exact(city_officer)
    assert both_paths(city_officer, f"{BUGIS}.006.002")[0] is None  # no event there any more
    Event.objects.get(pk=event.pk).delete()
    assert_exact(city_officer)
    assert both_paths(city_officer, BUGIS)[0]["events"] == 1


def test_a_bulk_write_is_counted_by_refresh_or_rebuild(attended, residents, city_officer):
    citra = residents["adults"][2]
    Attendance.objects.bulk_create([Attendance(event=attended["event"], person=citra, hours=2, area_code=BUGIS)])
    assert tallies.differences()  # bulk writes pass the signals by: the check says so
    tallies.rebuild()
    assert_exact(city_officer)


def test_an_organisation_member_gets_the_live_count_of_what_they_see(attended, residents, bkm, city_officer):
    """A BKM officer sees the persons of Bugis and the events of Bugis and of the BKM anywhere: on the city's
    block the tallies (every event of the city) would be wrong, so their number is counted live."""
    from gotong.accounts.models import User
    from gotong.organizations.choices import MemberRole
    from gotong.organizations.models import Membership

    officer = User.objects.create_user(username="ketua_bkm", password="rahasia-123", role="org_staff")
    Membership.objects.create(
        organization=bkm, user=officer, role=MemberRole.STAFF, started_on=datetime.date(2020, 1, 1)
    )
    other_village = Area.objects.filter(code__startswith="21.72.", level=4).exclude(code=BUGIS).first()
    far = PersonFactory(household=HouseholdFactory(area=rt_in(other_village.code, 1, 1)), name="Gita")
    far_event = services.create_event(title="Kerja bakti seberang", kind="kerja_bakti", held_on=DAY.replace(month=5),
                                      default_hours=2, area=far.household.area, acting_user=city_officer)  # fmt: skip
    services.record_attendance(far_event, hours_by_person={far: None}, acting_user=city_officer)
    assert tallies.serves(city_officer, "21.72") and not tallies.serves(officer, "21.72")
    city = Area.objects.get(code="21.72")
    theirs = figures(officer, city, DAY)
    everyone = figures(city_officer, city, DAY)
    # They see Bugis's two events, not the other village's; Gita is not theirs to count either.
    assert (theirs["events"], theirs["adults_took_part"]) == (2, 3)
    assert (everyone["events"], everyone["adults_took_part"]) == (3, 4)
    assert tallies.year_totals("21.72", 2025)["events"] == 3
