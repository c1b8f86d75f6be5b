import pytest

from gotong.collaboration.models import Meeting
from gotong.socialcapital.demo import load_socialcapital_demo
from gotong.socialcapital.models import Answer, Question, Response, SurveyRound
from gotong.socialcapital.reports import round_scores
from gotong.socialcapital.scoring import OVERALL


@pytest.fixture
def ilir_households(areas):
    from gotong.registry.tests.factories import HouseholdFactory, rt_in

    for i in range(30):
        rt = rt_in("16.71.11.1005", 5, 17) if i < 12 else rt_in("16.71.11.1005", 5, 1 + i % 3)
        HouseholdFactory(area=rt, family_card_number=f"16711101{i:08d}")


def test_demo_is_idempotent_and_rises_in_2026(ilir_households, admin_user):
    load_socialcapital_demo(admin_user)
    counts = (Question.objects.count(), SurveyRound.objects.count(), Response.objects.count(), Answer.objects.count())
    load_socialcapital_demo(admin_user)
    assert counts == (Question.objects.count(), SurveyRound.objects.count(), Response.objects.count(),
                      Answer.objects.count())  # fmt: skip
    assert counts[:3] == (18, 2, 60)
    assert set(Question.objects.values_list("dimension", flat=True).distinct()).__len__() == 6
    early, late = SurveyRound.objects.order_by("starts_on")
    before = round_scores(admin_user, early)["16.71.11.1005"][OVERALL].mean
    after = round_scores(admin_user, late)["16.71.11.1005"][OVERALL].mean
    assert after > before
    assert Meeting.objects.count() == 0  # the Palembang organisations of the core demo are not loaded here
