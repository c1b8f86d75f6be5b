"""Growth faltering on the KMS: did the child gain at least the minimum weight (KBM) since last month?

KBM (Kenaikan Berat badan Minimal) by age in completed months at the current weighing, in grams. Source: the
KMS of Permenkes No. 155/Menkes/Per/I/2010 (Penggunaan Kartu Menuju Sehat bagi Balita) and the KBM row of the
Buku KIA (Kemenkes, edition 2023): 1 mo 800, 2 mo 900, 3 mo 800, 4 mo 600, 5 mo 500, 6–7 mo 400,
8–10 mo 300, 11 mo and older 200.

Trend codes, as in the SKDN register and the Buku KIA: N naik, T tidak naik, O weighed now but not last month,
B baru (first weighing ever); "2T" is T this month after T last month.

Buku KIA 2023 (Kemenkes, KMS page "Grafik pertumbuhan"; read at
https://fliphtml5.com/qwfmx/ulzi/files97653LO_KIA_SIAP_CETAK_%286_Mei_2023%29/54) defines
    NAIK (N): "Grafik BB mengikuti garis pertumbuhan atau Kenaikan BB sama dengan KBM atau lebih";
    TIDAK NAIK (T): "Grafik BB mendatar atau menurun memotong garis pertumbuhan di bawahnya atau Kenaikan BB kurang
    dari KBM"; "KBM digunakan bila ada keraguan menginterpretasikan arah kurva pertumbuhan".
A program does not look at the plotted line, so it is always in that doubt: the KBM decides. A gain of at least
the KBM is N; a flat or falling weight, or a gain under the KBM, is T. (Gotong used to call a gain under the KBM
N when the weight-for-age z-score fell by at most 0.1 — a tolerance of its own, not in Buku KIA or the KMS, which
kept a child losing 0.09 SD every month "N" for ever.) In the first month there is no KBM: any gain is N.
"""

KBM_GRAMS = {1: 800, 2: 900, 3: 800, 4: 600, 5: 500, 6: 400, 7: 400, 8: 300, 9: 300, 10: 300}
KBM_FROM_11_MONTHS = 200

UP, NOT_UP, NOT_LAST_MONTH, NEW = "N", "T", "O", "B"


def kbm_grams(age_months: int) -> int | None:
    """Minimum gain for a child of `age_months` completed months; None in the first month (no KBM)."""
    if age_months < 1:
        return None
    return KBM_GRAMS.get(age_months, KBM_FROM_11_MONTHS)


def trend(*, age_months: int, weight_kg, previous_weight_kg, weighed_before: bool) -> str:
    """N/T/O/B for this month's weighing; `previous_weight_kg` is last calendar month's weight, if any."""
    if previous_weight_kg is None:
        return NOT_LAST_MONTH if weighed_before else NEW
    gain_grams = round((float(weight_kg) - float(previous_weight_kg)) * 1000)
    if gain_grams <= 0:  # a flat or falling line is never "up"
        return NOT_UP
    minimum = kbm_grams(age_months)
    if minimum is None or gain_grams >= minimum:  # no KBM in the first month: any gain counts
        return UP
    return NOT_UP
