import datetime

import pytest

from gotong.registry.tests.factories import HouseholdFactory, rt_in
from gotong.socialcapital.models import Dimension, QuestionKind
from gotong.socialcapital.services import create_instrument, create_round, record_response

BUGIS = "21.72.03.1005"
START, END = datetime.date(2025, 3, 1), datetime.date(2025, 4, 30)


@pytest.fixture
def instrument(admin_user):
    """Two trust questions on the 1–5 scale and one gotong royong question with choices scored 0, 1, 2."""
    questions = [
        {"text": "Warga dapat dipercaya.", "dimension": Dimension.TRUST, "kind": QuestionKind.LIKERT},
        {"text": "Saya percaya bendahara.", "dimension": Dimension.TRUST, "kind": QuestionKind.LIKERT},
        {
            "text": "Seberapa sering ikut kerja bakti?",
            "dimension": Dimension.GOTONG_ROYONG,
            "kind": QuestionKind.CHOICE,
            "choices": [("Tidak pernah", 0), ("Kadang", 1), ("Setiap minggu", 2)],
        },
    ]
    return create_instrument(name="Uji modal sosial", questions=questions, acting_user=admin_user)


def make_round(instrument, area, user, name="Putaran 2025", start=START, end=END):
    return create_round(instrument=instrument, name=name, area=area, starts_on=start, ends_on=end, acting_user=user)


@pytest.fixture
def bugis_round(instrument, areas, admin_user):
    return make_round(instrument, areas[BUGIS], admin_user)


def answer(survey_round, household, user, trust, choice_score, *, on=None):
    """Record trust Likert answers (two values) and the gotong royong choice with the given score."""
    questions = list(survey_round.instrument.questions.all())
    choice = questions[2].choices.get(score=choice_score)
    import uuid

    return record_response(
        survey_round,
        household,
        answers={questions[0].pk: trust[0], questions[1].pk: trust[1], questions[2].pk: choice.pk},
        submission_id=uuid.uuid4(),
        answered_on=on or survey_round.starts_on,
        acting_user=user,
    )


def household(rw=1, rt=1, code=BUGIS):
    return HouseholdFactory(area=rt_in(code, rw, rt))
