"""Dotted Kemendagri area codes as strings: the one place that knows their shape.

`21.72.03.1005.006.002` is province 21, city 21.72, district 21.72.03, village 21.72.03.1005, RW 006, RT 002.
"""

from collections.abc import Iterable

PROVINCE, CITY, DISTRICT, VILLAGE, RW, RT = 1, 2, 3, 4, 5, 6


def code_at_level(code: str, level: int) -> str:
    """The code of the area at `level` (1 = province … 6 = RT) that contains `code` (the code itself if shorter)."""
    return ".".join(code.split(".")[:level])


def province_code(code: str) -> str:
    return code_at_level(code, PROVINCE)


def city_code(code: str) -> str:
    return code_at_level(code, CITY)


def district_code(code: str) -> str:
    return code_at_level(code, DISTRICT)


def village_code(code: str) -> str:
    return code_at_level(code, VILLAGE)


def level_of(code: str) -> int:
    return code.count(".") + 1


def ancestor_codes(code: str) -> list[str]:
    """The codes above `code`, province first, without `code` itself."""
    return [code_at_level(code, level) for level in range(1, level_of(code))]


def ancestors_of_all(codes: Iterable[str]) -> set[str]:
    return {ancestor for code in codes for ancestor in ancestor_codes(code)}


def code_inside(code: str, codes: Iterable[str] | None) -> bool:
    """True when `code` is one of `codes` or lies below one of them; None means everything."""
    if codes is None:
        return True
    return any(code == c or code.startswith(f"{c}.") for c in codes)


def code_overlaps(code: str, codes: Iterable[str] | None) -> bool:
    """True when the area holds anything inside `codes`: it is inside them or contains part of them."""
    if codes is None:
        return True
    codes = list(codes)
    return code_inside(code, codes) or any(c.startswith(f"{code}.") for c in codes)
