"""Synthetic social capital survey: one city-wide round in the window, with the demo's 18-question instrument
(seed 002's six forms of social capital, each mapped to its SC-IQ dimension), answered by a sample of households.

SAMPLE is a reasoned guess: one household in twenty gives a few hundred answers per kelurahan, enough for the
RT/RW/kelurahan means the score pages show. Answers are drawn as the demo draws them (Likert around "ragu-ragu"
to "setuju", choices around the middle), with a level per RW so areas differ.
"""

import random
from datetime import date, timedelta

from gotong.bench.synthetic.modules import new_uuid, stamps
from gotong.registry.models import Person
from gotong.socialcapital.demo import INSTRUMENT_NAME, QUESTIONS
from gotong.socialcapital.models import DEFAULT_SCIQ, Choice, Instrument, Question, QuestionKind, SurveyRound

SAMPLE = 0.05  # households interviewed per round: guess
SURVEY_MONTH = 3  # March to April, as the demo's rounds


def ensure_instrument() -> tuple[int, list[tuple[int, str, list[tuple[int, int]]]]]:
    """The demo's instrument (made here when missing): its id and (question id, kind, [(choice id, score)])."""
    instrument = Instrument.objects.filter(name=INSTRUMENT_NAME).first()
    if instrument is None:
        instrument = Instrument.objects.create(name=INSTRUMENT_NAME, description="")
        for number, (dimension, kind, sciq, text, *choices) in enumerate(QUESTIONS, start=1):
            question = Question.objects.create(instrument=instrument, number=number, text=text, dimension=dimension,
                                               sciq_dimension=sciq or DEFAULT_SCIQ[dimension], kind=kind)  # fmt: skip
            Choice.objects.bulk_create(
                Choice(question=question, order=order, label=label, score=score)
                for order, (label, score) in enumerate(choices[0] if choices else (), start=1)
            )
    questions = []
    for question in instrument.questions.order_by("number").prefetch_related("choices"):
        choices = sorted((c.score, c.pk) for c in question.choices.all())
        questions.append((question.pk, question.kind, [(pk, score) for score, pk in choices]))
    return instrument.pk, questions


def generate(sink, villages, *, seed: int, persons_from: int, city_id: int, city_code: str, window) -> None:
    from gotong.bench.synthetic.participation import village_workers

    rng = random.Random(f"{seed}-socialcapital")
    workers = village_workers(villages)  # the village's facilitators interview (`record_response`'s recorder)
    instrument, questions = ensure_instrument()
    starts = date(window.end.year, SURVEY_MONTH, 1)
    if starts < window.start:
        starts = date(window.start.year + 1, SURVEY_MONTH, 1)
    ends = starts + timedelta(days=60)
    name = f"Survei modal sosial {starts.year}"
    if SurveyRound.objects.filter(instrument_id=instrument, area_id=city_id, name=name).exists():
        return  # an earlier run's round: its sample stays as it was
    survey_round = sink.record("socialcapital.SurveyRound", **stamps(starts - timedelta(days=14)),
                               instrument_id=instrument, name=name, area_id=city_id, area_code=city_code,
                               starts_on=starts, ends_on=ends)  # fmt: skip
    # The households written in this run, through their heads.
    households = (
        Person.objects.filter(id__gte=persons_from, relationship="kepala")
        .order_by("household_id")
        .values_list("household_id", "area_code")
    )
    levels: dict[str, float] = {}
    for household, code in households.iterator(chunk_size=10_000):
        interviewers = workers.get(".".join(code.split(".")[:4]))
        if rng.random() >= SAMPLE or not interviewers:
            continue
        rw = code.rsplit(".", 1)[0]
        level = levels.setdefault(rw, rng.uniform(-0.6, 0.8))
        day = starts + timedelta(days=rng.randint(0, 60))
        response = sink.record("socialcapital.Response", **stamps(day), public_id=new_uuid(rng),
                               survey_round_id=survey_round, household_id=household, area_code=code,
                               submission_id=new_uuid(rng), answered_on=day,
                               recorded_by_id=rng.choice(interviewers))  # fmt: skip
        for question, kind, choices in questions:
            choice, value = _answer(kind, choices, level, rng)
            sink.record("socialcapital.Answer", response_id=response, question_id=question, choice_id=choice,
                        value=value)  # fmt: skip


def _answer(kind: str, choices, level: float, rng) -> tuple[int | None, int]:
    if kind == QuestionKind.LIKERT:
        return None, max(1, min(5, round(rng.gauss(3.0 + level, 0.9))))
    position = (level + 2) / 4 * (len(choices) - 1) + rng.gauss(0, 0.8)
    pk, score = choices[max(0, min(len(choices) - 1, round(position)))]
    return pk, score
