"""Writing the synthetic city: RT/RW units, then households, persons and dwellings in streamed chunks.

Ids are handed out here (after the table's current maximum) so persons can point at their household without
reading anything back; PostgreSQL's sequences are moved past them at the end. Bulk rows skip `save()`, so the
denormalised area codes are filled here and the audit log records no row (a load is one event, not millions).
"""

import random
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from django.db import transaction
from django.db.models import NOT_PROVIDED
from django.utils import timezone

from gotong.areas.models import Area, Level
from gotong.areas.services import ensure_neighbourhood_units
from gotong.bench.synthetic.modules import generate_modules, module_tables
from gotong.bench.synthetic.population import CityVillage, city_villages, generate_population
from gotong.core.db import analyze
from gotong.core.demo.people import REFERENCE_DATE
from gotong.registry.importing.bulk import refresh_aggregates
from gotong.registry.importing.sink import HOUSEHOLD_COLUMNS, PERSON_COLUMNS, next_id, sync_sequence, write_rows
from gotong.registry.models import Dwelling, Household, Person

CHUNK_HOUSEHOLDS = 20_000
LOADED_AT = datetime(REFERENCE_DATE.year, REFERENCE_DATE.month, REFERENCE_DATE.day, tzinfo=UTC)

# The household and person columns are the bulk import's own, so both writers fill the tables the same way.
DWELLING_COLUMNS = [
    "id", "household_id", "province_code", "floor_area_m2", "occupants", "roof", "wall", "floor", "structure",
    "has_own_latrine", "has_safe_water", "has_electricity", "has_window_ventilation",
]  # fmt: skip


@dataclass
class GenerateResult:
    households: int = 0
    persons: int = 0
    dwellings: int = 0
    units_created: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)
    # Module rows written, by model label ("posyandu.Weighing": 1234, …); empty with modules=False.
    modules: dict[str, int] = field(default_factory=dict)


def check_columns() -> None:
    """Fail loudly when the registry's schema moved away from the columns written here."""
    for model, columns in ((Household, HOUSEHOLD_COLUMNS), (Person, PERSON_COLUMNS), (Dwelling, DWELLING_COLUMNS)):
        # A column with a database default (e.g. Person.nik_pending) may be left out: the database fills it.
        actual = {f.column for f in model._meta.concrete_fields if f.db_default is NOT_PROVIDED}
        if actual != set(columns):
            raise RuntimeError(f"{model._meta.db_table} columns changed: {sorted(actual ^ set(columns))}")


def ensure_units(villages: list[CityVillage]) -> tuple[dict[tuple[str, int, int], tuple[int, str]], int]:
    """Create missing RW/RT units in bulk; returns (village code, RW, RT) → (area id, area code) and the count made."""
    places = [(village.code, rw, rt) for village in villages for rw, rts in village.units.items() for rt in rts]
    before = Area.objects.filter(level__in=(Level.RW, Level.RT), code__startswith=_common_prefix(villages)).count()
    units = ensure_neighbourhood_units(places)
    after = Area.objects.filter(level__in=(Level.RW, Level.RT), code__startswith=_common_prefix(villages)).count()
    return units, after - before


def _common_prefix(villages: list[CityVillage]) -> str:
    return ".".join(villages[0].code.split(".")[:2]) + "."


def _prefix_numbers(city_code: str) -> tuple[set[str], set[str]]:
    prefix = city_code.replace(".", "")
    return (
        set(Person.objects.filter(nik__startswith=prefix).values_list("nik", flat=True)),
        set(
            Household.objects.filter(family_card_number__startswith=prefix).values_list("family_card_number", flat=True)
        ),
    )


def generate_city(
    persons: int, *, seed: int, city_code: str, progress=None, modules: bool = True, until: date | None = None
) -> GenerateResult:
    """Write `persons` synthetic persons (and their households and houses) into the city, all or nothing.

    With `modules`, also the module records of the twelve months before `until` (default today): posyandu and
    waste banks, casework, BKM revolving funds, gotong royong, slums, collaboration, programs, social capital and
    participation (`gotong.bench.synthetic.modules`).
    """
    check_columns()
    result = GenerateResult()
    started = time.perf_counter()
    with transaction.atomic():
        from gotong.bench.synthetic.population import PERSONS_PER_HOUSEHOLD

        villages = city_villages(city_code, seed, round(persons / PERSONS_PER_HOUSEHOLD))
        units, result.units_created = ensure_units(villages)
        taken_niks, taken_kks = _prefix_numbers(city_code)
        ids = {table: next_id(table) for table in ("registry_household", "registry_person", "registry_dwelling")}
        first_person = ids["registry_person"]
        uuids = random.Random(f"{seed}-uuids")
        population = generate_population(
            persons, seed=seed, city_code=city_code, taken_niks=taken_niks, taken_kks=taken_kks
        )
        chunk = []
        for spec in population:
            chunk.append(spec)
            if len(chunk) >= CHUNK_HOUSEHOLDS:
                _write_chunk(chunk, units, ids, uuids, result)
                chunk = []
                if progress:
                    progress(result, time.perf_counter() - started)
        _write_chunk(chunk, units, ids, uuids, result)
        for table in ids:
            sync_sequence(table)
        result.timings["write"] = time.perf_counter() - started
        refresh_aggregates(codes for _id, codes in units.values())
        if modules:
            modules_started = time.perf_counter()
            result.modules = generate_modules(
                villages,
                units,
                seed=seed,
                persons_from=first_person,
                until=until or timezone.localdate(),
                timings=result.timings,
            )
            result.timings["modules"] = time.perf_counter() - modules_started
    analyze("registry_household", "registry_person", "registry_dwelling", "areas_area", *module_tables(result.modules))
    result.seconds = time.perf_counter() - started
    return result


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _write_chunk(chunk, units, ids, uuids: random.Random, result: GenerateResult) -> None:
    households, persons, dwellings = [], [], []
    for spec in chunk:
        area_id, code = units[(spec.village.code, spec.rw, spec.rt)]
        household_id = ids["registry_household"]
        ids["registry_household"] += 1
        households.append(
            (household_id, LOADED_AT, LOADED_AT, _uuid(uuids), spec.family_card_number, spec.address, area_id, code,
             code[:2], spec.welfare_decile, spec.pkh_recipient, spec.bpnt_recipient, spec.consent_given_on)
        )  # fmt: skip
        for member in spec.members:
            persons.append(
                (ids["registry_person"], LOADED_AT, LOADED_AT, _uuid(uuids), household_id, code, code[:2], member.nik,
                 member.name, member.sex, member.birth_date, member.relationship, member.education, member.occupation,
                 member.disability)
            )  # fmt: skip
            ids["registry_person"] += 1
        if spec.dwelling:
            house = spec.dwelling
            dwellings.append(
                (ids["registry_dwelling"], household_id, code[:2], house["floor_area_m2"], house["occupants"],
                 house["roof"], house["wall"], house["floor"], house["structure"], house["has_own_latrine"],
                 house["has_safe_water"], house["has_electricity"], house["has_window_ventilation"])
            )  # fmt: skip
            ids["registry_dwelling"] += 1
    result.households += write_rows("registry_household", HOUSEHOLD_COLUMNS, households)
    result.persons += write_rows("registry_person", PERSON_COLUMNS, persons)
    result.dwellings += write_rows("registry_dwelling", DWELLING_COLUMNS, dwellings)
