"""The place modules (slums, collaboration, programs, social capital, participation) are the same for a seed and
`until`, and absent without modules."""

import datetime

import pytest
from django.db import transaction

from gotong.bench.synthetic.store import generate_city
from gotong.collaboration.models import Project, ProjectBudget
from gotong.participation.models import Aspiration, PlanningRound, Support
from gotong.programs.models import Enrolment, Program
from gotong.slums.models import Assessment, SlumLocation
from gotong.socialcapital.models import Answer, SurveyRound

pytestmark = pytest.mark.django_db
CITY = "21.72"
UNTIL = datetime.date(2026, 11, 23)


def test_same_seed_and_until_give_the_same_rows(areas):
    def snapshot():
        return (
            list(Assessment.objects.order_by("id").values_list("location__name", "assessed_on", "total")),
            list(ProjectBudget.objects.order_by("id").values_list("project__name", "source", "amount_rupiah")),
            list(Enrolment.objects.order_by("id").values_list("public_id", "person__nik", "status")),
            list(Answer.objects.order_by("id").values_list("response__household__family_card_number", "value")),
            list(Aspiration.objects.order_by("id").values_list("number", "raised_for__nik", "status")),
            list(Support.objects.order_by("id").values_list("proposal__public_id", "person__nik")),
        )  # fmt: skip

    shots = []
    for _run in range(2):
        with transaction.atomic():
            generate_city(1200, seed=4, city_code=CITY, until=UNTIL)
            shots.append(snapshot())
            transaction.set_rollback(True)
    assert shots[0] == shots[1]
    assert all(shots[0])


def test_no_modules_writes_none_of_these(areas):
    generate_city(300, seed=2, city_code=CITY, modules=False)
    for model in (SlumLocation, Project, Program, SurveyRound, Aspiration, PlanningRound):
        assert not model.objects.exists()
