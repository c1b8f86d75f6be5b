from gotong.activities.demo import load_activities_demo
from gotong.activities.models import Attendance, Contribution, Event, Norm, NormWarning
from gotong.activities.stats import event_summary
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in


def test_demo_is_idempotent(areas, admin_user):
    house = HouseholdFactory(area=rt_in("16.71.11.1005", 5, 17), family_card_number="1671110101000001")
    for n in range(8):
        PersonFactory(household=house, name=f"Warga Cempako {n}", relationship="famili")
    youth_house = HouseholdFactory(area=rt_in("12.71.08.1004", 1, 1), family_card_number="1271080101000001")
    PersonFactory(household=youth_house, name="Pemuda Belawan")
    first = load_activities_demo(admin_user)
    counts = [Event.objects.count(), Attendance.objects.count(), Contribution.objects.count(), Norm.objects.count(),
              NormWarning.objects.count()]  # fmt: skip
    second = load_activities_demo(admin_user)
    assert [Event.objects.count(), Attendance.objects.count(), Contribution.objects.count(), Norm.objects.count(),
            NormWarning.objects.count()] == counts  # fmt: skip
    assert second == {"events": 0, "norms": 0, "warnings": 0}
    assert first["events"] == 54 + 2 + 6 and first["norms"] == 2 and first["warnings"] == 3
    independence = Event.objects.get(kind="hari_nasional")
    summary = event_summary(independence)
    assert summary.labour_value and summary.in_kind_value == 1_350_000
    assert Attendance.objects.filter(event__title__startswith="Bersih-bersih").exists()
