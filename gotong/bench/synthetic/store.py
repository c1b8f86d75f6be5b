"""Writing the synthetic city: RT/RW units, then households, persons and dwellings in streamed chunks.

Ids are handed out here (after the table's current maximum) so persons can point at their household without
reading anything back; PostgreSQL's sequences are moved past them at the end. Bulk rows skip `save()`, so the
denormalised area codes are filled here and the audit log records no row (a load is one event, not millions).
"""

import random
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.db import transaction

from gotong.areas.models import Area, Level
from gotong.areas.names import normalize_area_name
from gotong.areas.services import neighbourhood_code
from gotong.bench.synthetic.population import CityVillage, city_villages, generate_population
from gotong.core.db import analyze
from gotong.core.demo.people import REFERENCE_DATE
from gotong.registry.importing.bulk import HOUSEHOLD_COLUMNS, PERSON_COLUMNS, refresh_aggregates
from gotong.registry.importing.sink import next_id, sync_sequence, write_rows
from gotong.registry.models import Dwelling, Household, Person

CHUNK_HOUSEHOLDS = 20_000
LOADED_AT = datetime(REFERENCE_DATE.year, REFERENCE_DATE.month, REFERENCE_DATE.day, tzinfo=UTC)

# The household and person columns are the bulk import's own, so both writers fill the tables the same way.
DWELLING_COLUMNS = [
    "id", "household_id", "floor_area_m2", "occupants", "roof", "wall", "floor", "structure", "has_own_latrine",
    "has_safe_water", "has_electricity", "has_window_ventilation",
]  # fmt: skip


@dataclass
class GenerateResult:
    households: int = 0
    persons: int = 0
    dwellings: int = 0
    units_created: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)


def check_columns() -> None:
    """Fail loudly when the registry's schema moved away from the columns written here."""
    for model, columns in ((Household, HOUSEHOLD_COLUMNS), (Person, PERSON_COLUMNS), (Dwelling, DWELLING_COLUMNS)):
        actual = {f.column for f in model._meta.concrete_fields}
        if actual != set(columns):
            raise RuntimeError(f"{model._meta.db_table} columns changed: {sorted(actual ^ set(columns))}")


def ensure_units(villages: list[CityVillage]) -> tuple[dict[tuple[str, int, int], tuple[int, str]], int]:
    """Create missing RW/RT units in bulk; returns (village code, RW, RT) → (area id, area code) and the count made."""
    parents = dict(Area.objects.filter(code__in=[v.code for v in villages]).values_list("code", "id"))
    postcodes = dict(Area.objects.filter(code__in=[v.code for v in villages]).values_list("code", "postal_code"))
    wanted = {}
    for village in villages:
        for rw, rts in village.units.items():
            wanted[neighbourhood_code(village.code, rw)] = (village.code, Level.RW, f"RW {rw:03d}")
            for rt in rts:
                wanted[neighbourhood_code(village.code, rw, rt)] = (village.code, Level.RT, f"RT {rt:03d}")
    existing = set(Area.objects.filter(code__in=list(wanted)).values_list("code", flat=True))
    created = 0
    for level in (Level.RW, Level.RT):
        new = []
        ids = dict(Area.objects.filter(code__in=list(wanted), level=Level.RW).values_list("code", "id"))
        for code, (village_code, unit_level, name) in wanted.items():
            if unit_level != level or code in existing:
                continue
            parent_id = parents[village_code] if level == Level.RW else ids[code.rsplit(".", 1)[0]]
            new.append(
                Area(
                    code=code,
                    name=name,
                    level=level,
                    kind="rw" if level == Level.RW else "rt",
                    parent_id=parent_id,
                    postal_code=postcodes[village_code],
                    search_key=normalize_area_name(name),
                )
            )
        Area.objects.bulk_create(new, batch_size=2000)
        created += len(new)
    units = {}
    found = dict(Area.objects.filter(code__in=list(wanted), level=Level.RT).values_list("code", "id"))
    for village in villages:
        for rw, rts in village.units.items():
            for rt in rts:
                code = neighbourhood_code(village.code, rw, rt)
                units[(village.code, rw, rt)] = (found[code], code)
    return units, created


def _prefix_numbers(city_code: str) -> tuple[set[str], set[str]]:
    prefix = city_code.replace(".", "")
    return (
        set(Person.objects.filter(nik__startswith=prefix).values_list("nik", flat=True)),
        set(
            Household.objects.filter(family_card_number__startswith=prefix).values_list("family_card_number", flat=True)
        ),
    )


def generate_city(persons: int, *, seed: int, city_code: str, progress=None) -> GenerateResult:
    """Write `persons` synthetic persons (and their households and houses) into the city, all or nothing."""
    check_columns()
    result = GenerateResult()
    started = time.perf_counter()
    with transaction.atomic():
        from gotong.bench.synthetic.population import PERSONS_PER_HOUSEHOLD

        villages = city_villages(city_code, seed, round(persons / PERSONS_PER_HOUSEHOLD))
        units, result.units_created = ensure_units(villages)
        taken_niks, taken_kks = _prefix_numbers(city_code)
        ids = {table: next_id(table) for table in ("registry_household", "registry_person", "registry_dwelling")}
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
    analyze("registry_household", "registry_person", "registry_dwelling", "areas_area")
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
             spec.welfare_decile, spec.pkh_recipient, spec.bpnt_recipient, spec.consent_given_on)
        )  # fmt: skip
        for member in spec.members:
            persons.append(
                (ids["registry_person"], LOADED_AT, LOADED_AT, _uuid(uuids), household_id, code, member.nik,
                 member.name, member.sex, member.birth_date, member.relationship, member.education, member.occupation,
                 member.disability)
            )  # fmt: skip
            ids["registry_person"] += 1
        if spec.dwelling:
            house = spec.dwelling
            dwellings.append(
                (ids["registry_dwelling"], household_id, house["floor_area_m2"], house["occupants"], house["roof"],
                 house["wall"], house["floor"], house["structure"], house["has_own_latrine"], house["has_safe_water"],
                 house["has_electricity"], house["has_window_ventilation"])
            )  # fmt: skip
            ids["registry_dwelling"] += 1
    result.households += write_rows("registry_household", HOUSEHOLD_COLUMNS, households)
    result.persons += write_rows("registry_person", PERSON_COLUMNS, persons)
    result.dwellings += write_rows("registry_dwelling", DWELLING_COLUMNS, dwellings)
