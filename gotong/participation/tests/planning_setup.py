"""Shared setup of the planning tests: Kampung Bugis RW 006 with residents, a round, an aspiration.

Imported by the planning test modules (fixtures by name), so the aspirations' tests keep their own conftest.
"""

import datetime
import itertools

import pytest
from django.utils import timezone

from gotong.accounts.models import User
from gotong.participation.models import Aspiration, AspirationCategory
from gotong.participation.services import planning as services
from gotong.registry.tests.factories import PersonFactory, rt_in

BUGIS = "21.72.03.1005"
TODAY = timezone.localdate()  # rounds are opened around the real today: pages ask the clock
_numbers = itertools.count(1)


def resident(username: str, *, rw: int = 6, rt: int = 2, village: str = BUGIS, person=None) -> User:
    """A resident account tied to a registry person living in `village` RW `rw` RT `rt`."""
    if person is None:
        person = PersonFactory(household__area=rt_in(village, rw, rt))
    return User.objects.create_user(username=username, password="rahasia-123", role="resident", person=person)


def aspiration_in(rt_area, raised_by, *, text="Saluran air di Gg. Mawar tersumbat, banjir tiap hujan") -> Aspiration:
    aspiration = Aspiration(
        number=f"ASP-T-{next(_numbers):04d}",
        area=rt_area,
        category=AspirationCategory.INFRASTRUCTURE,
        text=text,
        raised_by=raised_by,
    )
    aspiration.save()
    return aspiration


@pytest.fixture
def rw6(areas):
    return rt_in(BUGIS, 6, 2).parent


@pytest.fixture
def planning_round(rw6, facilitator):
    return services.open_round(
        title="Prioritas RPLP RW 006 2027",
        kind="rplp",
        area=rw6,
        opens_on=TODAY - datetime.timedelta(days=7),
        closes_on=TODAY + datetime.timedelta(days=14),
        acting_user=facilitator,
    )


@pytest.fixture
def proposal(planning_round, facilitator):
    return services.add_proposal(planning_round, title="Drainase Gg. Mawar RT 002", acting_user=facilitator)
