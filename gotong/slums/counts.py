"""From what facilitators count to the percentages `scoring.assess` scores: a pure function, no database.

KOTAKU's baseline form (see `criteria.BASES`) records, per location, five wholes — verified area (ha), buildings,
households (KK), ideal length of neighbourhood road and of drainage (m) — and per criterion the "volume" affected
in the criterion's unit. The percent is volume ÷ whole × 100, kept unrounded here: the score bands apply to the
unrounded percentage (see `criteria.py`); only the stored and shown percent is rounded half-up to two decimals.

Percentages are still accepted for a criterion without a count (older records, or a source that only gives
percentages); a count, when given, decides the criterion's percent.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from gotong.core.numbers import format_decimal
from gotong.slums.criteria import BASES, CRITERIA, CRITERIA_BY_CODE, basis_of
from gotong.slums.scoring import CriteriaError, to_percent

WHOLE_UNITS = ("unit", "KK")  # buildings and households are counted, not measured


@dataclass(frozen=True)
class Counted:
    percentages: dict  # code → Decimal (from a count) or the value typed (left to `assess` to check)
    amounts: dict[str, Decimal]  # code → count, for the criteria entered as counts
    bases: dict[str, Decimal]  # Assessment field → whole, for the wholes given


def _name(code: str) -> str:
    return f"{code} ({CRITERIA_BY_CODE[code].name})"


def _number(value) -> Decimal | None:
    if value is None or value == "":
        return None
    return to_percent(value)


def clean_bases(bases: dict | None) -> tuple[dict[str, Decimal], dict[str, list[str]]]:
    """The wholes as Decimals, and errors keyed by their Assessment field."""
    cleaned, errors = {}, {}
    known = {basis.field: basis for basis in BASES.values()}
    unknown = set(bases or {}) - set(known)
    if unknown:
        raise TypeError(f"unknown bases: {sorted(unknown)}")
    for field, raw in (bases or {}).items():
        basis = known[field]
        try:
            value = _number(raw)
        except ValueError:
            errors[field] = [_("%(basis)s: tulis angka, mis. 120.") % {"basis": basis.label}]
            continue
        if value is None:
            continue
        if value < 0:
            errors[field] = [_("%(basis)s tidak boleh negatif.") % {"basis": basis.label}]
        elif basis.unit in WHOLE_UNITS and value != value.to_integral_value():
            errors[field] = [_("%(basis)s harus bilangan bulat.") % {"basis": basis.label}]
        else:
            cleaned[field] = value
    return cleaned, errors


def percentages_from_counts(*, counts: dict | None = None, bases: dict | None = None, percentages=None) -> Counted:
    """Each criterion's percent: from its count and basis when counted, else the percent given.

    Raises `CriteriaError` with messages keyed by criterion code (naming the criterion) or by basis field: a
    negative or fractional count, a count without its whole, a count larger than its whole.
    """
    counts = {code: value for code, value in (counts or {}).items() if value not in (None, "")}
    percentages = dict(percentages or {})
    unknown = set(counts) - set(CRITERIA_BY_CODE)
    if unknown:
        raise CriteriaError({"criteria": [_("Kode kriteria tidak dikenal: %(codes)s.") % {"codes": sorted(unknown)}]})
    wholes, errors = clean_bases(bases)
    amounts = {}
    for criterion in CRITERIA:
        code = criterion.code
        if code not in counts:
            continue
        basis = basis_of(code)
        unit = criterion.unit
        try:
            amount = _number(counts[code])
        except ValueError:
            errors[code] = [_("Kriteria %(name)s: jumlah harus angka, mis. 12.") % {"name": _name(code)}]
            continue
        if amount < 0:
            errors[code] = [_("Kriteria %(name)s: jumlah tidak boleh negatif.") % {"name": _name(code)}]
            continue
        if unit in WHOLE_UNITS and amount != amount.to_integral_value():
            errors[code] = [
                _("Kriteria %(name)s: jumlah %(unit)s harus bilangan bulat.") % {"name": _name(code), "unit": unit}
            ]
            continue
        whole = wholes.get(basis.field)
        if whole is None:
            if basis.field not in errors:
                errors[code] = [
                    _("Kriteria %(name)s: isi dulu %(basis)s (%(unit)s), penyebut kriteria ini.")
                    % {"name": _name(code), "basis": basis.label, "unit": basis.unit}
                ]
            continue
        if amount > whole:
            errors[code] = [
                _("Kriteria %(name)s: %(amount)s %(unit)s lebih dari %(basis)s %(whole)s %(unit)s.")
                % {
                    "name": _name(code),
                    "amount": format_decimal(amount.normalize()),
                    "unit": unit,
                    "basis": basis.label.lower(),
                    "whole": format_decimal(whole.normalize()),
                }
            ]
            continue
        amounts[code] = amount
        # 0 of 0 (no drainage needed, no road planned) affects nothing: 0 %, as the baseline form prints it.
        percentages[code] = Decimal(0) if whole == 0 else amount * 100 / whole
    if errors:
        raise CriteriaError(errors)
    return Counted(percentages=percentages, amounts=amounts, bases=wholes)
