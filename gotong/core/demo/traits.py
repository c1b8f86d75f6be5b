"""What a synthetic person does and how a household lives: education, work, disability, welfare, house.

The shares are rough and deliberately poor-leaning: the demo villages are slum locations.
"""

import random
from decimal import Decimal

from gotong.registry.choices import Condition, Disability, Education, FloorMaterial, RoofMaterial, WallMaterial

E = Education
EDUCATION_LEVELS = (E.NONE, E.PRIMARY_UNFINISHED, E.PRIMARY, E.JUNIOR, E.SENIOR, E.DIPLOMA, E.BACHELOR)
# Adults' schooling by generation: the old rarely finished primary school, the young mostly reach SMA.
EDUCATION_BY_COHORT = {
    "old": (15, 20, 40, 12, 10, 1, 2),
    "middle": (3, 8, 30, 25, 28, 3, 3),
    "young": (1, 3, 14, 25, 47, 5, 5),
}
# Lower half of the deciles skewed towards the poorest.
DECILE_WEIGHTS = (18, 16, 14, 12, 10, 9, 7, 6, 4, 4)

HEAD_WORK = {
    "Buruh harian lepas": 25, "Pedagang kecil": 15, "Pengemudi ojek": 12, "Tukang bangunan": 10,
    "Karyawan swasta": 8, "Buruh pabrik": 6, "Sopir angkutan": 5, "Wiraswasta": 5, "Pemulung": 3,
    "Belum/tidak bekerja": 4, "PNS": 1,
}  # fmt: skip
FISHING_WORK = {"Nelayan": 30, "Buruh pelabuhan": 8}
MEDAN_WORK = {"Penarik becak motor": 6}
WOMAN_WORK = {
    "Ibu rumah tangga": 60, "Pedagang kecil": 12, "Buruh cuci": 8, "Buruh harian lepas": 6, "Penjahit": 4,
    "Karyawan swasta": 5, "Pedagang warung": 5,
}  # fmt: skip
WOMAN_HEAD_WORK = {
    "Pedagang kecil": 30, "Buruh cuci": 20, "Buruh harian lepas": 15, "Ibu rumah tangga": 20,
    "Pedagang warung": 10, "Penjahit": 5,
}  # fmt: skip
YOUNG_ADULT_WORK = {
    "Buruh harian lepas": 25, "Karyawan swasta": 20, "Pengemudi ojek online": 12, "Mahasiswa": 10,
    "Belum/tidak bekerja": 25, "Pramuniaga": 8,
}  # fmt: skip
DISABILITIES = {
    Disability.PHYSICAL: 40, Disability.SENSORY: 25, Disability.INTELLECTUAL: 15, Disability.MENTAL: 12,
    Disability.MULTIPLE: 8,
}  # fmt: skip


def _pick(rng: random.Random, weighted: dict) -> str:
    return rng.choices(list(weighted), list(weighted.values()))[0]


def decile(rng: random.Random) -> int | None:
    if rng.random() < 0.05:  # not (yet) in DTKS/Regsosek
        return None
    return rng.choices(range(1, 11), DECILE_WEIGHTS)[0]


def education(rng: random.Random, age: int, welfare: int | None) -> str:
    if age < 6:
        return E.NONE
    if age <= 12:
        return E.PRIMARY_UNFINISHED
    if age <= 15:
        return E.PRIMARY
    if age <= 18:
        return E.JUNIOR if rng.random() < 0.85 else E.PRIMARY
    cohort = "old" if age >= 60 else "middle" if age >= 35 else "young"
    weights = list(EDUCATION_BY_COHORT[cohort])
    if welfare and welfare >= 6:  # better-off households went to school longer
        weights = [w * (1 + 0.25 * i * (welfare - 5) / 5) for i, w in enumerate(weights)]
    return rng.choices(EDUCATION_LEVELS, weights)[0]


def occupation(rng: random.Random, age: int, sex: str, role: str, village, welfare: int | None) -> str:
    if age < 6:
        return "Belum/tidak bekerja"
    if age <= 18:
        return "Pelajar" if age < 16 or rng.random() < 0.85 else "Belum/tidak bekerja"
    if age >= 65:
        return _pick(rng, {"Belum/tidak bekerja": 70, "Pedagang kecil": 15, "Pensiunan": 10, "Nelayan": 5})
    if age <= 24 and role == "anak":
        return _pick(rng, YOUNG_ADULT_WORK)
    if sex == "P":
        return _pick(rng, WOMAN_HEAD_WORK if role == "kepala" else WOMAN_WORK)
    work = dict(HEAD_WORK)
    if village.fishing:
        work.update(FISHING_WORK)
    if village.city == "medan":
        work.update(MEDAN_WORK)
    if welfare and welfare >= 7:
        work.update({"Karyawan swasta": 25, "Wiraswasta": 15, "PNS": 6, "Pemulung": 0})
    return _pick(rng, work)


def disability(rng: random.Random, age: int) -> str:
    if rng.random() < (0.07 if age >= 60 else 0.02):
        return _pick(rng, DISABILITIES)
    return Disability.NONE


def dwelling(rng: random.Random, village, welfare: int | None, occupants: int) -> dict:
    """A house, poorer and more often RTLH (earth floor, bamboo walls, crowding) the lower the decile."""
    poverty = (11 - (welfare or 5)) / 10  # 1.0 for decile 1, 0.1 for decile 10
    if village.stilts:  # pelantar and riverbank houses are built of wood
        wall = _pick(rng, {WallMaterial.WOOD_GOOD: 40, WallMaterial.WOOD_POOR: 40 * poverty, WallMaterial.BRICK: 15})
        floor = _pick(rng, {FloorMaterial.WOOD: 75, FloorMaterial.CEMENT: 15, FloorMaterial.BAMBOO: 10 * poverty})
    else:
        wall = _pick(
            rng,
            {WallMaterial.BRICK: 60, WallMaterial.WOOD_POOR: 20 * poverty, WallMaterial.BAMBOO: 12 * poverty,
             WallMaterial.OTHER: 6 * poverty, WallMaterial.WOOD_GOOD: 10},
        )  # fmt: skip
        floor = _pick(
            rng,
            {
                FloorMaterial.CERAMIC: 35 * (1 - poverty) + 5,
                FloorMaterial.CEMENT: 40,
                FloorMaterial.EARTH: 18 * poverty,
            },
        )
    roof = _pick(
        rng, {RoofMaterial.METAL: 65, RoofMaterial.TILE: 25 * (1.2 - poverty), RoofMaterial.THATCH: 4 * poverty}
    )
    structure = _pick(
        rng, {Condition.GOOD: 60, Condition.DAMAGED: 30 * poverty, Condition.SEVERELY_DAMAGED: 10 * poverty}
    )
    area = max(12, round(rng.gauss(24 + 50 * (1 - poverty), 10)))
    return {
        "floor_area_m2": Decimal(area),
        "occupants": occupants,
        "roof": roof,
        "wall": wall,
        "floor": floor,
        "structure": structure,
        "has_own_latrine": rng.random() > 0.45 * poverty,
        "has_safe_water": rng.random() > 0.35 * poverty,
        "has_electricity": rng.random() > 0.04,
        "has_window_ventilation": rng.random() > 0.4 * poverty,
    }
