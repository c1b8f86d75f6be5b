"""Types shared by the submission handlers: the result, the conflict error, and payload parsing."""

import datetime
import hashlib
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from gotong.core.numbers import parse_decimal


class SubmissionConflict(Exception):
    """Nothing was written: the key was used for other values, or the record changed on the server."""

    def __init__(
        self,
        code: str,
        message: str,
        *,
        server: dict | None = None,
        version: str | None = None,
        rows: list[dict] | None = None,
    ):
        super().__init__(message)
        self.code = code
        self.message = message
        self.server = server or {}
        self.version = version
        # What the phone shows: [{"name", "label", "mine", "server", "differs"}] (services.compare.rows).
        self.rows = rows or []

    def as_json(self) -> dict:
        return {
            "code": self.code,
            "detail": self.message,
            "server": self.server,
            "version": self.version,
            "rows": self.rows,
        }


@dataclass(frozen=True)
class Outcome:
    """What a handler recorded."""

    record_type: str
    record_id: str
    version: str
    summary: str
    data: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        return {"record": self.record_id, "version": self.version, "summary": self.summary, "data": self.data}


@dataclass(frozen=True)
class Result:
    kind: str
    key: uuid.UUID
    created: bool
    record: str
    version: str
    summary: str
    data: dict

    @classmethod
    def from_stored(cls, submission, *, created: bool) -> "Result":
        stored = submission.result
        return cls(
            kind=submission.kind,
            key=submission.key,
            created=created,
            record=stored.get("record", submission.record_id),
            version=stored.get("version", ""),
            summary=stored.get("summary", ""),
            data=stored.get("data", {}),
        )

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "key": str(self.key),
            "created": self.created,
            "record": self.record,
            "version": self.version,
            "summary": self.summary,
            "data": self.data,
        }


def text(payload: dict, name: str, *, limit: int = 2000) -> str:
    value = payload.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError({name: _("Isian %(name)s harus teks.") % {"name": name}})
    return value.strip()[:limit]


def date(payload: dict, name: str) -> datetime.date:
    value = payload.get(name)
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise ValidationError({name: _("Tanggal tidak sah; pakai format TTTT-BB-HH.")}) from exc


def decimal(payload: dict, name: str, *, required: bool = False, thousands: bool = True) -> Decimal | None:
    value = payload.get(name)
    if value in (None, ""):
        if required:
            raise ValidationError({name: _("Wajib diisi.")})
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValidationError({name: _("Isi dengan angka, mis. 9,5.")})
    try:
        # The same rules as every web form: "9,5", "1.250,5".
        return parse_decimal(value, example="9,5", thousands=thousands)
    except ValidationError as exc:
        raise ValidationError({name: exc.messages}) from None


def public_id(payload: dict, name: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(payload.get(name)))
    except (TypeError, ValueError) as exc:
        raise ValidationError({name: _("Pilihan tidak dikenal; unduh ulang data formulir.")}) from exc


def visible_record(user, queryset, payload: dict, name: str, *, absent: str):
    """The record the payload names by public id, among those `user` may see; PermissionDenied(absent) otherwise,
    whether it does not exist or lies outside the user's scope (the phone is not told which)."""
    record = queryset.visible_to(user).filter(public_id=public_id(payload, name)).first()
    if record is None:
        raise PermissionDenied(absent)
    return record


def digest(parts) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def changed_on_server(server: dict, version: str, rows: list[dict] | None = None) -> SubmissionConflict:
    return SubmissionConflict(
        "changed_on_server",
        _(
            "Data ini sudah diubah di server sejak Anda mengunduhnya. Bandingkan isian Anda dengan data di server, "
            "lalu pilih mana yang dipakai."
        ),
        server=server,
        version=version,
        rows=rows,
    )
