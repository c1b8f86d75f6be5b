"""The planning demo: one round per demo city, supports from the registry, Kampung Bugis' chosen proposals linked
to the seed's 2018 projects; loaded once."""

import pytest

from gotong.collaboration.demo import load_collaboration_demo
from gotong.participation.demo_planning import load_planning_demo
from gotong.participation.models import PlanningRound, Proposal, ProposalStatus, Support
from gotong.registry.tests.factories import PersonFactory, rt_in

pytestmark = pytest.mark.django_db


def test_demo_rounds_per_city_with_supports_and_the_seed_chain(areas, admin_user):
    load_collaboration_demo(acting_user=admin_user)
    for village, rw, rt in (("21.72.03.1005", 6, 2), ("16.71.11.1005", 5, 17), ("12.71.08.1004", 1, 1),
                            ("14.71.04.1003", 1, 1)):  # fmt: skip
        for _n in range(3):
            PersonFactory(household__area=rt_in(village, rw, rt))
    assert load_planning_demo(acting_user=admin_user) == 4
    assert load_planning_demo(acting_user=admin_user) == 0
    assert sorted({code[:5] for code in PlanningRound.objects.values_list("area_code", flat=True)}) == [
        "12.71", "14.71", "16.71", "21.72"]  # fmt: skip
    road = Proposal.objects.get(title="Jalan beton RT 002 RW 006")
    assert road.status == ProposalStatus.CHOSEN and road.project.name == "Jalan beton RT 002 RW 006"
    assert road.aspiration.area_code == "21.72.03.1005.006.002"
    assert Proposal.objects.get(title="Sumur bor umum RT 001 RW 006").status == ProposalStatus.NOT_CHOSEN
    # Three residents live in each demo RW here: supports are capped by who lives there, one per person.
    assert road.supports.count() == 3
    assert all(s.person.area_code.startswith(s.proposal.round.area_code) for s in Support.objects.all())
    open_round = PlanningRound.objects.get(area_code="16.71.11.1005.005")
    assert not open_round.is_closed and open_round.proposals.count() == 3
