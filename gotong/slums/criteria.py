"""The official slum criteria: Permen PUPR No. 14/PRT/M/2018 on preventing and upgrading slum housing and
slum settlements (Peraturan Menteri Pekerjaan Umum dan Perumahan Rakyat Nomor 14/PRT/M/2018 tentang
Pencegahan dan Peningkatan Kualitas terhadap Perumahan Kumuh dan Permukiman Kumuh).

This module is the one table everything else derives from: scoring, forms, pages and the command.
7 aspects, 16 criteria. For each criterion a location records the percent affected (affected ÷ total of
the location, measured in the criterion's unit); the percent gives a score of 0, 1, 3 or 5 and the sum of
the 16 scores (0–80) gives the class. The older 19-criterion form (Permen PUPR 02/PRT/M/2016) is a
different version and is not mixed in here.

Score bands, as the regulation prints them: <25 % → 0, 25–50 % → 1, 51–75 % → 3, 76–100 % → 5.
The printed bands leave gaps for non-integer percents (50,5? 75,3?). Official KOTAKU practice closes them by the
printed lower bounds, on the unrounded percentage:
    p < 25        → 0
    25 ≤ p < 51   → 1
    51 ≤ p < 76   → 3
    p ≥ 76        → 5
Checked against the East Java province's KOTAKU portal (kawanku.pkpjatim.id, RT baseline records), e.g.
    Rowokangkung RT 04 RW 02, Kab. Lumajang (https://kawanku.pkpjatim.id/home/kelurahan/8/483/2611):
        5b 28 of 55 KK = 50,91 % → 1, total 28;
    Kedungmaling RT 011 RW 05, Kab. Mojokerto (https://kawanku.pkpjatim.id/home/kelurahan/16/164/1162):
        4a 73,74 % → 3, 4b 76,29 % → 5.
Issue 21 names two more sources that score the same way (a city's 2019 baseline under its mayor's decree and
another city's scoring code); we did not find them to cite here.

Classes by total score: 60–80 heavy (berat), 38–59 medium (sedang), 16–37 light (ringan), <16 not a slum.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

REGULATION = "Permen PUPR No. 14/PRT/M/2018"


@dataclass(frozen=True)
class Aspect:
    number: int
    name: str  # Indonesian, as in the regulation
    gloss: str  # English


@dataclass(frozen=True)
class Criterion:
    code: str
    aspect: int
    name: str  # Indonesian, as in the regulation
    gloss: str  # English
    unit: str  # what is counted to get the percent: unit (buildings), ha, m, KK (households)


ASPECTS: tuple[Aspect, ...] = (
    Aspect(1, "Kondisi Bangunan Gedung", "Buildings"),
    Aspect(2, "Kondisi Jalan Lingkungan", "Neighbourhood roads"),
    Aspect(3, "Kondisi Penyediaan Air Minum", "Drinking water supply"),
    Aspect(4, "Kondisi Drainase Lingkungan", "Neighbourhood drainage"),
    Aspect(5, "Kondisi Pengelolaan Air Limbah", "Wastewater management"),
    Aspect(6, "Kondisi Pengelolaan Persampahan", "Solid waste management"),
    Aspect(7, "Kondisi Proteksi Kebakaran", "Fire protection"),
)

CRITERIA: tuple[Criterion, ...] = (
    Criterion("1a", 1, "Ketidakteraturan bangunan", "Irregular buildings", "unit"),
    Criterion(
        "1b",
        1,
        "Kepadatan bangunan tinggi yang tidak sesuai dengan ketentuan rencana tata ruang",
        "Building density above the spatial plan",
        "ha",
    ),
    Criterion(
        "1c",
        1,
        "Ketidaksesuaian dengan persyaratan teknis bangunan",
        "Buildings not meeting technical requirements",
        "unit",
    ),
    Criterion("2a", 2, "Cakupan pelayanan jalan lingkungan", "Road network coverage", "m"),
    Criterion("2b", 2, "Kualitas permukaan jalan lingkungan buruk", "Poor road surface", "m"),
    Criterion("3a", 3, "Ketidaktersediaan akses aman air minum", "No safe access to drinking water", "KK"),
    Criterion(
        "3b",
        3,
        "Tidak terpenuhinya kebutuhan air minum minimal (60 liter/orang/hari)",
        "Minimum drinking-water need (60 L/person/day) unmet",
        "KK",
    ),
    Criterion(
        "4a",
        4,
        "Ketidakmampuan mengalirkan limpasan air (genangan >30 cm, >2 jam, >2 kali/tahun)",
        "Flooding >30 cm, >2 hours, >2 times a year",
        "ha",
    ),
    Criterion("4b", 4, "Ketidaktersediaan drainase", "No drainage", "m"),
    Criterion("4c", 4, "Kualitas konstruksi drainase buruk", "Poor drainage construction", "m"),
    Criterion(
        "5a",
        5,
        "Sistem pengelolaan air limbah tidak sesuai standar teknis",
        "Wastewater system below technical standards",
        "KK",
    ),
    Criterion(
        "5b",
        5,
        "Prasarana dan sarana pengelolaan air limbah tidak sesuai persyaratan teknis",
        "Wastewater facilities below technical requirements",
        "KK",
    ),
    Criterion(
        "6a",
        6,
        "Prasarana dan sarana persampahan tidak sesuai persyaratan teknis",
        "Solid-waste facilities below technical requirements",
        "KK",
    ),
    Criterion(
        "6b",
        6,
        "Sistem pengelolaan persampahan tidak sesuai standar teknis",
        "Solid-waste system below technical standards",
        "KK",
    ),
    Criterion("7a", 7, "Ketidaktersediaan prasarana proteksi kebakaran", "No fire-protection infrastructure", "unit"),
    Criterion("7b", 7, "Ketidaktersediaan sarana proteksi kebakaran", "No fire-protection equipment", "unit"),
)

CRITERION_CODES: tuple[str, ...] = tuple(c.code for c in CRITERIA)
CRITERIA_BY_CODE: dict[str, Criterion] = {c.code: c for c in CRITERIA}


@dataclass(frozen=True)
class Basis:
    """A whole of the location that a criterion's count is a part of, as KOTAKU's baseline form heads it."""

    field: str  # the Assessment field that stores it
    label: str  # Indonesian, as on the baseline form
    unit: str


# The denominators of the KOTAKU baseline (Pendataan Baseline Permukiman Kumuh; the form published per RT on
# e.g. kawanku.pkpjatim.id): "Luas Verifikasi (Ha), Jumlah Bangunan (Unit), Jumlah KK, Panjang Jalan Lingkungan
# Ideal (m), Panjang Drainase Lingkungan Ideal (m)". Each criterion's "volume" is counted in its unit and
# divided by one of them: e.g. 2b "Kualitas Permukaan Jalan" 605 m of 780 m ideal road = 77,56 % → 5;
# 4c drainage 310 m of 385 m = 80,52 %; 4a flooded 0,50 ha of 4,21 ha = 11,88 %.
BASES: dict[str, Basis] = {
    "buildings": Basis("building_count", _("Jumlah bangunan"), "unit"),
    "area": Basis("verified_area_ha", _("Luas verifikasi"), "ha"),
    "roads": Basis("road_length_m", _("Panjang jalan lingkungan ideal"), "m"),
    "drains": Basis("drain_length_m", _("Panjang drainase lingkungan ideal"), "m"),
    "households": Basis("household_count", _("Jumlah KK"), "KK"),
}
BASIS_OF: dict[str, str] = {
    "1a": "buildings", "1b": "area", "1c": "buildings",
    "2a": "roads", "2b": "roads",
    "3a": "households", "3b": "households",
    "4a": "area", "4b": "drains", "4c": "drains",
    "5a": "households", "5b": "households",
    "6a": "households", "6b": "households",
    "7a": "buildings", "7b": "buildings",
}  # fmt: skip


def basis_of(code: str) -> Basis:
    return BASES[BASIS_OF[code]]


# (upper bound, upper bound included, score), checked in order; see the module docstring: each band ends just
# below the next printed lower bound (51, 76), so 50,99 % is still 1 and 75,99 % still 3.
SCORE_BANDS: tuple[tuple[Decimal, bool, int], ...] = (
    (Decimal("25"), False, 0),
    (Decimal("51"), False, 1),
    (Decimal("76"), False, 3),
    (Decimal("100"), True, 5),
)
SCORES: tuple[int, ...] = tuple(score for _bound, _included, score in SCORE_BANDS)
MAX_SCORE = SCORE_BANDS[-1][2]
MAX_TOTAL = MAX_SCORE * len(CRITERIA)  # 80

# (lowest total of the class, class), highest class first.
CLASS_THRESHOLDS: tuple[tuple[int, str], ...] = (
    (60, "heavy"),
    (38, "medium"),
    (16, "light"),
    (0, "none"),
)
SLUM_CLASSES: tuple[tuple[str, str], ...] = (
    ("none", _("Bukan kumuh")),
    ("light", _("Kumuh ringan")),
    ("medium", _("Kumuh sedang")),
    ("heavy", _("Kumuh berat")),
)


def criteria_of(aspect: int) -> list[Criterion]:
    return [c for c in CRITERIA if c.aspect == aspect]


def score_for(percent: Decimal) -> int:
    """The score of one criterion; `percent` must already be checked to lie within 0–100."""
    for bound, included, score in SCORE_BANDS:
        if percent < bound or (included and percent == bound):
            return score
    raise ValueError(f"percent out of range: {percent}")


def class_for(total: int) -> str:
    for lowest, slum_class in CLASS_THRESHOLDS:
        if total >= lowest:
            return slum_class
    raise ValueError(f"negative total: {total}")
