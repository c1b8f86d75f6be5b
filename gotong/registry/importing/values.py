"""Parsing one cell into a registry value, accepting what people actually type in Indonesian spreadsheets.

Every parser takes the raw cell (str, int, float, bool, date/datetime or None) and returns the clean value or
raises CellError with a message in the user's language.
"""

import datetime
import re
from functools import lru_cache

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from gotong.registry import choices
from gotong.registry.importing.vocabulary import (
    DISABILITY_WORDS,
    EDUCATION_WORDS,
    NO_WORDS,
    RELATIONSHIP_WORDS,
    SEX_WORDS,
    YES_WORDS,
)
from gotong.registry.nik import check_nik, valid_nik_warnings


class CellError(ValueError):
    """A cell that cannot be used; the message is shown to the user as is."""


def as_text(value) -> str:
    """The cell as the user sees it: whole floats without ".0", dates as dd/mm/yyyy."""
    if type(value) is str:  # the usual cell (every CSV cell): decided before the other checks
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def _key(value) -> str:
    """Normalise a word for vocabulary look-ups: "  SMA / SMK " → "sma/smk", "orang_tua" → "orang tua"."""
    text = as_text(value).lower().replace("_", " ")
    text = _SLASH.sub("/", text)
    return _SPACES.sub(" ", text).strip()


_SLASH = re.compile(r"\s*/\s*")
_SPACES = re.compile(r"\s+")
_SCIENTIFIC = re.compile(r"^\d+([.,]\d+)?[eE][+-]?\d+$")


def _identity_digits(value, scientific_message) -> str:
    """NIK/KK cell → digit string; numbers Excel turned into floats cannot be trusted (digits were lost).

    `scientific_message` is a function: the message is translated only when it is needed, not for every row.
    """
    text = as_text(value)
    # The pattern needs an "e": most cells (plain digits) are decided without running it.
    if isinstance(value, float) or (("e" in text or "E" in text) and _SCIENTIFIC.match(text)):
        raise CellError(scientific_message())
    # Excel tricks to keep digits as text: a leading apostrophe or ="…".
    if text.startswith('="') and text.endswith('"'):
        text = text[2:-1]
    return text.lstrip("'").replace(" ", "")


def parse_nik(value) -> tuple[str, list[str]]:
    """A valid NIK and its warnings (e.g. a district that no longer exists)."""
    if type(value) is str and value.isascii() and value.isdigit():
        text = value  # plain digits (the usual cell): nothing for _identity_digits to strip or refuse
    else:
        text = _identity_digits(
            value, lambda: _("NIK tertulis sebagai angka ilmiah di Excel; format kolom sebagai Teks.")
        )
    if not text:
        # The NIK is how a re-import finds the person again: a row without one would add them anew each time. A
        # newborn without a NIK yet is added through the form ("NIK belum ada") and completed there.
        raise CellError(_('NIK wajib diisi. Bayi yang belum punya NIK didaftarkan lewat formulir ("NIK belum ada").'))
    warnings = valid_nik_warnings(text)
    if warnings is not None:
        return text, warnings
    check = check_nik(text)
    if not check.valid:
        raise CellError(" ".join(check.errors))
    return text, check.warnings


def parse_family_card_number(value) -> str:
    text = _identity_digits(
        value, lambda: _("Nomor KK tertulis sebagai angka ilmiah di Excel; format kolom sebagai Teks.")
    )
    if not text.isdigit() or len(text) != 16:
        raise CellError(_("Nomor KK harus 16 digit angka."))
    return text


def collapse_spaces(text: str) -> str:
    """Every run of whitespace as one space, like `_SPACES.sub(" ", text)`.

    Every character `\\s` matches except the plain space is unprintable, so a printable text without two spaces in a
    row (the usual name or address) has nothing to collapse and is returned without running the pattern.
    """
    if "  " not in text and text.isprintable():
        return text
    return _SPACES.sub(" ", text)


def parse_required_text(value, max_length: int) -> str:
    text = collapse_spaces(as_text(value))
    if not text:
        raise CellError(_("Wajib diisi."))
    return _at_most(text, max_length)


def parse_text(value, max_length: int) -> str:
    return _at_most(collapse_spaces(as_text(value)), max_length)


def _at_most(text: str, max_length: int) -> str:
    if len(text) > max_length:
        raise CellError(_("Terlalu panjang: paling banyak %(max)d huruf.") % {"max": max_length})
    return text


def _number(value) -> float | None:
    """A number written the Indonesian way ("1.234,5", "2,0") or the English way ("2.0")."""
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, int | float):
        return float(value)
    text = as_text(value).replace(" ", "")
    if "," in text:
        # Decimal comma: dots are thousands separators.
        text = text.replace(".", "").replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def parse_whole_number(value, low: int, high: int, message: str) -> int:
    number = _number(value)
    if number is None or not number.is_integer() or not low <= number <= high:
        raise CellError(message)
    return int(number)


def parse_rt_rw(value, unit: str) -> int:
    """RT/RW numbers as written on addresses: "001", "1", "RT 001", "RW.03"."""
    text = as_text(value)
    text = _UNIT_PREFIX.sub("", text)
    message = _("%(unit)s harus angka 1 sampai 999, misalnya 001.") % {"unit": unit}
    if not text:
        raise CellError(_("Wajib diisi."))
    return parse_whole_number(text, 1, 999, message)


def parse_decile(value) -> int | None:
    if not as_text(value):
        return None
    return parse_whole_number(value, 1, 10, _("Desil harus bilangan bulat 1 sampai 10."))


def parse_village_code(value) -> str:
    """Dotted village code; 10 undotted digits are dotted (2172031005 → 21.72.03.1005)."""
    text = as_text(value).replace(" ", "")
    if not text:
        raise CellError(_("Wajib diisi."))
    if text.isdigit() and len(text) == 10:
        text = f"{text[:2]}.{text[2:4]}.{text[4:6]}.{text[6:]}"
    return text


_ONE_DAY = datetime.timedelta(days=1)
_UNIT_PREFIX = re.compile(r"^(rt|rw)\s*[.:]?\s*", re.IGNORECASE)
_MIDNIGHT = re.compile(r"\s+0{1,2}:00(:00)?$")
_DATE_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_DATE_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def _is_dd_mm_yyyy(text: str) -> bool:
    # The shape _DATE_DMY would match with two-digit day and month and "/" (isdecimal is what \d matches).
    return len(text) == 10 and text[2] == text[5] == "/" and (text[:2] + text[3:5] + text[6:]).isdecimal()


def parse_birth_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        day = value.date()
    elif isinstance(value, datetime.date):
        day = value
    else:
        text = as_text(value)
        if not text:
            raise CellError(_("Wajib diisi."))
        # Exports from other tools sometimes append midnight: "1985-06-15 00:00:00".
        text = _MIDNIGHT.sub("", text) if len(text) > 10 else text
        if _is_dd_mm_yyyy(text):
            d, m, y = int(text[:2]), int(text[3:5]), int(text[6:])  # the usual dd/mm/yyyy, without a regex
        elif match := _DATE_DMY.match(text):
            d, m, y = (int(part) for part in match.groups())
        elif match := _DATE_YMD.match(text):
            y, m, d = (int(part) for part in match.groups())
        else:
            raise CellError(_("Format tanggal tidak dikenal; tulis hh/bb/tttt, misalnya 15/06/1985."))
        try:
            day = datetime.date(y, m, d)
        except ValueError:
            raise CellError(_("Tanggal %(value)s tidak ada di kalender.") % {"value": text}) from None
    # Every time zone's date is at least UTC's date minus one day: older days skip the (slow) local clock.
    if day >= datetime.datetime.now(datetime.UTC).date() - _ONE_DAY and day > timezone.localdate():
        raise CellError(_("Tanggal lahir tidak boleh di masa depan."))
    if day.year < 1900:
        raise CellError(_("Tanggal lahir sebelum tahun 1900 tidak masuk akal."))
    return day


@lru_cache(maxsize=32)
def _vocabulary(choice_class, synonyms: tuple[tuple[str, str], ...], language: str) -> dict[str, str]:
    """Codes, current labels and the usual Dukcapil/DTKS spellings, all normalised."""
    table = {_key(code): code for code in choice_class.values}
    table.update({_key(label): code for code, label in choice_class.choices})
    table.update({_key(word): code for word, code in synonyms})
    return table


def _lookup(value, choice_class, synonyms: dict[str, str], *, default: str | None = None) -> str:
    key = _key(value)
    if not key and default is not None:
        return default
    if not key:
        raise CellError(_("Wajib diisi."))
    code = _vocabulary(choice_class, tuple(synonyms.items()), get_language()).get(key)
    if code is None:
        allowed = ", ".join(str(label) for label in choice_class.labels)
        raise CellError(_("Isian tidak dikenal. Pilihan: %(allowed)s.") % {"allowed": allowed})
    return code


def parse_sex(value) -> str:
    return _lookup(value, choices.Sex, SEX_WORDS)


def parse_relationship(value) -> str:
    return _lookup(value, choices.Relationship, RELATIONSHIP_WORDS)


def parse_education(value) -> str:
    return _lookup(value, choices.Education, EDUCATION_WORDS, default="")


def parse_disability(value) -> str:
    return _lookup(value, choices.Disability, DISABILITY_WORDS, default=choices.Disability.NONE)


def parse_yes_no(value) -> bool:
    if isinstance(value, bool):
        return value
    key = _key(value)
    if key in YES_WORDS or (_number(value) == 1):
        return True
    if key in NO_WORDS or (_number(value) == 0):
        return False
    raise CellError(_("Isi dengan ya atau tidak."))
