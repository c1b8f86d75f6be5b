"""Writes for social capital surveys: instruments, rounds and household responses (idempotent under retry)."""

import uuid

from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.core.area_codes import code_inside
from gotong.core.dates import short_date
from gotong.core.policy import can, may_somewhere
from gotong.core.policy.decide import Place
from gotong.socialcapital import stored_scores
from gotong.socialcapital.models import (
    DEFAULT_SCIQ,
    Answer,
    Choice,
    Instrument,
    Question,
    QuestionKind,
    Response,
    SurveyRound,
)


def _require_record(acting_user, target=None) -> None:
    """Services do not trust their caller: the acting user must hold `socialcapital.record` at `target` (anywhere
    for an instrument). `None` is the system itself: commands and the demo."""
    if acting_user is None:
        return
    allowed = (
        may_somewhere(acting_user, "socialcapital.record")
        if target is None
        else can(acting_user, "socialcapital.record", target)
    )
    if not allowed:
        raise PermissionDenied


@transaction.atomic
def create_instrument(*, name, description="", questions, acting_user) -> Instrument:
    """`questions`: dicts with text, dimension, kind, optional sciq_dimension and (for choices) [(label, score)]."""
    _require_record(acting_user)
    with set_actor(acting_user):
        instrument = Instrument(name=name.strip(), description=description)
        instrument.full_clean()
        instrument.save()
        for number, spec in enumerate(questions, start=1):
            add_question(instrument, acting_user=acting_user, number=number, **spec)
    return instrument


@transaction.atomic
def add_question(instrument, *, number, text, dimension, kind, sciq_dimension=None, choices=(), acting_user):
    _require_record(acting_user)
    with set_actor(acting_user):
        question = Question(
            instrument=instrument,
            number=number,
            text=text,
            dimension=dimension,
            kind=kind,
            sciq_dimension=sciq_dimension or DEFAULT_SCIQ[dimension],
        )
        question.full_clean()
        if kind == QuestionKind.CHOICE and len(choices) < 2:
            raise ValidationError(_("Pertanyaan pilihan %(n)s membutuhkan sedikitnya dua pilihan.") % {"n": number})
        if kind == QuestionKind.LIKERT and choices:
            raise ValidationError(_("Pertanyaan skala 1–5 tidak memakai pilihan."))
        question.save()
        for order, (label, score) in enumerate(choices, start=1):
            choice = Choice(question=question, order=order, label=label, score=score)
            choice.full_clean()
            choice.save()
    return question


@transaction.atomic
def create_round(*, instrument, name, area, starts_on, ends_on, acting_user) -> SurveyRound:
    _require_record(acting_user, Place(area_code=area.code))
    with set_actor(acting_user):
        survey_round = SurveyRound(
            instrument=instrument, name=name.strip(), area=area, starts_on=starts_on, ends_on=ends_on
        )
        survey_round.area_code = area.code
        if ends_on and starts_on and ends_on < starts_on:
            raise ValidationError({"ends_on": _("Tanggal selesai tidak boleh sebelum tanggal mulai.")})
        survey_round.full_clean()
        survey_round.save()
    return survey_round


def _answer_value(question, raw) -> tuple[int, Choice | None]:
    if question.kind == QuestionKind.LIKERT:
        value = int(raw)
        if not 1 <= value <= 5:
            raise ValidationError(_("Jawaban pertanyaan %(n)s harus antara 1 dan 5.") % {"n": question.number})
        return value, None
    choice = question.choices.filter(pk=raw).first() if str(raw).isdigit() else None
    if choice is None:
        raise ValidationError(_("Pilihan jawaban pertanyaan %(n)s tidak dikenal.") % {"n": question.number})
    return choice.score, choice


@transaction.atomic
def record_response(survey_round, household, *, answers, submission_id, answered_on=None, acting_user) -> Response:
    """Save one household's answers. `answers` maps question id → Likert value (1–5) or choice id.

    Sending the same `submission_id` again returns the response already saved (a phone retrying), whereas a
    second, different submission for the same household in the same round is refused.
    """
    submission_id = uuid.UUID(str(submission_id))
    existing = Response.objects.filter(submission_id=submission_id).first()
    if existing is not None:
        if existing.survey_round_id != survey_round.pk or existing.household_id != household.pk:
            raise ValidationError(_("Kode kiriman ini sudah dipakai untuk jawaban lain."))
        return existing
    _require_record(acting_user, Place(area_code=household.area_code, household_id=household.pk))
    if not code_inside(household.area_code, [survey_round.area_code]):
        raise ValidationError(_("Rumah tangga ini tidak berada di wilayah putaran survei."))
    if Response.objects.filter(survey_round=survey_round, household=household).exists():
        raise ValidationError(_("Rumah tangga ini sudah diwawancarai pada putaran ini."))
    answered_on = answered_on or timezone.localdate()
    if not survey_round.starts_on <= answered_on <= survey_round.ends_on:
        raise ValidationError(
            {"answered_on": _("Tanggal wawancara harus di dalam masa putaran survei (%(start)s – %(end)s).")
             % {"start": short_date(survey_round.starts_on), "end": short_date(survey_round.ends_on)}}
        )  # fmt: skip
    questions = list(survey_round.instrument.questions.prefetch_related("choices"))
    missing = [str(q.number) for q in questions if answers.get(q.pk) in (None, "")]
    if missing:
        raise ValidationError(_("Pertanyaan belum dijawab: %(numbers)s.") % {"numbers": ", ".join(missing)})
    values = [(question, *_answer_value(question, answers[question.pk])) for question in questions]
    with set_actor(acting_user):
        response = Response(
            survey_round=survey_round,
            household=household,
            submission_id=submission_id,
            answered_on=answered_on,
            recorded_by=acting_user,
        )
        response.area_code = household.area_code
        response.full_clean(validate_constraints=False)
        try:
            with transaction.atomic():
                response.save()
        except IntegrityError as error:
            # Two phones submitting the same household at once: the database constraint decides.
            raise ValidationError(_("Rumah tangga ini sudah diwawancarai pada putaran ini.")) from error
        Answer.objects.bulk_create([Answer(response=response, question=q, value=v, choice=c) for q, v, c in values])
        stored_scores.refresh([response.pk])  # bulk_create sends no signals
    return response
