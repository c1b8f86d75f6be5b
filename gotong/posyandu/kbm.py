"""Growth faltering on the KMS: did the child gain at least the minimum weight (KBM) since last month?

KBM (Kenaikan Berat badan Minimal) by age in completed months at the current weighing, in grams. Source: the
KMS of Permenkes No. 155/Menkes/Per/I/2010 (Penggunaan Kartu Menuju Sehat bagi Balita) and the KBM row of the
Buku KIA (Kemenkes, edition 2023): 1 mo 800, 2 mo 900, 3 mo 800, 4 mo 600, 5 mo 500, 6–7 mo 400,
8–10 mo 300, 11 mo and older 200.

Trend codes, as in the SKDN register and the Buku KIA: N naik — the weight follows the growth line or gained at
least the KBM; T tidak naik — the line is flat or falling, crosses the line below, or the gain is under the KBM;
O weighed now but not last month; B baru (first weighing ever). "2T" is T this month after T last month.
"Follows the growth line" is read as: weight went up and the weight-for-age z-score did not fall by more than
CURVE_TOLERANCE_Z (a child at −1 SD who stays at −1 SD is growing as the curve does, even with < KBM gain; the
Buku KIA says the KBM is for when the direction of the line is in doubt).
"""

KBM_GRAMS = {1: 800, 2: 900, 3: 800, 4: 600, 5: 500, 6: 400, 7: 400, 8: 300, 9: 300, 10: 300}
KBM_FROM_11_MONTHS = 200

CURVE_TOLERANCE_Z = 0.1
UP, NOT_UP, NOT_LAST_MONTH, NEW = "N", "T", "O", "B"


def kbm_grams(age_months: int) -> int | None:
    """Minimum gain for a child of `age_months` completed months; None in the first month (no KBM)."""
    if age_months < 1:
        return None
    return KBM_GRAMS.get(age_months, KBM_FROM_11_MONTHS)


def trend(*, age_months: int, weight_kg, previous_weight_kg, weighed_before: bool, waz=None, previous_waz=None) -> str:
    """N/T/O/B for this month's weighing; `previous_*` are last calendar month's values, if any."""
    if previous_weight_kg is None:
        return NOT_LAST_MONTH if weighed_before else NEW
    gain_grams = round((float(weight_kg) - float(previous_weight_kg)) * 1000)
    if gain_grams <= 0:  # a flat or falling line is never "up"
        return NOT_UP
    minimum = kbm_grams(age_months)
    if minimum is None or gain_grams >= minimum:  # no KBM in the first month: any gain counts
        return UP
    follows_curve = (
        waz is not None and previous_waz is not None and float(waz) >= float(previous_waz) - CURVE_TOLERANCE_Z
    )
    return UP if follows_curve else NOT_UP
