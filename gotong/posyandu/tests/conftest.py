"""A posyandu in Kampung Bugis (Tanjungpinang) with its cadre, a family with a toddler, and a stranger posyandu."""

import datetime

import pytest

from gotong.organizations.choices import MemberRole, OrganizationKind
from gotong.organizations.models import Membership, Organization
from gotong.posyandu import services
from gotong.posyandu.models import Child
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

TODAY = datetime.date(2026, 3, 15)


def make_user(username, role, **extra):
    from gotong.accounts.models import User

    return User.objects.create_user(username=username, password="rahasia-123", role=role, **extra)


@pytest.fixture
def posyandu(areas):
    return Organization.objects.create(
        name="Posyandu Kenanga", kind=OrganizationKind.POSYANDU, area=areas["21.72.03.1005"], address="Jl. Bugis"
    )


@pytest.fixture
def other_posyandu(areas):
    """Same village, different posyandu: its cadre must not see Kenanga's children."""
    return Organization.objects.create(
        name="Posyandu Dahlia", kind=OrganizationKind.POSYANDU, area=areas["21.72.03.1005"]
    )


@pytest.fixture
def cadre(posyandu):
    user = make_user("kader", "org_staff", first_name="Wati")
    Membership.objects.create(
        organization=posyandu, user=user, role=MemberRole.CADRE, started_on=datetime.date(2020, 1, 1)
    )
    return user


@pytest.fixture
def other_cadre(other_posyandu):
    user = make_user("kader2", "org_staff")
    Membership.objects.create(
        organization=other_posyandu, user=user, role=MemberRole.CADRE, started_on=datetime.date(2020, 1, 1)
    )
    return user


@pytest.fixture
def family(areas):
    household = HouseholdFactory(area=rt_in("21.72.03.1005", 1, 2), address="Jl. Bugis Gg. Melati 7")
    father = PersonFactory(household=household, name="Hasan Basri", birth_date=datetime.date(1990, 2, 3))
    mother = PersonFactory(
        household=household, name="Siti Aminah", sex="P", relationship="pasangan", birth_date=datetime.date(1994, 5, 6)
    )
    boy = PersonFactory(
        household=household, name="Rizky Hasan", relationship="anak", birth_date=datetime.date(2025, 1, 10)
    )
    girl = PersonFactory(
        household=household, name="Nabila Hasan", sex="P", relationship="anak", birth_date=datetime.date(2024, 3, 1)
    )
    return {"household": household, "father": father, "mother": mother, "boy": boy, "girl": girl}


@pytest.fixture
def resident(family):
    return make_user("warga", "resident", person=family["father"])


@pytest.fixture
def child(posyandu, family, admin_user):
    return services.register_child(
        posyandu=posyandu, person=family["boy"], registered_on=datetime.date(2025, 2, 1), acting_user=admin_user
    )


def open_month(posyandu, year, month, user, day=10):
    return services.open_session(posyandu=posyandu, held_on=datetime.date(year, month, day), acting_user=user)


MARCH = datetime.date(2026, 3, 1)


@pytest.fixture
def kenanga(posyandu, cadre, admin_user):
    """Kenanga's January–March 2026, its March SKDN checked by hand in test_skdn's docstring."""
    household = HouseholdFactory(area=rt_in("21.72.03.1005", 2, 1))
    births = {
        "A": datetime.date(2024, 6, 1),
        "B": datetime.date(2024, 5, 1),
        "C": datetime.date(2024, 4, 1),
        "D": datetime.date(2024, 3, 1),
        "E": datetime.date(2024, 2, 1),
        "F": datetime.date(2020, 1, 1),
    }
    children = {}
    for key, birth in births.items():
        person = PersonFactory(household=household, name=f"Anak {key}", relationship="anak", birth_date=birth)
        children[key] = Child.objects.create(posyandu=posyandu, person=person, registered_on=birth)
    jan, feb, mar = (open_month(posyandu, 2026, m, cadre) for m in (1, 2, 3))

    def weigh(key, session, kg, card=True):
        services.record_weighing(
            child=children[key], session=session, weight_kg=kg, growth_card=card, acting_user=cadre
        )

    weigh("A", feb, "9.0")
    weigh("A", mar, "9.3")
    weigh("B", jan, "9.0")
    weigh("B", feb, "9.0")
    weigh("B", mar, "9.0", card=False)
    weigh("C", jan, "9.5")
    weigh("C", mar, "9.9")
    weigh("D", mar, "6.0")
    weigh("E", feb, "10.0")
    return posyandu


# The February 2026 vitamin A round of the day and monthly-report tests, worked by hand in its module.
from gotong.posyandu.tests.day_fixtures import february  # noqa: E402, F401
