"""Score a location by the official criteria (see `criteria.py`): a pure function, no database.

`assess({"1a": 40, ...})` returns the per-criterion scores, the per-aspect subtotals, the total and the
class, or raises `CriteriaError` (a Django ValidationError) with Indonesian messages keyed by criterion
code, or by "criteria" for missing and unknown codes.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from gotong.core.numbers import format_decimal
from gotong.slums.criteria import ASPECTS, CRITERIA, CRITERION_CODES, class_for, score_for

ALL_CRITERIA_KEY = "criteria"


class CriteriaError(ValidationError):
    """Bad percentages: messages keyed by criterion code, or by "criteria" for the set as a whole."""


@dataclass(frozen=True)
class Assessment:
    percentages: dict[str, Decimal]
    scores: dict[str, int]
    aspect_scores: dict[int, int]
    total: int
    slum_class: str


def to_percent(value) -> Decimal:
    """Decimal from an int, float, Decimal or numeric string; raises ValueError otherwise."""
    if isinstance(value, bool) or value is None:
        raise ValueError(value)
    if isinstance(value, float):
        value = str(value)  # 40.1 stays 40.1, not 40.100000000000001...
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError) as exc:
        raise ValueError(value) from exc
    if not number.is_finite():
        raise ValueError(value)
    return number


def assess(percentages: dict) -> Assessment:
    errors: dict[str, list[str]] = {}
    missing = [code for code in CRITERION_CODES if code not in percentages]
    unknown = sorted(str(code) for code in percentages if code not in CRITERION_CODES)
    if missing:
        errors.setdefault(ALL_CRITERIA_KEY, []).append(
            _("Kriteria belum diisi: %(codes)s.") % {"codes": ", ".join(missing)}
        )
    if unknown:
        errors.setdefault(ALL_CRITERIA_KEY, []).append(
            _("Kode kriteria tidak dikenal: %(codes)s. Kode yang sah: %(valid)s.")
            % {"codes": ", ".join(unknown), "valid": ", ".join(CRITERION_CODES)}
        )
    values: dict[str, Decimal] = {}
    for code in CRITERION_CODES:
        if code not in percentages:
            continue
        raw = percentages[code]
        try:
            number = to_percent(raw)
        except ValueError:
            errors[code] = [_("Kriteria %(code)s: nilai %(value)s bukan angka.") % {"code": code, "value": raw}]
            continue
        if number < 0 or number > 100:
            shown = format_decimal(raw) if isinstance(raw, Decimal | float) else raw
            errors[code] = [
                _("Kriteria %(code)s: %(value)s%% di luar rentang 0–100%%.") % {"code": code, "value": shown}
            ]
            continue
        values[code] = number
    if errors:
        raise CriteriaError(errors)
    scores = {code: score_for(values[code]) for code in CRITERION_CODES}
    aspect_scores = {
        aspect.number: sum(scores[c.code] for c in CRITERIA if c.aspect == aspect.number) for aspect in ASPECTS
    }
    total = sum(scores.values())
    return Assessment(
        percentages=values,
        scores=scores,
        aspect_scores=aspect_scores,
        total=total,
        slum_class=class_for(total),
    )
