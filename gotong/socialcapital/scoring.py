"""Dimension scores per area, their 95 % confidence intervals, and change between rounds.

Method (a design choice: SC-IQ prescribes no single scoring):

1. Each answer is rescaled to 0–100 within its question: a Likert answer v (1–5) counts (v − 1) / 4 × 100; a
   choice counts (score − lowest score) / (highest − lowest) × 100 of that question's choices.
2. A household's dimension score is the mean of its rescaled answers on that dimension's questions; its overall
   score is the mean of its six dimension scores.
3. An area's (RT, RW or kelurahan) score is the mean of the dimension scores of the households living in it;
   n is the number of responding households. The 95 % confidence interval is the Student t-interval
   mean ± t(0.975, n − 1) × s / √n with s the sample standard deviation. Fewer than 2 respondents: no interval.
4. Change between two rounds is the difference of the two means (later − earlier) with a Welch t-interval
   (unequal variances, Welch–Satterthwaite degrees of freedom). The two rounds are treated as independent
   samples, which is conservative when the same households answer both times.

Aggregates shown to partners (and residents) are suppressed for groups of fewer than 5 households.
"""

import math
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from django.db.models import Avg, Case, FloatField, Max, Min, Value, When
from django.db.models.functions import Cast

from gotong.core.area_codes import VILLAGE, code_at_level, level_of
from gotong.socialcapital.models import Dimension, QuestionKind

MIN_GROUP_FOR_AGGREGATES = 5
OVERALL = "overall"


# --- Student t quantile, without scipy -------------------------------------------------------------------------


def _betacf(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-14:
            break
    return h


def _betai(a: float, b: float, x: float) -> float:
    """Regularised incomplete beta I_x(a, b)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log(1 - x))
    if x < (a + 1) / (a + b + 2):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1 - x) / b


def t_cdf(t: float, df: float) -> float:
    tail = 0.5 * _betai(df / 2, 0.5, df / (df + t * t))
    return 1 - tail if t >= 0 else tail


# Remembered per (p, df): a city's round asks for the same few hundred sample sizes thousands of times (one per
# area and dimension), and each bisection costs ~200 incomplete-beta evaluations (66 of 75 s for 21.72's scores).
@lru_cache(maxsize=4096)
def t_quantile(p: float, df: float) -> float:
    """The t value with P(T ≤ t) = p, for 0.5 ≤ p < 1, by bisection on the CDF."""
    low, high = 0.0, 1.0
    while t_cdf(high, df) < p:
        high *= 2
    for _i in range(200):
        mid = (low + high) / 2
        if t_cdf(mid, df) < p:
            low = mid
        else:
            high = mid
    return (low + high) / 2


# --- summaries ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    n: int
    mean: float | None
    sd: float | None
    low: float | None = None
    high: float | None = None

    @property
    def has_interval(self) -> bool:
        return self.low is not None


def summarise(values: list[float]) -> Summary:
    n = len(values)
    if n == 0:
        return Summary(0, None, None)
    mean = sum(values) / n
    if n < 2:
        return Summary(n, mean, None)
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    half = t_quantile(0.975, n - 1) * sd / math.sqrt(n)
    return Summary(n, mean, sd, mean - half, mean + half)


@dataclass(frozen=True)
class Change:
    difference: float
    low: float | None
    high: float | None


def change_between(earlier: Summary, later: Summary) -> Change | None:
    """Later minus earlier with a Welch 95 % interval; None when either side has no mean."""
    if earlier.mean is None or later.mean is None:
        return None
    difference = later.mean - earlier.mean
    if earlier.sd is None or later.sd is None:
        return Change(difference, None, None)
    v1, v2 = earlier.sd**2 / earlier.n, later.sd**2 / later.n
    se = math.sqrt(v1 + v2)
    if se == 0:
        return Change(difference, difference, difference)
    df = (v1 + v2) ** 2 / (v1**2 / (earlier.n - 1) + v2**2 / (later.n - 1))
    half = t_quantile(0.975, df) * se
    return Change(difference, difference - half, difference + half)


# --- from answers to household scores to area scores -------------------------------------------------------------


def rescale(question, value: int, choice_range: tuple[int, int] | None = None) -> float:
    """One answer on the 0–100 scale of its question."""
    if question.kind == QuestionKind.LIKERT:
        return (value - 1) / 4 * 100
    low, high = choice_range
    return 100.0 if high == low else (value - low) / (high - low) * 100


SCORE_COLUMNS = (*Dimension.values, OVERALL)  # `ResponseScore`'s columns, in this order


def household_scores(responses) -> dict[int, tuple[str, dict[str, float]]]:
    """response id → (area code, {dimension: 0–100 score, "overall": mean of the dimension scores}).

    Read from the stored scores (`ResponseScore`, one row per response, kept equal to `compute_scores` by
    `gotong.socialcapital.stored_scores`): one query over the responses, none over their answers. Rescaling and
    averaging a province's round on each request (143,658 answers of 7,981 responses) took 206 ms of the province
    dashboard and over a second of the score pages (issue 24). A response without answers scores nothing ({})."""
    columns = [f"score__{name}" for name in SCORE_COLUMNS]
    result = {}
    for pk, area_code, *values in responses.order_by().values_list("pk", "area_code", *columns):
        dims = {name: value for name, value in zip(SCORE_COLUMNS, values, strict=True) if value is not None}
        result[pk] = (area_code, dims)
    return result


def compute_scores(answers, choices) -> dict[int, dict[str, float]]:
    """response id → {dimension: score, "overall": mean of the dimension scores}, from the answers themselves.

    `answers`: the Answer rows to score (all of each response's answers); `choices`: the Choice model (live or a
    migration's historical one). The database rescales and averages the answers, one row per response and dimension
    (`rescaled_answer`), so a round is never loaded answer by answer into Python. Responses without answers are
    absent. This is the definition the stored scores are held to."""
    answers = answers.order_by()
    rows = (
        answers.values("response_id", "question__dimension")
        .annotate(score=Avg(rescaled_answer(_choice_ranges(answers, choices))))
        .values_list("response_id", "question__dimension", "score")
    )
    per_response: dict[int, dict[str, float]] = defaultdict(dict)
    for response_id, dimension, score in rows:
        per_response[response_id][dimension] = score
    for dims in per_response.values():
        dims[OVERALL] = sum(dims.values()) / len(dims)
    return dict(per_response)


def _choice_ranges(answers, choices) -> dict[int, tuple[int, int]]:
    """question id → (lowest, highest) score of all its choices, for the choice questions of these answers."""
    answered = answers.order_by().values("question_id").distinct()
    return {
        row["question_id"]: (row["low"], row["high"])
        for row in choices.objects.filter(question__in=answered, question__kind=QuestionKind.CHOICE)
        .order_by()
        .values("question_id")
        .annotate(low=Min("score"), high=Max("score"))
    }


def rescaled_answer(ranges: dict[int, tuple[int, int]]):
    """`rescale` as a database expression on Answer rows (one branch per choice question)."""
    value = Cast("value", FloatField())
    likert = When(question__kind=QuestionKind.LIKERT, then=(value - 1.0) / 4.0 * 100.0)
    choices = [
        When(question_id=pk, then=Value(100.0) if high == low else (value - low) / float(high - low) * 100.0)
        for pk, (low, high) in ranges.items()
    ]
    return Case(likert, *choices, output_field=FloatField())


def enclosing_units(code: str) -> list[str]:
    """The kelurahan, RW and RT codes a household code lies in (kelurahan = 4 dotted parts)."""
    return [code_at_level(code, level) for level in range(VILLAGE, level_of(code) + 1)]


def area_scores(responses) -> dict[str, dict[str, Summary]]:
    """area code (kelurahan, RW, RT) → {dimension or "overall": Summary}."""
    values: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for code, dims in household_scores(responses).values():
        for unit in enclosing_units(code):
            for dim, score in dims.items():
                values[unit][dim].append(score)
    keys = [*Dimension.values, OVERALL]
    return {unit: {key: summarise(dims.get(key, [])) for key in keys} for unit, dims in values.items()}


def suppress_small(scores: dict[str, dict[str, Summary]]) -> dict[str, dict[str, Summary]]:
    """Only areas with at least MIN_GROUP_FOR_AGGREGATES respondents, for aggregate-only viewers."""
    return {code: dims for code, dims in scores.items() if dims[OVERALL].n >= MIN_GROUP_FOR_AGGREGATES}
