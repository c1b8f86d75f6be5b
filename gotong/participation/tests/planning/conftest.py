"""Planning tests' fixtures: Kampung Bugis RW 006, an open RPLP round opened by its faskel, one proposal."""

import datetime

import pytest

from gotong.participation.services import planning as services
from gotong.participation.tests.planning.helpers import BUGIS, TODAY
from gotong.registry.tests.factories import rt_in


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
