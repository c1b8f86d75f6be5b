"""Household scores computed by the database equal the answer-by-answer Python computation they replaced.

`python_household_scores` is the former `scoring.household_scores`, kept here as the reference: it read every
answer into Python and rescaled it with `scoring.rescale`.
"""

import datetime
from collections import defaultdict

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gotong.socialcapital.models import Answer, Dimension, QuestionKind, Response
from gotong.socialcapital.scoring import OVERALL, household_scores, rescale
from gotong.socialcapital.services import add_question
from gotong.socialcapital.tests.conftest import BUGIS, answer, household, make_round


def python_household_scores(responses) -> dict[int, tuple[str, dict[str, float]]]:
    responses = list(responses)
    answers = Answer.objects.filter(response__in=[r.pk for r in responses]).select_related("question")
    ranges: dict[int, tuple[int, int]] = {}
    per_response: dict[int, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for a in answers:
        question = a.question
        if question.kind == QuestionKind.CHOICE and question.pk not in ranges:
            scores = [c.score for c in question.choices.all()]
            ranges[question.pk] = (min(scores), max(scores))
        per_response[a.response_id][question.dimension].append(rescale(question, a.value, ranges.get(question.pk)))
    result = {}
    for response in responses:
        dims = {dim: sum(vals) / len(vals) for dim, vals in per_response[response.pk].items() if vals}
        if dims:
            dims[OVERALL] = sum(dims.values()) / len(dims)
        result[response.pk] = (response.area_code, dims)
    return result


def _add_answer(response, question, value, choice=None):
    Answer.objects.create(response=response, question=question, value=value, choice=choice)


@pytest.fixture
def edge_cases(bugis_round, instrument, areas, admin_user, facilitator):
    """Two rounds; a household answering both; questions added after some answers (unanswered by the earlier
    households); a reverse-ordered choice question whose scores fall as the options rise, with a negative score;
    a choice question whose choices all score the same; and a response with no answers at all."""
    later = make_round(instrument, areas[BUGIS], admin_user, "Putaran 2026", datetime.date(2026, 3, 1),
                       datetime.date(2026, 4, 30))  # fmt: skip
    twice = household(1, 1)
    answer(bugis_round, twice, facilitator, (5, 3), 2)
    answer(later, twice, facilitator, (2, 1), 0)
    answer(bugis_round, household(1, 2), facilitator, (1, 1), 1)
    answer(bugis_round, household(1, 2), facilitator, (4, 5), 0)
    newer = answer(later, household(1, 2), facilitator, (3, 4), 1)
    partial = answer(later, household(1, 1), facilitator, (5, 5), 2)
    empty = answer(later, household(1, 2), facilitator, (1, 2), 0)
    reverse = add_question(
        instrument,
        number=4,
        text="Berapa kali bertengkar dengan tetangga?",
        dimension=Dimension.NORMS,
        kind=QuestionKind.CHOICE,
        choices=[("Tidak pernah", 3), ("Sekali", 1), ("Sering", -2)],
        acting_user=admin_user,
    )
    flat = add_question(
        instrument,
        number=5,
        text="Ikut arisan RT?",
        dimension=Dimension.NETWORKS,
        kind=QuestionKind.CHOICE,
        choices=[("Ya", 1), ("Tidak", 1)],
        acting_user=admin_user,
    )
    likert = add_question(
        instrument,
        number=6,
        text="Warga saling menolong.",
        dimension=Dimension.RECIPROCITY,
        kind=QuestionKind.LIKERT,
        acting_user=admin_user,
    )
    _add_answer(newer, reverse, 1, reverse.choices.get(score=1))
    _add_answer(newer, flat, 1, flat.choices.first())
    _add_answer(newer, likert, 2)
    _add_answer(partial, reverse, -2, reverse.choices.get(score=-2))  # the new norms item only
    empty.answers.all().delete()
    return [bugis_round, later]


def test_database_scores_equal_python_scores(edge_cases):
    for survey_round in edge_cases:
        responses = Response.objects.filter(survey_round=survey_round)
        expected = python_household_scores(responses)
        got = household_scores(responses)
        assert set(got) == set(expected)
        for pk, (code, dims) in expected.items():
            assert got[pk][0] == code
            assert got[pk][1] == pytest.approx(dims, abs=1e-9)


def test_edge_cases_scored_as_the_method_says(edge_cases):
    later = edge_cases[1]
    scores = [dims for _code, dims in household_scores(Response.objects.filter(survey_round=later)).values()]
    assert {} in scores  # a response without answers scores nothing (and is not counted in any mean)
    full = next(dims for dims in scores if len(dims) == 6)  # trust, gotong royong, norms, networks, reciprocity
    assert full["norma"] == pytest.approx((1 - -2) / (3 - -2) * 100)  # reversed order, negative lowest score
    assert full["jaringan"] == 100.0  # every choice scores the same
    assert full["timbal_balik"] == 25.0
    assert full["kepercayaan"] == 62.5
    assert full[OVERALL] == pytest.approx((62.5 + 50.0 + 60.0 + 100.0 + 25.0) / 5)


def test_query_count_does_not_grow_with_households(bugis_round, facilitator):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            household_scores(Response.objects.filter(survey_round=bugis_round))
        return len(captured)

    answer(bugis_round, household(1, 1), facilitator, (4, 4), 1)
    answer(bugis_round, household(1, 2), facilitator, (2, 3), 0)
    few = queries()
    for _i in range(4):
        answer(bugis_round, household(1, 1), facilitator, (5, 1), 2)
    assert queries() == few
