"""A slum location's RW/RT units: reading them out of the free text decrees and reports use, and finding them.

The formats met in Gotong's records and sources (seed 004, Kampung Bugis; seed 002, Kampung Sayur 26 Ilir):
"RW 001: RT 001, 002, 003; RW 006: RT 001–004" (the demo and the form's hint), "RW 03 (RT 01–05)",
"RW 001 yang terdiri dari RT 001, 002 dan 003, serta RW 006 …" (prose), "RT002-RW006", "RT 002 RW 006",
"RT.17 RW.05", "RT 01 s.d. 05", or a bare "RW 05" (the whole RW).

When the text names an RW first, the RT numbers that follow belong to it; when it names an RT first ("RT002-RW006"),
each RT belongs to the RW written after it. Numbers before any RT/RW label are not units. This module imports no
model, so the data migration 0007 can use it as it stands today.
"""

import re

from django.db.models import Q

Unit = tuple[int, int | None]  # (RW, RT) numbers; RT None = the whole RW

_RANGE_WORDS = re.compile(r"S\s*[./]\s*D\.?|SAMPAI(?:\s+DENGAN)?|HINGGA|[–—]")
_TOKENS = re.compile(r"(?<![A-Z])(RW|RT)(?![A-Z])|(\d+)|(-)")
MAX_NUMBER = 999  # RT/RW numbers are at most three digits in the area codes (`21.72.03.1005.006.002`)
MAX_RANGE = 50  # "RT 01–500" is a typing error, not 500 units


def _groups(text: str) -> list[tuple[str, list[int]]]:
    """[("RW", [1]), ("RT", [1, 2, 3]), …]: each label with the numbers (ranges expanded) written after it."""
    normalised = _RANGE_WORDS.sub("-", (text or "").upper())
    groups: list[tuple[str, list[int]]] = []
    range_from: int | None = None
    dash = False
    for label, number, hyphen in (m.groups() for m in _TOKENS.finditer(normalised)):
        if label:
            groups.append((label, []))
            range_from, dash = None, False
        elif hyphen:
            dash = range_from is not None
        elif groups:
            value = int(number)
            numbers = groups[-1][1]
            if dash:  # the end of a range; an implausible one ("RT 01–500", "RT 05–02") adds nothing more
                if range_from < value <= min(range_from + MAX_RANGE, MAX_NUMBER):
                    numbers.extend(range(range_from + 1, value + 1))
            elif 1 <= value <= MAX_NUMBER:
                numbers.append(value)
            range_from, dash = value, False
    return [(label, numbers) for label, numbers in groups if numbers]


def parse_units(text: str) -> list[Unit]:
    """The (RW, RT) units a free text names, in order, each once. (rw, None) is a whole RW."""
    groups = _groups(text)
    units: list[Unit] = []
    if groups and groups[0][0] == "RT":
        pending: list[int] = []
        for label, numbers in groups:
            if label == "RT":
                pending.extend(numbers)
                continue
            for rw in numbers:
                units.extend([(rw, rt) for rt in pending] or [(rw, None)])
            pending = []
    else:
        current: list[int] = []
        has_rt = False
        for label, numbers in groups:
            if label == "RW":
                if current and not has_rt:
                    units.extend((rw, None) for rw in current)
                current, has_rt = numbers, False
            elif current:
                units.extend((rw, rt) for rw in current for rt in numbers)
                has_rt = True
        if current and not has_rt:
            units.extend((rw, None) for rw in current)
    return list(dict.fromkeys(units))


def unit_code(village_code: str, unit: Unit) -> str:
    rw, rt = unit
    return f"{village_code}.{rw:03d}" if rt is None else f"{village_code}.{rw:03d}.{rt:03d}"


def inside_units(codes, field: str = "area_code") -> Q:
    """Records located in any of the units (an RW holds its RTs): for projects, households and the like."""
    condition = Q(pk__in=[])
    for code in codes:
        condition |= Q(**{field: code}) | Q(**{f"{field}__startswith": f"{code}."})
    return condition
