"""The rules of vitamin A, deworming and supplementary feeding (PMT) at the posyandu, as pure functions.

Vitamin A (Permenkes 21/2015 on the standard vitamin A capsule; Kemenkes "Panduan Manajemen Suplementasi Vitamin A"
2016; Kemenkes letter GM.03.03/B.III/300/2024 confirming February and August from 2024 on): every child aged 6–59
months receives a capsule in the vitamin A months, February and August — infants of 6–11 months the blue capsule
(100.000 IU), once, in February or August; children of 12–59 months the red capsule (200.000 IU) in both.

Deworming (Permenkes 15/2017 on Penanggulangan Cacingan, POPM cacingan): under-fives of 12–59 months at the
posyandu, albendazole 200 mg at 12–23 months and 400 mg from 24 months, a single dose every six months in
February and August together with vitamin A (twice a year where prevalence is high; a city of medium prevalence
gives one round a year — then its August round simply has no doses).

PMT (Permenkes 2/2020 and Buku KIA's KMS: a child who did not gain weight (T, 2T), is below the red line, or is
underweight or wasted is referred and counselled; PMT pemulihan is for underweight/wasted children, PMT
penyuluhan/lokal for those whose growth falters): `falter_reasons` says why a weighing calls for PMT.
"""

import datetime

from django.utils.translation import gettext as _

from gotong.posyandu import classification, growth

VITAMIN_A_MONTHS = (2, 8)
BLUE_FROM_MONTHS, RED_FROM_MONTHS, UNTIL_MONTHS = 6, 12, 60
DEWORM_FROM_MONTHS, DEWORM_400_FROM_MONTHS = 12, 24
BLUE, RED = "blue", "red"


def round_of(day: datetime.date) -> datetime.date:
    """The round a dose counts for: 1 February for January–June (a sweep may run late), 1 August otherwise."""
    return datetime.date(day.year, VITAMIN_A_MONTHS[0] if day.month <= 6 else VITAMIN_A_MONTHS[1], 1)


def is_round_month(month: datetime.date) -> bool:
    return month.month in VITAMIN_A_MONTHS


def age_months(birth_date: datetime.date, on: datetime.date) -> int:
    return growth.age_in_months((on - birth_date).days)


def capsule_for(age_in_months: int) -> str | None:
    """Blue for 6–11 months, red for 12–59, none outside 6–59."""
    if BLUE_FROM_MONTHS <= age_in_months < RED_FROM_MONTHS:
        return BLUE
    if RED_FROM_MONTHS <= age_in_months < UNTIL_MONTHS:
        return RED
    return None


def albendazole_mg(age_in_months: int) -> int | None:
    """200 mg at 12–23 months, 400 mg at 24–59 months, none under 12 months (posyandu under-fives only)."""
    if DEWORM_FROM_MONTHS <= age_in_months < DEWORM_400_FROM_MONTHS:
        return 200
    if DEWORM_400_FROM_MONTHS <= age_in_months < UNTIL_MONTHS:
        return 400
    return None


def vitamin_a_due(birth_date: datetime.date, on: datetime.date, *, given_this_round: bool) -> str | None:
    """The capsule a child should get in `on`'s round, or None (not in a vitamin A month, out of age, or given)."""
    if given_this_round or on.month not in VITAMIN_A_MONTHS:
        return None
    return capsule_for(age_months(birth_date, on))


def deworming_due(birth_date: datetime.date, on: datetime.date, *, given_this_round: bool) -> int | None:
    if given_this_round or on.month not in VITAMIN_A_MONTHS:
        return None
    return albendazole_mg(age_months(birth_date, on))


FALTER_WAZ = {classification.UNDERWEIGHT, classification.SEVERELY_UNDERWEIGHT}
FALTER_WHZ = {classification.WASTED, classification.SEVERELY_WASTED}


def falter_reasons(weighing) -> list[str]:
    """Why this weighing calls for PMT (empty: growing well). Uses the stored N/T, 2T, BGM and classes."""
    if weighing is None:
        return []
    reasons = []
    if weighing.trend == "T":
        reasons.append("2T" if weighing.two_t else "T")
    if weighing.bgm:
        reasons.append("BGM")
    if weighing.waz_class in FALTER_WAZ:
        reasons.append(_("BB kurang"))
    if weighing.whz_class in FALTER_WHZ:
        reasons.append(_("gizi kurang/buruk"))
    return reasons
