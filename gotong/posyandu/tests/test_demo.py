import datetime

import pytest

from gotong.organizations.models import Organization
from gotong.posyandu.demo import load_posyandu_demo
from gotong.posyandu.models import Child, Session, Weighing
from gotong.registry.models import Person
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def medan(areas):
    for name, code in (("Posyandu Melati", "12.71.08.1004"), ("Posyandu Mawar", "12.71.06.1002")):
        Organization.objects.create(name=name, kind="posyandu", area=areas[code], address="Gg. Nelayan")
        for n in range(3):
            household = HouseholdFactory(
                area=rt_in(code, 1, n + 1), family_card_number=f"12710{code[-4:]}0{n}000001"[:16]
            )
            PersonFactory(household=household, name=f"Ayah {code} {n}", birth_date=datetime.date(1992, 1, 1))
            PersonFactory(
                household=household,
                name=f"Ibu {code} {n}",
                sex="P",
                relationship="pasangan",
                birth_date=datetime.date(1996, 1, 1),
            )
    return areas


def test_demo_is_idempotent_and_has_the_cases_a_cadre_meets(medan, admin_user):
    load_posyandu_demo(admin_user)
    counts = (Child.objects.count(), Session.objects.count(), Weighing.objects.count(), Person.objects.count())
    load_posyandu_demo(admin_user)
    assert (Child.objects.count(), Session.objects.count(), Weighing.objects.count(), Person.objects.count()) == counts
    assert counts[0] == 40 and counts[1] == 24
    assert counts[2] > 300
    weighings = Weighing.objects.all()
    assert weighings.filter(haz_class__in=["stunted", "severely_stunted"]).exists()
    assert weighings.filter(whz_class__in=["wasted", "severely_wasted"]).exists()
    assert weighings.filter(two_t=True).exists()
    assert weighings.filter(trend="O").exists()
    assert weighings.filter(bgm=True).exists()
    assert not any(w.reasons.get("waz") == "implausible" for w in weighings)
    assert Child.objects.filter(mother__isnull=False).count() == 40


def test_demo_gives_vitamin_a_deworming_and_pmt_without_covering_everyone(medan, admin_user):
    from gotong.posyandu import day
    from gotong.posyandu.models import DayVisit, Deworming, Feeding, VitaminADose

    load_posyandu_demo(admin_user)
    counts = (
        VitaminADose.objects.count(),
        Deworming.objects.count(),
        Feeding.objects.count(),
        DayVisit.objects.count(),
    )
    load_posyandu_demo(admin_user)
    assert (
        VitaminADose.objects.count(),
        Deworming.objects.count(),
        Feeding.objects.count(),
        DayVisit.objects.count(),
    ) == counts
    assert VitaminADose.objects.filter(capsule="red").exists() and counts[1] > 0 and counts[3] > 0
    latest = Session.objects.order_by("-month").first().month
    months = [datetime.date(latest.year, m, 1) for m in range(1, 13)] + [latest.replace(year=latest.year - 1)]
    lists = [day.feeding_list(Organization.objects.filter(kind="posyandu"), m) for m in months]
    rows = [row for rows in lists for row in rows]
    assert any(row["feedings"] for row in rows) and any(not row["feedings"] for row in rows)


def test_demo_immunisations_follow_the_schedule(medan, admin_user):
    from gotong.posyandu.immunisation import coverage, schedule
    from gotong.posyandu.models import Immunisation

    load_posyandu_demo(admin_user)
    doses = Immunisation.objects.count()
    load_posyandu_demo(admin_user)
    assert Immunisation.objects.count() == doses > 100
    assert Immunisation.objects.filter(place="posyandu", session__isnull=False).exists()
    # Someone is due for catch-up in this month's list of at least one posyandu.
    today = datetime.date.today()
    rows = [
        row
        for posyandu in Organization.objects.filter(kind="posyandu")
        for row in coverage.due_rows(posyandu, today.replace(day=1))
    ]
    assert rows and any(state == schedule.CATCH_UP for row in rows for _dose, state in row.doses)
