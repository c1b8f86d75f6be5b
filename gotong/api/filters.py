"""The filters every list shares: `wilayah` (area code, prefix rule), `dari`/`sampai` (the record's natural date)
and `diubah_sejak` (changed since, for incremental sync). A view declares which fields they apply to.
"""

import datetime
import re

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.filters import BaseFilterBackend

from gotong.core.scoping import area_code_filter

AREA_CODE_PATTERN = r"^\d{1,4}(\.\d{1,4}){0,5}$"
_AREA_CODE = re.compile(AREA_CODE_PATTERN)


def _parse_date(name: str, raw: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        raise exceptions.ValidationError({name: [_("Tanggal harus berformat TTTT-BB-HH, mis. 2025-01-31.")]}) from None


def _parse_moment(name: str, raw: str) -> datetime.datetime:
    error = exceptions.ValidationError({name: [_("Waktu harus berformat ISO 8601, mis. 2025-01-31T08:00:00+07:00.")]})
    try:
        moment = parse_datetime(raw)
        if moment is None:
            moment = datetime.datetime.combine(datetime.date.fromisoformat(raw), datetime.time())
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        return moment.astimezone(datetime.UTC)
    except (ValueError, OverflowError):
        raise error from None


class ScopeFilterBackend(BaseFilterBackend):
    """Reads `area_field`, `date_field` and `updated_field` from the view; None switches a filter off."""

    def filter_queryset(self, request, queryset, view):
        params = request.query_params
        area_field = getattr(view, "area_field", "area_code")
        date_field = getattr(view, "date_field", None)
        updated_field = getattr(view, "updated_field", "updated_at")
        if area_field and (code := params.get("wilayah")):
            if not _AREA_CODE.match(code):
                raise exceptions.ValidationError({"wilayah": [_("Kode wilayah tidak dikenal, mis. 21.72.03.1005.")]})
            queryset = queryset.filter(area_code_filter([code], field=area_field))
        if date_field:
            if raw := params.get("dari"):
                queryset = queryset.filter(**{f"{date_field}__gte": _parse_date("dari", raw)})
            if raw := params.get("sampai"):
                queryset = queryset.filter(**{f"{date_field}__lte": _parse_date("sampai", raw)})
        if updated_field and (raw := params.get("diubah_sejak")):
            queryset = queryset.filter(**{f"{updated_field}__gte": _parse_moment("diubah_sejak", raw)})
        return queryset

    def get_schema_operation_parameters(self, view):
        parameters = []
        if getattr(view, "area_field", "area_code"):
            parameters.append(
                _param(
                    "wilayah",
                    _("Kode wilayah; termasuk semua wilayah di bawahnya."),
                    {"type": "string", "pattern": _AREA_CODE.pattern},
                )
            )
        if date_field := getattr(view, "date_field", None):
            label = date_field.replace("_", " ")
            parameters += [
                _param(
                    "dari", _("Sejak tanggal ini (%(field)s).") % {"field": label}, {"type": "string", "format": "date"}
                ),
                _param(
                    "sampai",
                    _("Sampai tanggal ini (%(field)s).") % {"field": label},
                    {"type": "string", "format": "date"},
                ),
            ]
        if getattr(view, "updated_field", "updated_at"):
            parameters.append(
                _param(
                    "diubah_sejak", _("Hanya yang diubah sejak waktu ini."), {"type": "string", "format": "date-time"}
                )
            )
        return parameters


def _param(name: str, description: str, schema: dict) -> dict:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}
