"""Planning together through its services: rounds, proposals, one support per registry person, the choice and the
chain into the collaboration module."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gotong.collaboration.models import ActionPlan, ProjectStatus, Target
from gotong.collaboration.services.targets import save_action_plan
from gotong.participation.models import ProposalSource, ProposalStatus, Support
from gotong.participation.services import planning as services
from gotong.participation.services.planning_public import chosen_proposals
from gotong.participation.tests.planning.helpers import BUGIS, TODAY, aspiration_in, resident
from gotong.registry.tests.factories import PersonFactory, rt_in

pytestmark = pytest.mark.django_db


def _support(proposal, user):
    return services.support_proposal(proposal, acting_user=user, today=TODAY)


def test_open_round_only_for_rw_or_village_and_in_order(areas, facilitator, rw6):
    rt = rt_in(BUGIS, 6, 2)
    with pytest.raises(ValidationError) as error:
        services.open_round(title="x", kind="rplp", area=rt, opens_on=TODAY, closes_on=TODAY - datetime.timedelta(1),
                            acting_user=facilitator)  # fmt: skip
    assert set(error.value.message_dict) == {"area", "closes_on"}
    assert "RW atau satu kelurahan" in error.value.message_dict["area"][0]


def test_facilitator_cannot_open_a_round_outside_their_areas(areas, other_facilitator, rw6):
    with pytest.raises(PermissionDenied):
        services.open_round(title="x", kind="rplp", area=rw6, opens_on=TODAY, closes_on=TODAY,
                            acting_user=other_facilitator)  # fmt: skip


def test_a_person_supports_a_proposal_once_whatever_the_account(proposal):
    ani = resident("ani")
    first, created = _support(proposal, ani)
    again, created_again = _support(proposal, ani)
    assert created and not created_again and first.pk == again.pk
    # The support is the registry person's: Ani's account closed and a new one made for her still counts once.
    person = ani.person
    ani.delete()
    _row, created_third = _support(proposal, resident("ani-baru", person=person))
    assert not created_third
    assert Support.objects.filter(proposal=proposal).count() == 1
    _support(proposal, resident("bayu"))
    assert services.with_support_counts(type(proposal).objects.filter(pk=proposal.pk)).get().support_count == 2


def test_unique_constraint_holds_without_the_service(proposal):
    from django.db import IntegrityError, transaction

    ani = resident("ani")
    _support(proposal, ani)
    with pytest.raises(IntegrityError), transaction.atomic():
        Support.objects.create(proposal=proposal, person=ani.person, area_code=proposal.area_code, recorded_by=ani)


def test_only_residents_of_the_round_area_support(proposal):
    other_rw = resident("rw1", rw=1, rt=1)
    other_city = resident("medan", village="12.71.08.1004", rw=1, rt=1)
    for user in (other_rw, other_city):
        with pytest.raises(PermissionDenied):
            _support(proposal, user)
    assert not Support.objects.exists()


def test_support_only_while_the_round_is_open(proposal, planning_round, facilitator):
    ani = resident("ani")
    with pytest.raises(ValidationError, match="selama putaran dibuka"):
        services.support_proposal(proposal, acting_user=ani, today=planning_round.closes_on + datetime.timedelta(1))
    services.close_round(planning_round, acting_user=facilitator, today=TODAY)
    proposal.refresh_from_db()
    with pytest.raises(ValidationError):
        _support(proposal, ani)


def test_workers_do_not_vote(proposal, facilitator, city_officer):
    for user in (facilitator, city_officer):
        with pytest.raises(PermissionDenied):
            _support(proposal, user)


def test_withdraw_support_while_open(proposal):
    ani = resident("ani")
    _support(proposal, ani)
    assert services.withdraw_support(proposal, acting_user=ani, today=TODAY)
    assert not Support.objects.exists()


def test_resident_proposes_in_their_round_only(planning_round):
    ani = resident("ani")
    proposal = services.add_proposal(planning_round, title="Lampu jalan RT 002", acting_user=ani)
    assert proposal.source == ProposalSource.RESIDENT and proposal.area_code == planning_round.area_code
    with pytest.raises(PermissionDenied):
        services.add_proposal(planning_round, title="x", acting_user=resident("luar", rw=1, rt=1))


def test_aspiration_becomes_a_proposal_once_per_round(planning_round, facilitator):
    aspiration = aspiration_in(rt_in(BUGIS, 6, 2), facilitator)
    assert services.rounds_for_aspiration(aspiration, facilitator) == [planning_round]
    assert services.rounds_for_aspiration(aspiration_in(rt_in(BUGIS, 1, 1), facilitator), facilitator) == []
    proposal = services.proposal_from_aspiration(aspiration, planning_round, title="Normalisasi saluran Gg. Mawar",
                                                 acting_user=facilitator)  # fmt: skip
    assert proposal.source == ProposalSource.ASPIRATION and proposal.aspiration == aspiration
    with pytest.raises(ValidationError, match="sudah menjadi usulan"):
        services.proposal_from_aspiration(aspiration, planning_round, title="lagi", acting_user=facilitator)


def test_aspiration_outside_the_round_area_is_refused(planning_round, facilitator):
    aspiration = aspiration_in(rt_in(BUGIS, 1, 1), facilitator)
    with pytest.raises(ValidationError) as error:
        services.proposal_from_aspiration(aspiration, planning_round, title="x", acting_user=facilitator)
    assert "luar wilayah" in error.value.message_dict["aspiration"][0]


def test_choose_needs_a_closed_round_and_marks_the_rest(planning_round, proposal, facilitator):
    other = services.add_proposal(planning_round, title="Sumur bor RT 003", acting_user=facilitator)
    with pytest.raises(ValidationError, match="Tutup putaran"):
        services.choose_proposals(planning_round, chosen=[proposal], acting_user=facilitator)
    services.close_round(planning_round, acting_user=facilitator, today=TODAY)
    assert services.choose_proposals(planning_round, chosen=[proposal], acting_user=facilitator) == 1
    proposal.refresh_from_db()
    other.refresh_from_db()
    assert (proposal.status, other.status) == (ProposalStatus.CHOSEN, ProposalStatus.NOT_CHOSEN)
    with pytest.raises(ValidationError, match="sudah ditutup"):
        services.add_proposal(planning_round, title="terlambat", acting_user=facilitator)


def _chosen(planning_round, proposal, facilitator):
    services.close_round(planning_round, acting_user=facilitator, today=TODAY)
    services.choose_proposals(planning_round, chosen=[proposal], acting_user=facilitator)
    proposal.refresh_from_db()
    return proposal


PROJECT = {"name": "Drainase Gg. Mawar", "kind": "drainase", "volume": "120", "unit": "m", "year": 2027,
           "budgets": {"dana_kelurahan": 75_000_000}}  # fmt: skip


def test_chosen_proposal_becomes_project_and_activity_keeping_the_chain(planning_round, proposal, facilitator, rw6):
    aspiration = aspiration_in(rt_in(BUGIS, 6, 2), facilitator)
    proposal.aspiration = aspiration
    proposal.save()
    with pytest.raises(ValidationError, match="terpilih"):
        services.proposal_to_project(proposal, area=rw6, acting_user=facilitator, **PROJECT)
    proposal = _chosen(planning_round, proposal, facilitator)
    with pytest.raises(ValidationError) as error:
        services.proposal_to_project(proposal, area=rt_in(BUGIS, 1, 1), acting_user=facilitator, **PROJECT)
    assert "area" in error.value.message_dict
    project = services.proposal_to_project(proposal, area=rt_in(BUGIS, 6, 2), acting_user=facilitator, **PROJECT)
    target = Target.objects.create(title="Jalan dan drainase layak", area=rw6.parent, indicator="other",
                                   unit="%", baseline_value=40, baseline_year=2025, target_value=100,
                                   target_year=2027)  # fmt: skip
    plan = save_action_plan(target=target, title="Rencana tindak 2027", start_year=2027, end_year=2027,
                            acting_user=facilitator)  # fmt: skip
    proposal.refresh_from_db()
    activity = services.proposal_to_activity(proposal, plan=plan, acting_user=facilitator)
    assert list(activity.projects.all()) == [project]
    proposal.refresh_from_db()
    assert (proposal.project, proposal.activity) == (project, activity)
    steps = {step["key"]: step["done"] for step in services.chain(proposal)}
    assert steps == {"aspiration": True, "proposal": True, "project": True, "photos": False, "done": False}
    project.status = ProjectStatus.DONE
    project.save()
    proposal.refresh_from_db()
    assert services.chain(proposal)[-1]["done"]
    with pytest.raises(ValidationError, match="sudah menjadi kegiatan fisik"):
        services.proposal_to_project(proposal, area=rw6, acting_user=facilitator, **PROJECT)
    # A proposal already carried into a project cannot be un-chosen.
    with pytest.raises(ValidationError, match="tidak dapat dibatalkan"):
        services.choose_proposals(planning_round, chosen=[], acting_user=facilitator)
    assert ActionPlan.objects.count() == 1


def test_portal_rows_name_no_one_and_suppress_small_support_counts(planning_round, proposal, facilitator, rw6):
    for n in range(3):
        _support(proposal, resident(f"w{n}"))
    proposal = _chosen(planning_round, proposal, facilitator)
    services.proposal_to_project(proposal, area=rw6, acting_user=facilitator, **PROJECT)
    for code in (BUGIS, "21.72"):
        from gotong.areas.models import Area

        public = chosen_proposals(Area.objects.get(code=code))
        assert public["chosen"] == 1 and public["with_project"] == 1 and public["done"] == 0
        row = public["rows"][0]
        assert row["title"] == "Drainase Gg. Mawar RT 002" and row["village"]
        assert str(row["supports"]) == "<5"
        assert row["project_status"] == "Direncanakan"
    assert chosen_proposals(Area.objects.get(code="12.71"))["rows"] == []
    names = set(PersonFactory._meta.model.objects.values_list("name", flat=True))
    assert not any(name in str(public) for name in names)
