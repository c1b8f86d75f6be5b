"""The stored scores (`ResponseScore`) stay equal to the scores computed from the answers, and the check finds a
wrong row."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gotong.socialcapital import stored_scores
from gotong.socialcapital.models import Answer, Choice, Dimension, Response, ResponseScore
from gotong.socialcapital.scoring import OVERALL, SCORE_COLUMNS, compute_scores, household_scores
from gotong.socialcapital.tests.conftest import answer, household
from gotong.socialcapital.tests.test_scoring_in_database import edge_cases, python_household_scores  # noqa: F401


def live() -> dict[int, dict[str, float]]:
    return compute_scores(Answer.objects.all(), Choice)


def stored() -> dict[int, dict[str, float]]:
    return {pk: dims for pk, (_code, dims) in household_scores(Response.objects.all()).items() if dims}


def same(got: dict, expected: dict) -> bool:
    return set(got) == set(expected) and all(got[pk] == pytest.approx(expected[pk], abs=1e-9) for pk in expected)


def test_a_column_per_dimension():
    columns = {field.name for field in ResponseScore._meta.concrete_fields}
    assert set(SCORE_COLUMNS) == {*Dimension.values, OVERALL} and set(SCORE_COLUMNS) <= columns


def test_recorded_responses_store_their_scores(bugis_round, facilitator):
    first = answer(bugis_round, household(1, 1), facilitator, (5, 3), 2)
    answer(bugis_round, household(1, 2), facilitator, (1, 2), 0)
    row = ResponseScore.objects.get(response=first)
    assert row.kepercayaan == 75.0 and row.gotong_royong == 100.0 and row.overall == 87.5
    assert row.norma is None and row.province_code == first.province_code
    assert same(stored(), live())
    assert stored_scores.differences() == []


def test_answers_edited_added_and_deleted_through_the_orm(edge_cases):  # noqa: F811
    """The edge cases add answers with `Answer.objects.create` and delete all of one response's answers."""
    for survey_round in edge_cases:
        responses = Response.objects.filter(survey_round=survey_round)
        expected = python_household_scores(responses)
        got = household_scores(responses)
        assert same({pk: dims for pk, (_c, dims) in got.items()}, {pk: dims for pk, (_c, dims) in expected.items()})
    answer_row = Answer.objects.filter(question__kind="likert").first()
    answer_row.value = 1 if answer_row.value != 1 else 5
    answer_row.save()
    assert stored_scores.differences() == []
    assert same(stored(), live())
    assert ResponseScore.objects.count() == len(live())  # the response without answers has no row


def test_a_choice_score_change_recomputes_its_question_answers(bugis_round, facilitator):
    answer(bugis_round, household(1, 1), facilitator, (4, 4), 1)
    answer(bugis_round, household(1, 2), facilitator, (2, 3), 2)
    question = bugis_round.instrument.questions.get(number=3)
    top = question.choices.get(score=2)
    top.score = 4  # the scale of the question now runs 0–4: a score of 1 is 25, no longer 50
    top.save()
    assert stored_scores.differences() == []
    scores = stored()
    assert sorted(dims["gotong_royong"] for dims in scores.values()) == [25.0, 50.0]


def test_deleting_a_response_leaves_no_row(bugis_round, facilitator):
    response = answer(bugis_round, household(1, 1), facilitator, (4, 4), 1)
    response.delete()
    assert not ResponseScore.objects.exists()


def test_the_check_finds_a_wrong_missing_or_surplus_row(bugis_round, facilitator):
    first = answer(bugis_round, household(1, 1), facilitator, (5, 3), 2)
    second = answer(bugis_round, household(1, 2), facilitator, (1, 2), 0)
    ResponseScore.objects.filter(response=first).update(kepercayaan=70.0)
    problems = stored_scores.differences()
    assert len(problems) == 1 and "70.0" in problems[0] and "75.0" in problems[0]
    with pytest.raises(CommandError):
        call_command("dashboards", "check")
    ResponseScore.objects.filter(response=second).delete()
    assert len(stored_scores.differences()) == 4  # the wrong one, and the missing row's three scores
    assert stored_scores.rebuild() == 2
    assert stored_scores.differences() == []
    ResponseScore.objects.create(response=Response.objects.create(
        survey_round=bugis_round, household=household(2, 1), submission_id="00000000-0000-4000-8000-000000000001",
        answered_on=bugis_round.starts_on), overall=50.0)  # fmt: skip
    assert len(stored_scores.differences()) == 1  # a row for a response without answers


def test_refresh_of_many_responses_in_chunks(bugis_round, facilitator, monkeypatch):
    monkeypatch.setattr(stored_scores, "CHUNK", 2)
    for rt in range(1, 6):
        answer(bugis_round, household(1, rt), facilitator, (rt, 6 - rt), rt % 3)
    ResponseScore.objects.all().delete()
    assert stored_scores.refresh(Response.objects.values_list("pk", flat=True)) == 5
    assert stored_scores.differences() == []
