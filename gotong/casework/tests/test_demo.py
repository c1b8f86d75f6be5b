import pytest
from django.urls import reverse

from gotong.casework.demo import load_casework_demo
from gotong.casework.models import Assistance, Case, Visit
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in


@pytest.fixture
def demo_world(areas, admin_user):
    from conftest import _user
    from gotong.organizations.choices import OrganizationKind
    from gotong.organizations.models import Organization

    psm = _user("psm", "facilitator", work_areas=["14.71.04.1003", "14.71.04.1002", "14.71.13.1003"])
    pendamping = _user("pendamping", "facilitator", work_areas=["16.71.11.1005"])
    Organization.objects.create(name="Tuah TB", kind=OrganizationKind.SUPPORT_GROUP, area=areas["14.71"])
    for n in range(5):
        PersonFactory(
            household=HouseholdFactory(
                area=rt_in("14.71.04.1003", 1, n + 1), family_card_number=f"14710401010000{n:02d}"
            )
        )
        PersonFactory(
            household=HouseholdFactory(
                area=rt_in("16.71.11.1005", 2, n + 1), family_card_number=f"16711101010000{n:02d}"
            )
        )
    return psm, pendamping


def test_demo_is_idempotent_and_shows_overdue(client, demo_world, admin_user):
    from gotong.ledger.services import check_books

    psm, pendamping = demo_world
    first = load_casework_demo(admin_user)
    counts = (Case.objects.count(), Visit.objects.count(), Assistance.objects.count())
    assert load_casework_demo(admin_user) == {"cases": 0}
    assert first == {"cases": 7}
    assert (Case.objects.count(), Visit.objects.count(), Assistance.objects.count()) == counts
    assert Case.objects.filter(worker=psm, program="tb", organization__name="Tuah TB").count() == 4
    assert Case.objects.filter(worker=pendamping, program="pkh").count() == 3
    assert Assistance.objects.filter(ledger_transaction__isnull=False).exists()
    assert check_books() == []
    client.force_login(psm)
    page = client.get(reverse("casework:home")).content.decode()
    assert 'id="overdue"' in page
    client.force_login(pendamping)
    assert 'id="overdue"' in client.get(reverse("casework:home")).content.decode()
