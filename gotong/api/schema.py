"""Make the OpenAPI schema describe the error bodies every operation can answer with (see `errors.py`)."""

from django.utils.translation import gettext as _

ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message", "fields"],
            "properties": {
                "code": {"type": "string", "example": "not_found"},
                "message": {"type": "string"},
                "fields": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
            },
        }
    },
}
_REF = {"$ref": "#/components/schemas/Error"}


def _error_response(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": _REF}}}


def add_error_responses(result, generator, request, public):
    """Postprocessing hook: every operation documents 400/401/403/404/405 (and 409/429 where they happen)."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    descriptions = {
        "400": _("Isian atau parameter tidak valid."),
        "401": _("Belum masuk: token tidak ada atau salah."),
        "403": _("Tidak berwenang."),
        "404": _("Tidak ditemukan atau di luar wilayah Anda."),
        "405": _("Metode tidak didukung."),
        "406": _("Format jawaban tidak didukung."),
        "409": _("Bertentangan dengan data yang ada."),
        "415": _("Format isi permintaan tidak didukung."),
        "429": _("Terlalu banyak percobaan."),
    }
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            for code, description in descriptions.items():
                existing = responses.get(code)
                if existing is None or "content" not in existing:
                    responses[code] = _error_response(description)
    return result
