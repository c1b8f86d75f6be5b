"""Social capital surveys: instruments of questions on the seed's six dimensions, rounds, household responses.

The seed (002, Kampung Sayur Cempako) names six forms of social capital: gotong royong, norms, networks, trust,
reciprocity and proactive action. Each question carries one of them and the World Bank SC-IQ dimension it maps
to, so results can be read in either vocabulary. How scores are computed is described in `scoring.py`.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gotong.areas.models import Area
from gotong.core.fields import AreaCodeField
from gotong.core.models import PublicIdModel, TimeStampedModel
from gotong.core.province_code import ProvinceCodeField
from gotong.core.scoping import ScopedQuerySet, ScopeHooks


class Dimension(models.TextChoices):
    """The seed's six forms of social capital (Damayanti et al., Kampung Sayur Cempako)."""

    GOTONG_ROYONG = "gotong_royong", _("Gotong royong")
    NORMS = "norma", _("Norma")
    NETWORKS = "jaringan", _("Jaringan")
    TRUST = "kepercayaan", _("Kepercayaan")
    RECIPROCITY = "timbal_balik", _("Timbal balik")
    PROACTIVE = "tindakan_proaktif", _("Tindakan proaktif")


class SciqDimension(models.TextChoices):
    """The six dimensions of the World Bank's Integrated Questionnaire for the Measurement of Social Capital."""

    GROUPS_NETWORKS = "groups_networks", _("Kelompok dan jaringan")
    TRUST_SOLIDARITY = "trust_solidarity", _("Kepercayaan dan solidaritas")
    COLLECTIVE_ACTION = "collective_action", _("Aksi kolektif dan kerja sama")
    INFORMATION = "information", _("Informasi dan komunikasi")
    COHESION_INCLUSION = "cohesion_inclusion", _("Kohesi sosial dan inklusi")
    EMPOWERMENT = "empowerment", _("Pemberdayaan dan tindakan politik")


# The usual SC-IQ home of each seed dimension; a question may state another (e.g. a network question about news).
DEFAULT_SCIQ = {
    Dimension.GOTONG_ROYONG: SciqDimension.COLLECTIVE_ACTION,
    Dimension.NORMS: SciqDimension.COHESION_INCLUSION,
    Dimension.NETWORKS: SciqDimension.GROUPS_NETWORKS,
    Dimension.TRUST: SciqDimension.TRUST_SOLIDARITY,
    Dimension.RECIPROCITY: SciqDimension.TRUST_SOLIDARITY,
    Dimension.PROACTIVE: SciqDimension.EMPOWERMENT,
}


class QuestionKind(models.TextChoices):
    LIKERT = "likert", _("Skala 1–5")
    CHOICE = "choice", _("Pilihan berskor")


LIKERT_LABELS = {
    1: _("Sangat tidak setuju"),
    2: _("Tidak setuju"),
    3: _("Ragu-ragu"),
    4: _("Setuju"),
    5: _("Sangat setuju"),
}


class Instrument(TimeStampedModel):
    name = models.CharField(_("nama instrumen"), max_length=200, unique=True)
    description = models.TextField(_("keterangan"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("instrumen survei")
        verbose_name_plural = _("instrumen survei")

    def __str__(self) -> str:
        return self.name


class Question(models.Model):
    instrument = models.ForeignKey(
        Instrument, verbose_name=_("instrumen"), on_delete=models.CASCADE, related_name="questions"
    )
    number = models.PositiveSmallIntegerField(_("nomor"))
    text = models.TextField(_("pertanyaan"))
    dimension = models.CharField(_("dimensi"), max_length=30, choices=Dimension.choices)
    sciq_dimension = models.CharField(_("dimensi SC-IQ"), max_length=30, choices=SciqDimension.choices)
    kind = models.CharField(_("jenis jawaban"), max_length=10, choices=QuestionKind.choices)

    class Meta:
        ordering = ["instrument", "number"]
        verbose_name = _("pertanyaan")
        verbose_name_plural = _("pertanyaan")
        constraints = [
            models.UniqueConstraint(fields=["instrument", "number"], name="sc_question_number_unique"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="sc_question_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:60]}"


class Choice(models.Model):
    """One answer of a choice question, with the score it counts for (higher = more social capital)."""

    question = models.ForeignKey(
        Question, verbose_name=_("pertanyaan"), on_delete=models.CASCADE, related_name="choices"
    )
    order = models.PositiveSmallIntegerField(_("urutan"))
    label = models.CharField(_("jawaban"), max_length=200)
    score = models.SmallIntegerField(_("skor"))

    class Meta:
        ordering = ["question", "order"]
        verbose_name = _("pilihan jawaban")
        verbose_name_plural = _("pilihan jawaban")
        constraints = [
            models.UniqueConstraint(fields=["question", "order"], name="sc_choice_order_unique"),
            models.UniqueConstraint(fields=["question", "label"], name="sc_choice_label_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.label} ({self.score})"


class RoundQuerySet(ScopedQuerySet):
    """A round is seen by whoever works inside its area or whose area lies inside it (a facilitator of one RT of a
    city-wide round, an RT's organisation), after the `socialcapital.view` grant. An aggregate-only viewer
    (partner, resident) sees every round: a round names no one, and its scores reach them suppressed."""

    scope_hooks = ScopeHooks(module="socialcapital", ancestors=True, aggregate_sees_all=True)


class SurveyRound(TimeStampedModel):
    province_code = ProvinceCodeField()
    instrument = models.ForeignKey(
        Instrument, verbose_name=_("instrumen"), on_delete=models.PROTECT, related_name="rounds"
    )
    name = models.CharField(_("nama putaran"), max_length=120)
    area = models.ForeignKey(Area, verbose_name=_("wilayah survei"), on_delete=models.PROTECT, related_name="+")
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)
    starts_on = models.DateField(_("mulai"))
    ends_on = models.DateField(_("selesai"))

    objects = RoundQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("putaran survei")
        verbose_name_plural = _("putaran survei")
        constraints = [
            models.UniqueConstraint(fields=["instrument", "area", "name"], name="sc_round_name_unique"),
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="sc_round_dates"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.area_code = self.area.code
        super().save(*args, **kwargs)


class ResponseQuerySet(ScopedQuerySet):
    """A household's answers: seen inside the areas of the `socialcapital.view` grant, never by aggregate viewers."""

    scope_hooks = ScopeHooks(module="socialcapital", household="household_id")


class Response(PublicIdModel):
    """One household's answers in one round; `submission_id` makes a double submit from a phone harmless."""

    province_code = ProvinceCodeField()

    survey_round = models.ForeignKey(
        SurveyRound, verbose_name=_("putaran"), on_delete=models.PROTECT, related_name="responses"
    )
    household = models.ForeignKey(
        "registry.Household", verbose_name=_("rumah tangga"), on_delete=models.PROTECT, related_name="+"
    )
    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)
    submission_id = models.UUIDField(_("kode kiriman"), unique=True)
    answered_on = models.DateField(_("tanggal wawancara"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dicatat oleh"), null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ResponseQuerySet.as_manager()

    class Meta:
        ordering = ["survey_round", "area_code", "pk"]
        verbose_name = _("jawaban rumah tangga")
        verbose_name_plural = _("jawaban rumah tangga")
        constraints = [
            models.UniqueConstraint(fields=["survey_round", "household"], name="sc_one_response_per_household"),
        ]

    def __str__(self) -> str:
        return f"{self.survey_round} — {self.household_id}"

    def save(self, *args, **kwargs):
        self.area_code = self.household.area_code
        super().save(*args, **kwargs)


class Answer(models.Model):
    province_code = ProvinceCodeField()
    response = models.ForeignKey(Response, verbose_name=_("jawaban"), on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, verbose_name=_("pertanyaan"), on_delete=models.PROTECT, related_name="+")
    choice = models.ForeignKey(
        Choice, verbose_name=_("pilihan"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The raw score: 1–5 on a Likert question, the choice's score otherwise.
    value = models.SmallIntegerField(_("nilai"))

    class Meta:
        ordering = ["response", "question__number"]
        verbose_name = _("jawaban pertanyaan")
        verbose_name_plural = _("jawaban pertanyaan")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="sc_one_answer_per_question"),
        ]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.value}"


class ResponseScore(models.Model):
    """A response's scores (0–100) per dimension and overall, as `scoring.compute_scores` makes them from its
    answers: stored so the pages and dashboards read one row per household instead of rescaling and averaging a
    round's answers on every request (issue 24). A dimension without answers is NULL; a response without answers
    has no row. Kept exactly by `gotong.socialcapital.stored_scores` (recomputed, never incremented)."""

    province_code = ProvinceCodeField()
    response = models.OneToOneField(
        Response, verbose_name=_("jawaban"), primary_key=True, on_delete=models.CASCADE, related_name="score"
    )
    # One column per `Dimension` value (a test holds them equal) and the mean of the non-empty ones.
    gotong_royong = models.FloatField(Dimension.GOTONG_ROYONG.label, null=True)
    norma = models.FloatField(Dimension.NORMS.label, null=True)
    jaringan = models.FloatField(Dimension.NETWORKS.label, null=True)
    kepercayaan = models.FloatField(Dimension.TRUST.label, null=True)
    timbal_balik = models.FloatField(Dimension.RECIPROCITY.label, null=True)
    tindakan_proaktif = models.FloatField(Dimension.PROACTIVE.label, null=True)
    overall = models.FloatField(_("skor keseluruhan"), null=True)

    class Meta:
        verbose_name = _("skor jawaban rumah tangga")
        verbose_name_plural = _("skor jawaban rumah tangga")

    def __str__(self) -> str:
        return f"{self.response_id}: {self.overall}"


def _register_audit() -> None:
    from auditlog.registry import auditlog

    auditlog.register(Instrument)
    auditlog.register(Question)
    auditlog.register(Choice)
    auditlog.register(SurveyRound)
    # Answers describe a household's views: the trail names who recorded what, never the answers themselves.
    auditlog.register(Response, exclude_fields=["household"])


_register_audit()
