"""Name normalisation so that people find an area however they spell it.

"26 Ilir" and "Dua-puluh-enam Ilir" both become "duapuluhenamilir"; "Bukit Kecil" and "Bukitkecil" both
become "bukitkecil". Kemendagri writes numbered villages in words and joins some names; people do neither.
"""

import re
import unicodedata

from lokal import terbilang

_DIGITS = re.compile(r"\d+")
_NOT_ALNUM = re.compile(r"[^a-z0-9]")


def normalize_area_name(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = _DIGITS.sub(lambda m: terbilang(int(m.group())), text)
    return _NOT_ALNUM.sub("", text)
