"""Every figure from the small town in conftest, per persona: numbers only from what each user may see."""

import datetime
from decimal import Decimal

import pytest
from django.http import Http404

from gotong.accounts.models import User
from gotong.casework import schedule
from gotong.casework.models import Case
from gotong.dashboards.areas import area_or_404, choices, default_code
from gotong.dashboards.figures import collect
from gotong.dashboards.tests.conftest import BUGIS, TODAY
from gotong.organizations.choices import MemberRole
from gotong.organizations.models import Membership, Organization
from gotong.wastebank import services as wastebank
from gotong.wastebank.models import Deposit

pytestmark = pytest.mark.django_db


def test_city_officer_sees_the_whole_city(town, city_officer):
    f = collect(city_officer, town["city"], TODAY)
    registry = f["registry"]
    assert (registry["households"], registry["persons"], registry["without_decile"]) == (5, 7, 0)
    assert [row["count"] for row in registry["deciles"]] == [2, 0, 1, 0, 2, 0, 0, 0, 0, 0]
    assert registry["deciles"][0]["url"] == "/registrasi/?wilayah=21.72&desil=1"

    slums = f["slums"]
    assert slums["locations"] == 2
    # Bugis 18,92 → 10,50 ha; the other location is not assessed yet and counts with its decree area (5 ha).
    assert (slums["baseline_ha"], slums["latest_ha"], slums["reduced_percent"]) == (
        Decimal("23.92"), Decimal("15.50"), Decimal("35.2"),
    )  # fmt: skip
    assert {row["code"]: row["count"] for row in slums["classes"]} == {"light": 1, "not_assessed": 1}

    collab = f["collaboration"]
    assert collab["projects"] == 2 and collab["budget_total"] == 625_000_000
    assert [(row["source"], row["amount"]) for row in collab["budgets"]] == [
        ("apbn", 500_000_000), ("apbd", 100_000_000), ("swadaya", 25_000_000),
    ]  # fmt: skip
    # Due or done: kept (done before due), TPS land (due 1 Mar), the other village's (due 1 Jan); Dec not yet due.
    assert (collab["commitments_kept"], collab["commitments_due"], collab["kept_rate"]) == (1, 3, Decimal("33.3"))
    assert collab["overdue"] == 2

    act = f["activities"]
    assert (act["events"], act["attendances"], act["hours"]) == (1, 2, Decimal("5"))
    assert (act["adults_took_part"], act["adults"], act["participation"]) == (2, 6, Decimal("33.3"))

    waste = f["wastebank"]
    assert waste["kg"] == Decimal("9.0") and waste["deposits"] == 2
    assert [(row["name"], row["kg"]) for row in waste["categories"]] == [
        ("Kardus", Decimal("5.0")), ("Botol PET", Decimal("4.0")),
    ]  # fmt: skip

    health = f["posyandu"]
    assert health["month"] == datetime.date(2026, 3, 1)
    assert (health["s"], health["d"], health["stunted"], health["scored"]) == (1, 1, 1, 1)
    assert health["stunting_rate"] == Decimal("100.0") and health["d_s"] == Decimal("100.0")
    assert health["skdn_url"] == "/posyandu/skdn/?wilayah=21.72&bulan=2026-03"

    cases = f["casework"]
    expected = len(schedule.agenda(Case.objects.all(), TODAY)["overdue"])
    assert expected >= 1
    assert (cases["open"], cases["overdue_visits"], cases["cases_overdue"]) == (1, expected, 1)


def test_facilitator_sees_only_his_village_on_the_city_page(town, facilitator):
    f = collect(facilitator, town["city"], TODAY)
    assert (f["registry"]["households"], f["registry"]["persons"]) == (3, 5)
    assert [row["count"] for row in f["registry"]["deciles"]][:5] == [2, 0, 1, 0, 0]
    assert f["slums"]["locations"] == 1 and f["slums"]["latest_ha"] == Decimal("10.50")
    assert f["collaboration"]["projects"] == 1 and f["collaboration"]["budget_total"] == 525_000_000
    assert f["collaboration"]["overdue"] == 1
    assert f["activities"]["adults"] == 4  # the other village's adults are not his


def test_village_profile_hides_blocks_with_nothing_in_them(town, city_officer):
    f = collect(city_officer, town["other"], TODAY)
    assert f["registry"]["households"] == 2
    assert f["slums"]["locations"] == 1 and f["slums"]["reduced_percent"] == Decimal("0.0")
    assert f["collaboration"]["budget_total"] == 100_000_000
    assert f["activities"] is None and f["wastebank"] is None
    assert f["posyandu"] is None and f["casework"] is None


def test_waste_bank_staff_sees_no_health_or_cases(town):
    bank_org = Organization.objects.get(name="Bank Sampah Bugis")
    user = User.objects.create_user(username="maimunah", password="rahasia-123", role="org_staff")
    Membership.objects.create(organization=bank_org, user=user, role=MemberRole.MANAGER, started_on=TODAY)
    area = area_or_404(user, BUGIS)
    f = collect(user, area, TODAY)
    assert f["wastebank"]["kg"] == Decimal("9.0")
    assert f["posyandu"] is None and f["casework"] is None


def test_cancelled_deposit_is_not_collected_waste(town, city_officer):
    deposit = Deposit.objects.order_by("occurred_on").first()
    wastebank.cancel_record(deposit, reason="Salah timbang", key="batal-1", acting_user=town["keeper"])
    assert collect(city_officer, town["city"], TODAY)["wastebank"]["kg"] == Decimal("1.7")


def test_scope_decides_which_areas_open(town, city_officer, facilitator, other_facilitator, partner):
    assert area_or_404(facilitator, "21.72").code == "21.72"  # his city, showing his part of it
    with pytest.raises(Http404):
        area_or_404(facilitator, town["other"].code)
    with pytest.raises(Http404):
        area_or_404(other_facilitator, "21.72")
    # A partner's grant is aggregates: the public areas open (their page shows public figures), nothing below.
    assert area_or_404(partner, "21.72").code == "21.72"
    with pytest.raises(Http404):
        area_or_404(partner, "21.72.03")
    with pytest.raises(Http404):
        area_or_404(city_officer, "99.99")
    assert default_code(facilitator) == BUGIS and default_code(partner) is None
    assert [a.code for a in choices(partner)] == ["21.72"]  # the cities with figures
    assert [a.code for a in choices(facilitator)] == ["21.72", BUGIS]


def test_adults_who_took_part_equal_the_distinct_count_over_the_attendance(town, city_officer, today):
    """An adult at two events counts once, a toddler and a resident of another village not at all: the same number
    as the straightforward DISTINCT over the year's attendance rows."""
    from gotong.activities import services as activities
    from gotong.activities import tallies
    from gotong.activities.models import Attendance, Event
    from gotong.activities.stats import ADULT_AGE
    from gotong.areas.models import Area
    from gotong.core.scoping import area_code_filter
    from gotong.registry.models import Person
    from gotong.registry.tests.factories import PersonFactory

    event = Event.objects.get(title="Kerja bakti")
    andi, eko = Person.objects.get(name="Andi"), Person.objects.get(name="Eko")
    stranger = Person.objects.exclude(area_code__startswith=BUGIS).first()
    later = activities.create_event(title="Kerja bakti 2", kind="kerja_bakti", held_on=datetime.date(2026, 4, 12),
                                    default_hours=2, area=event.area, organization=event.organization,
                                    acting_user=city_officer)  # fmt: skip
    Attendance.objects.bulk_create(
        [Attendance(event=later, person=p, hours=2, area_code=later.area_code) for p in (andi, eko, stranger)]
    )
    # A bulk write recounts the tallies itself (`gotong.activities.tallies`), as the generator does.
    tallies.refresh_years([(later.area_code, later.held_on.year)])
    tallies.refresh_participants([(p.area_code, later.held_on.year) for p in (andi, eko, stranger)])
    PersonFactory(
        household=andi.household, name="Fajar", relationship="anak", birth_date=datetime.date(2000, 1, 1)
    )  # never came
    shown = {}
    for code in (BUGIS, "21.72"):
        area = Area.objects.get(code=code)
        events = Event.objects.visible_to(city_officer).filter(area_code_filter([code]), held_on__year=today.year)
        born_by = today.replace(year=today.year - ADULT_AGE)
        adults = Person.objects.visible_to(city_officer).in_area(code).filter(birth_date__lte=born_by)
        attendance = Attendance.objects.filter(event__in=events, person__in=adults)
        expected = attendance.values("person_id").distinct().count()
        shown[code] = collect(city_officer, area, today)["activities"]["adults_took_part"]
        assert shown[code] == expected
    # Bugis: Andi (twice) and Bayu, not Eko; the city counts the stranger from its other village too.
    assert shown == {BUGIS: 2, "21.72": 3}
