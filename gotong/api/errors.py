"""One error body for every API failure: {"error": {"code", "message", "fields"}}.

Clients (phones, scripts) branch on `code`; `message` is Indonesian and translatable; `fields` lists what was wrong
with each input field, so a form can show the error next to the field.
"""

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

# Default messages per status: DRF's English defaults are replaced so every body reads the same in Indonesian.
_MESSAGES = {
    status.HTTP_400_BAD_REQUEST: lambda: _("Permintaan tidak valid; periksa isian yang ditandai."),
    status.HTTP_401_UNAUTHORIZED: lambda: _("Perlu masuk: kirim token atau sesi yang sah."),
    status.HTTP_403_FORBIDDEN: lambda: _("Anda tidak berwenang melakukan ini."),
    status.HTTP_404_NOT_FOUND: lambda: _("Data tidak ditemukan atau di luar wilayah Anda."),
    status.HTTP_405_METHOD_NOT_ALLOWED: lambda: _("Metode HTTP ini tidak didukung di alamat ini."),
    status.HTTP_406_NOT_ACCEPTABLE: lambda: _("Format jawaban yang diminta tidak didukung."),
    status.HTTP_409_CONFLICT: lambda: _("Data bertentangan dengan data yang sudah ada."),
    status.HTTP_415_UNSUPPORTED_MEDIA_TYPE: lambda: _("Format isi permintaan tidak didukung; gunakan JSON."),
    status.HTTP_429_TOO_MANY_REQUESTS: lambda: _("Terlalu banyak percobaan; coba lagi nanti."),
}
_CODES = {
    status.HTTP_400_BAD_REQUEST: "invalid",
    status.HTTP_401_UNAUTHORIZED: "not_authenticated",
    status.HTTP_403_FORBIDDEN: "permission_denied",
    status.HTTP_404_NOT_FOUND: "not_found",
    status.HTTP_405_METHOD_NOT_ALLOWED: "method_not_allowed",
    status.HTTP_406_NOT_ACCEPTABLE: "not_acceptable",
    status.HTTP_409_CONFLICT: "conflict",
    status.HTTP_415_UNSUPPORTED_MEDIA_TYPE: "unsupported_media_type",
    status.HTTP_429_TOO_MANY_REQUESTS: "throttled",
}


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


def error_body(status_code: int, *, code: str | None = None, message: str | None = None, fields=None) -> dict:
    message = message or _MESSAGES.get(status_code, lambda: _("Terjadi kesalahan."))()
    return {
        "error": {"code": code or _CODES.get(status_code, "error"), "message": str(message), "fields": fields or {}}
    }


def service_error_fields(error: DjangoValidationError, *, rename: Mapping[str, str] | None = None) -> dict:
    """A service's Django `ValidationError` as the API's fields: {"field": ["message", …]}.

    Errors about the whole record ("__all__", or raised without a field) go under "non_field_errors"; `rename` maps a
    service's field name to the API's where they differ (e.g. {"area": "rt"}).
    """
    names = {"__all__": "non_field_errors", **(rename or {})}
    if hasattr(error, "error_dict"):
        fields: dict[str, list[str]] = {}
        for name, messages in error.message_dict.items():
            fields.setdefault(names.get(name, name), []).extend(str(m) for m in messages)
        return fields
    return {"non_field_errors": [str(m) for m in error.messages]}


def service_errors(
    error: DjangoValidationError, *, rename: Mapping[str, str] | None = None
) -> exceptions.ValidationError:
    """The DRF `ValidationError` to raise for a service's Django one (400 with the messages beside their fields):

    try:
        return save_household(...)
    except django.core.exceptions.ValidationError as error:
        raise service_errors(error) from None
    """
    return exceptions.ValidationError(service_error_fields(error, rename=rename))


def _flatten(detail) -> dict[str, list[str]]:
    """DRF's nested ValidationError detail as {"field": ["message", …]}; non-field errors under "non_field_errors"."""
    if isinstance(detail, dict):
        fields = {}
        for name, value in detail.items():
            if isinstance(value, dict):
                for inner, messages in _flatten(value).items():
                    fields[f"{name}.{inner}"] = messages
            else:
                fields[str(name)] = [str(v) for v in (value if isinstance(value, list) else [value])]
        return fields
    items = detail if isinstance(detail, list) else [detail]
    return {"non_field_errors": [str(v) for v in items]}


def api_exception_handler(exc, context):
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, RecursionError):
        # A JSON body nested thousands deep (the stock JSONParser recurses): refused like any unreadable body.
        from gotong.api.parsers import too_deep_message

        exc = exceptions.ParseError(too_deep_message())
    elif isinstance(exc, RequestDataTooBig):
        from gotong.api.parsers import too_large_message

        exc = exceptions.ParseError(too_large_message())
    if not isinstance(exc, exceptions.APIException):
        return None  # a real server error: let Django report it
    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))
    status_code = exc.status_code
    if isinstance(exc, exceptions.ValidationError):
        body = error_body(status_code, fields=_flatten(exc.detail))
    else:
        # Keep our own Indonesian messages; DRF's defaults are English.
        ours = not type(exc).__module__.startswith("rest_framework.")
        custom = isinstance(exc.detail, str) and (ours or exc.detail != str(type(exc).default_detail))
        body = error_body(status_code, code=getattr(exc.detail, "code", None), message=exc.detail if custom else None)
    if status_code == status.HTTP_401_UNAUTHORIZED and not headers:
        headers["WWW-Authenticate"] = "Token"
    set_rollback()
    return Response(body, status=status_code, headers=headers)


class ErrorDetailSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="invalid, not_authenticated, permission_denied, not_found, …")
    message = serializers.CharField()
    fields = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))


class ErrorSerializer(serializers.Serializer):
    """The body of every 4xx answer."""

    error = ErrorDetailSerializer()
