from gotong.programs.demo import load_programs_demo
from gotong.programs.models import Cohort, Enrolment, Program, Session
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in


def test_demo_is_idempotent(areas, admin_user):
    import datetime

    for n in range(30):
        house = HouseholdFactory(area=rt_in("12.71.08.1004", 1, 1 + n % 3), family_card_number=f"12710801010{n:05d}")
        PersonFactory(household=house, name=f"Dewasa {n}")
        PersonFactory(household=house, name=f"Anak {n}", relationship="anak", birth_date=datetime.date(2014, 1, 1))
    assert load_programs_demo(admin_user) == 5
    counts = (Program.objects.count(), Cohort.objects.count(), Session.objects.count(), Enrolment.objects.count())
    assert load_programs_demo(admin_user) == 0
    assert counts == (Program.objects.count(), Cohort.objects.count(), Session.objects.count(),
                      Enrolment.objects.count())  # fmt: skip
    assert counts[1] == 10
    assert Enrolment.objects.exclude(status="aktif").exists()
    assert Enrolment.objects.filter(income_after__isnull=False).exists()
