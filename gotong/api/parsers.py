"""JSON bodies read with limits an office understands: size and nesting depth, refused with a 400, never a 500.

Python's json module recurses once per nesting level, so a body of 5,000 `[` raised RecursionError (a 500), also on
`/api/v1/token/` and the field sync. This parser counts the depth first (outside strings) and refuses more than
MAX_JSON_DEPTH levels; it also refuses a body over DATA_UPLOAD_MAX_MEMORY_SIZE, which Django checks only for forms.

Settings (gotong/settings.py, REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"]): "gotong.api.parsers.JSONParser" in place of
"rest_framework.parsers.JSONParser". The API's exception handler turns a RecursionError into the same 400 anyway.
"""

import json
import re

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError

# Real clients nest a few levels (a sync batch: list → record → fields → value); 100 leaves ample room.
MAX_JSON_DEPTH = 100

_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(r"[\[\]{}]")


def too_deep_message() -> str:
    return _("Data JSON terlalu bertingkat (lebih dari %(max)s tingkat); kirim data yang lebih sederhana.") % {
        "max": MAX_JSON_DEPTH
    }


def json_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in a JSON text, brackets inside strings not counted."""
    depth = deepest = 0
    for match in _BRACKETS.finditer(_STRINGS.sub('""', text)):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def loads_limited(text: str):
    """json.loads that refuses a too-deep document with ParseError (a 400 in the API's error shape)."""
    if json_depth(text) > MAX_JSON_DEPTH:
        raise ParseError(too_deep_message())
    try:
        return json.loads(text)
    except RecursionError:
        raise ParseError(too_deep_message()) from None
    except ValueError as exc:
        raise ParseError(_("Data JSON tidak dapat dibaca: %(error)s") % {"error": exc}) from None


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read(limit + 1 if limit is not None else -1) if stream is not None else b""
        if limit is not None and len(raw) > limit:
            raise ParseError(too_large_message())
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            raise ParseError(_("Data JSON bukan teks %(encoding)s yang sah.") % {"encoding": encoding}) from None
        return loads_limited(text)


def too_large_message() -> str:
    megabytes = (settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0) // (1024 * 1024)
    return _("Data yang dikirim terlalu besar (lebih dari %(mb)s MB); kirim dalam beberapa bagian.") % {"mb": megabytes}
