"""Risk flags of a pregnancy, each from a published threshold, computed from the registration and the visits.

The thresholds and their sources:
- KEK (kurang energi kronis, chronic energy deficiency) risk: upper-arm circumference (LiLA) below 23,5 cm —
  Kemenkes, Pedoman Pelayanan Antenatal Terpadu (3rd ed., 2020) and Buku KIA: "LiLA < 23,5 cm berisiko KEK".
- Anaemia in pregnancy: haemoglobin below 11,0 g/dL — WHO, Haemoglobin concentrations for the diagnosis of anaemia
  and assessment of severity (WHO/NMH/NHD/MNM/11.1, 2011), table 1 "pregnant women".
- Hypertension in pregnancy: systolic ≥ 140 or diastolic ≥ 90 mmHg — Pedoman Pelayanan Antenatal Terpadu 2020
  and POGI's PNPK Diagnosis dan Tata Laksana Pre-eklamsia (2016).
- "4 Terlalu" of Buku KIA: too young (under 20 years), too old (over 35 years), too many (4 or more children
  born), too close (the last birth less than 2 years before) — the age is taken on the HPHT.
- Contacts missed: a trimester ended with fewer contacts than Permenkes 21/2021 requires (see rules.py).
- Post-term: 42 completed weeks or more without an outcome (WHO ICD-10 O48, "prolonged pregnancy").
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from gotong.core.numbers import decimal_text
from gotong.posyandu.pregnancy import rules

KEK_MUAC_CM = Decimal("23.5")
ANAEMIA_HB_G_DL = Decimal("11.0")
HYPERTENSION_SYSTOLIC = 140
HYPERTENSION_DIASTOLIC = 90
YOUNGEST_SAFE_AGE = 20
OLDEST_SAFE_AGE = 35
MANY_CHILDREN = 4
POST_TERM_WEEKS = 42

SOURCE_ANC = "Pedoman Pelayanan Antenatal Terpadu, Kemenkes 2020"
SOURCE_WHO_HB = "WHO/NMH/NHD/MNM/11.1 (2011)"
SOURCE_KIA = "Buku KIA, Kemenkes"
SOURCE_PMK = "Permenkes 21/2021 Pasal 13"
SOURCE_ICD = "WHO ICD-10 O48"


@dataclass(frozen=True)
class Flag:
    code: str
    label: str
    source: str


def latest(visits, field: str):
    """The newest visit's value of `field` that was measured (visits in any order)."""
    measured = [v for v in visits if getattr(v, field) is not None]
    return max(measured, key=lambda v: v.visited_on) if measured else None


def flags(pregnancy, visits, on: datetime.date) -> list[Flag]:
    """The risk flags of `pregnancy` on `on` from `visits` (its AncVisit rows, fetched once by the caller)."""
    found: list[Flag] = []
    muac = latest(visits, "muac_cm")
    if muac is not None and muac.muac_cm < KEK_MUAC_CM:
        found.append(
            Flag("kek", _("Risiko KEK: LiLA %(cm)s cm (< 23,5 cm)") % {"cm": decimal_text(muac.muac_cm)}, SOURCE_ANC)
        )
    hb = latest(visits, "hb_g_dl")
    if hb is not None and hb.hb_g_dl < ANAEMIA_HB_G_DL:
        found.append(
            Flag("anaemia", _("Anemia: Hb %(hb)s g/dL (< 11 g/dL)") % {"hb": decimal_text(hb.hb_g_dl)}, SOURCE_WHO_HB)
        )
    bp = latest(visits, "systolic")
    if bp is not None and (bp.systolic >= HYPERTENSION_SYSTOLIC or (bp.diastolic or 0) >= HYPERTENSION_DIASTOLIC):
        found.append(
            Flag(
                "hypertension",
                _("Hipertensi: %(s)s/%(d)s mmHg (≥ 140/90)") % {"s": bp.systolic, "d": bp.diastolic},
                SOURCE_ANC,
            )
        )
    age = pregnancy.person.age_on(pregnancy.lmp)
    if age < YOUNGEST_SAFE_AGE:
        found.append(Flag("too_young", _("Terlalu muda: %(age)s tahun (< 20)") % {"age": age}, SOURCE_KIA))
    elif age > OLDEST_SAFE_AGE:
        found.append(Flag("too_old", _("Terlalu tua: %(age)s tahun (> 35)") % {"age": age}, SOURCE_KIA))
    if pregnancy.para is not None and pregnancy.para >= MANY_CHILDREN:
        found.append(
            Flag("too_many", _("Terlalu banyak anak: %(n)s kali melahirkan (≥ 4)") % {"n": pregnancy.para}, SOURCE_KIA)
        )
    if pregnancy.last_birth_on is not None and pregnancy.last_birth_on > _two_years_before(pregnancy.lmp):
        found.append(Flag("too_close", _("Terlalu dekat: jarak dari persalinan lalu < 2 tahun"), SOURCE_KIA))
    if pregnancy.is_ongoing:
        missed = rules.missed_contacts(rules.contacts(pregnancy.lmp, [v.visited_on for v in visits], on))
        if missed:
            found.append(Flag("contacts_missed", _("%(n)s kontak ANC terlewat") % {"n": missed}, SOURCE_PMK))
        weeks, _days = rules.gestational_age(pregnancy.lmp, on)
        if weeks >= POST_TERM_WEEKS:
            found.append(Flag("post_term", _("Lewat waktu: %(w)s minggu (≥ 42)") % {"w": weeks}, SOURCE_ICD))
    return found


def _two_years_before(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year - 2)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 2, day=28)
