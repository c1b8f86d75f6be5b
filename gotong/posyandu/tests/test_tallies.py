"""The monthly SKDN tallies equal what `skdn.live_for_posyandus` counts, through every change a cadre can make."""

import datetime
import random

import pytest
from django.core.management import call_command

from gotong.posyandu import services, skdn, tallies
from gotong.posyandu.dates import add_months
from gotong.posyandu.models import Child, MonthTally, Session, Weighing
from gotong.posyandu.tests.conftest import MARCH
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

pytestmark = pytest.mark.django_db


def live(posyandu, month):
    return skdn.live_for_posyandus([posyandu], month)[posyandu.pk]


def stored(posyandu, month):
    return MonthTally.objects.get(posyandu=posyandu, month=month)


def assert_tallies_exact(posyandu, months):
    assert tallies.differences() == []
    for month in months:
        row, expected = stored(posyandu, month), live(posyandu, month)
        assert {f: getattr(row, f) for f in skdn.FIELDS} == {f: getattr(expected, f) for f in skdn.FIELDS}, month


def test_hand_checked_month_is_stored_as_counted(kenanga):
    row = stored(kenanga, MARCH)
    assert (row.s, row.k, row.d, row.n, row.t, row.t2, row.o, row.b, row.bgm) == (5, 4, 4, 1, 1, 1, 1, 1, 1)
    assert row.area_code == kenanga.area_code
    assert_tallies_exact(kenanga, [add_months(MARCH, step) for step in range(-3, 3)])


def test_late_weighing_changes_that_month_and_the_next(kenanga, cadre):
    """C was not weighed in February, so March says O; entering February late turns March into N or T."""
    child_c = Child.objects.get(person__name="Anak C")
    feb = Session.objects.get(posyandu=kenanga, month=datetime.date(2026, 2, 1))
    before = stored(kenanga, MARCH)
    services.record_weighing(child=child_c, session=feb, weight_kg="9.7", acting_user=cadre)
    after = stored(kenanga, MARCH)
    assert after.o == before.o - 1 and after.n + after.t == before.n + before.t + 1
    assert stored(kenanga, datetime.date(2026, 2, 1)).d == 4
    assert_tallies_exact(kenanga, [datetime.date(2026, 2, 1), MARCH])


def test_corrected_birth_date_moves_a_child_out_of_the_under_fives(kenanga, admin_user):
    from gotong.registry.services import save_person

    person = Child.objects.get(person__name="Anak E").person
    person.birth_date = datetime.date(2020, 2, 1)  # typed wrongly at first: this child is over five in 2026
    save_person(person, acting_user=admin_user)
    assert stored(kenanga, MARCH).s == 4
    assert_tallies_exact(kenanga, [MARCH])


def test_a_child_who_moved_away_leaves_the_following_months(kenanga, admin_user):
    from gotong.registry.services import save_person

    child = Child.objects.get(person__name="Anak E")
    child.left_on = datetime.date(2026, 2, 20)
    child.save()
    # While she still lives in Kenanga's area she is one of its under-fives no posyandu follows: still S.
    assert stored(kenanga, MARCH).s == 5
    person = child.person
    person.household = HouseholdFactory(area=rt_in("21.72.03.1001", 1, 1))
    save_person(person, acting_user=admin_user)
    assert stored(kenanga, datetime.date(2026, 1, 1)).s == 5
    assert stored(kenanga, MARCH).s == 4
    assert_tallies_exact(kenanga, [datetime.date(2026, 2, 1), MARCH])


def test_month_without_tallies_is_counted_live_until_extended(kenanga, django_assert_max_num_queries):
    """A new month has begun and nothing was recorded yet: the answer is live (exact), then `extend` stores it."""
    last = MonthTally.objects.filter(posyandu=kenanga).latest("month").month
    new_month = add_months(last, 1)
    # The tally, the children, their weighings, the area's unfollowed under-fives and their posyandu.
    with django_assert_max_num_queries(5):
        row = skdn.for_posyandus([kenanga], new_month)[kenanga.pk]
    assert (row.s, row.k, row.d) == (live(kenanga, new_month).s, live(kenanga, new_month).k, 0)
    assert tallies.differences() == []  # rows ending before the new month are not an error
    assert tallies.extend_to(new_month) == 1
    assert stored(kenanga, new_month).s == row.s and stored(kenanga, new_month).k == row.k
    assert tallies.extend_to(new_month) == 0


def test_check_finds_a_wrong_tally_and_rebuild_repairs_it(kenanga, capsys):
    MonthTally.objects.filter(posyandu=kenanga, month=MARCH).update(d=40)
    MonthTally.objects.filter(posyandu=kenanga, month=datetime.date(2026, 1, 1)).delete()
    problems = tallies.differences()
    assert any("03/2026: d 40 ≠ 4" in p for p in problems) and any("01/2026: tidak ada rekap" in p for p in problems)
    with pytest.raises(Exception, match="selisih"):
        call_command("dashboards", "check")
    call_command("dashboards", "rebuild")
    call_command("dashboards", "check")
    assert stored(kenanga, MARCH).d == 4


def test_deleting_a_weighing_or_a_child_takes_it_out(kenanga):
    Weighing.objects.get(child__person__name="Anak D", month=MARCH).delete()
    assert stored(kenanga, MARCH).d == 3 and stored(kenanga, MARCH).bgm == 0
    Child.objects.get(person__name="Anak D").delete()
    # She still lives in Kenanga's area: S keeps her, now as an under-five no posyandu follows.
    assert stored(kenanga, MARCH).s == 5 and stored(kenanga, MARCH).d == 3
    assert_tallies_exact(kenanga, [MARCH])


def test_random_children_and_weighings_agree_with_the_live_count(posyandu, admin_user):
    """Births on month ends and 29 February, registrations late, children leaving, cards forgotten, weighings
    skipped: every month's tally equals the SQL count of the same definition."""
    rng = random.Random(7)
    household = HouseholdFactory(area=rt_in("21.72.03.1005", 3, 1))
    months = [add_months(datetime.date(2025, 1, 1), step) for step in range(18)]
    sessions = Session.objects.bulk_create(
        [Session(posyandu=posyandu, held_on=m.replace(day=12), month=m, area_code=posyandu.area_code) for m in months]
    )
    births = [datetime.date(2020, 2, 29), datetime.date(2020, 3, 1), datetime.date(2021, 1, 31)]
    births += [datetime.date(2020, 1, 1) + datetime.timedelta(days=rng.randrange(2100)) for _ in range(37)]
    weighings = []
    for number, birth in enumerate(births):
        person = PersonFactory(household=household, name=f"Anak {number}", relationship="anak", birth_date=birth)
        registered = birth + datetime.timedelta(days=rng.choice([0, 0, 40, 400]))
        left = registered + datetime.timedelta(days=rng.randrange(100, 900)) if rng.random() < 0.3 else None
        child = Child.objects.create(posyandu=posyandu, person=person, registered_on=registered, left_on=left)
        for session in sessions:
            if rng.random() < 0.7 and session.held_on > birth:
                weighings.append(_weighing(child, session, rng))
    Weighing.objects.bulk_create(weighings)  # past the signals, like a raw load
    tallies.refresh_posyandus([posyandu.pk])
    for month in months:
        row, expected = stored(posyandu, month), live(posyandu, month)
        assert {f: getattr(row, f) for f in skdn.FIELDS} == {f: getattr(expected, f) for f in skdn.FIELDS}, month
    assert sum(stored(posyandu, m).d for m in months) > 100


def _weighing(child, session, rng) -> Weighing:
    trend = rng.choice("NTOB")
    return Weighing(
        child=child,
        session=session,
        month=session.month,
        measured_on=session.held_on,
        age_days=(session.held_on - child.person.birth_date).days,
        weight_kg="9.5",
        growth_card=rng.random() < 0.8,
        trend=trend,
        two_t=trend == "T" and rng.random() < 0.5,
        bgm=rng.random() < 0.1,
        haz=rng.choice([None, "-2.50", "-1.00", "-2.00", "0.40"]),
        area_code=session.area_code,
    )


def test_the_total_counts_a_posyandu_without_a_tally_that_month_live(kenanga, other_posyandu):
    """`total_for` sums the tallies and counts live only the posyandu without one that month (an anti-join)."""
    from gotong.organizations.models import Organization

    both = Organization.objects.filter(pk__in=[kenanga.pk, other_posyandu.pk]).order_by("pk")
    tallied = skdn.total_for(both, MARCH)
    MonthTally.objects.filter(posyandu=kenanga, month=MARCH).delete()
    counted = skdn.total_for(both, MARCH)
    expected = skdn.Skdn(label="")
    for row in skdn.live_for_posyandus(list(both), MARCH).values():
        expected.add(row)
    fields = {f: getattr(expected, f) for f in skdn.FIELDS}
    assert {f: getattr(counted, f) for f in skdn.FIELDS} == {f: getattr(tallied, f) for f in skdn.FIELDS} == fields
    assert counted.d == 4
