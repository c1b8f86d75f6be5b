"""One door for every offline entry: `apply_submission(user, kind, key, payload, base_version=...)`.

The field forms (`/lapangan/`) and the ODK bridge call this. Each entry carries a device-made UUID `key`:
- same key + same payload → the first result again, nothing new recorded (a retried sync is harmless);
- same key + another payload → `SubmissionConflict(code="key_reused")`;
- the record changed on the server since `base_version` → `SubmissionConflict(code="changed_on_server")`
  carrying the server's current values in `.server`; nothing is written. To send anyway as a correction the
  client resends the same key and payload with `base_version` = the `version` given in the conflict.
- `base_version=None` means "I saw nothing there yet": an existing, different record is a conflict too.
Scope errors raise `PermissionDenied` (the record an entry names must be one the user may record on:
`gotong.field.recordable`, the same answer the forms' lists come from), bad input `ValidationError`, both with
Indonesian messages.

Payloads are plain JSON (ids are public ids as strings, dates ISO `YYYY-MM-DD`, decimals as strings "9.5"
— a decimal comma "9,5" is accepted too):

weighing (posyandu; the session is the child's posyandu's hari buka of `measured_on`'s month)::
    {"child": "<Child.public_id>", "measured_on": "2026-03-10", "weight_kg": "9.5",
     "length_cm": "75.2" | null, "measure": "lying" | "standing" | "", "muac_cm": "14.0" | null,
     "oedema": false, "growth_card": true}
    version: the weighing of that child and month ("" when none) — `updated_at` ISO.
deposit (bank sampah; the bank is the member's; valued at the bank's price list of `occurred_on`)::
    {"member": "<Member.public_id>", "occurred_on": "2026-03-10",
     "lines": [{"category": "<WasteCategory.pk>", "kg": "2.35"}, ...]}
    version: a digest of that day's price list; a changed price is a conflict showing the new prices.
visit (casework; by the acting user, one per case and day)::
    {"case": "<Case.public_id>", "visited_on": "2026-03-10", "met_with": "…", "condition": "…",
     "adherence": "yes" | "partly" | "no" | "" (TB cases), "issues": "…", "next_step": "…"}
    version: none; your own visit of that day with other values is a conflict (no correction in casework).
attendance (gotong royong; replaces the event's list of registered residents)::
    {"event": "<Event.public_id>", "present": [{"person": "<Person.public_id>", "hours": "2" | null}, ...],
     "guests": 0, "guest_hours": "0"}
    version: a digest of the event's current list and guests.

`Result` fields: kind, key, created (False when returned again for a retry), record (public id or pk of what
was recorded), version (its version now), summary (a short Indonesian line for the queue), data (values).
"""

import hashlib
import json
import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from gotong.field.models import FieldSubmission, SubmissionKind
from gotong.field.services.common import Outcome, Result, SubmissionConflict
from gotong.field.services.kinds import HANDLERS

__all__ = ["Result", "SubmissionConflict", "apply_submission", "fingerprint"]


def fingerprint(payload: dict) -> str:
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _as_key(key) -> uuid.UUID:
    try:
        return key if isinstance(key, uuid.UUID) else uuid.UUID(str(key))
    except (TypeError, ValueError) as exc:
        raise ValidationError({"key": _("Kunci kiriman harus UUID; muat ulang formulir.")}) from exc


def _result_again(submission: FieldSubmission, user, digest: str) -> Result:
    if submission.user_id != user.pk or submission.fingerprint != digest:
        raise SubmissionConflict(
            "key_reused",
            _("Kunci kiriman ini sudah dipakai untuk isian lain; isian ini tidak disimpan."),
        )
    return Result.from_stored(submission, created=False)


def apply_submission(user, kind: str, key, payload: dict, *, base_version: str | None = None) -> Result:
    """Record one offline entry exactly once (see the module docstring for payloads and errors)."""
    if kind not in SubmissionKind.values:
        raise ValidationError({"kind": _("Jenis isian tidak dikenal: %(kind)s.") % {"kind": kind}})
    if not isinstance(payload, dict):
        raise ValidationError({"payload": _("Isian harus berupa objek JSON.")})
    key = _as_key(key)
    digest = fingerprint(payload)
    existing = FieldSubmission.objects.filter(key=key).first()
    if existing is not None:
        return _result_again(existing, user, digest)
    try:
        with transaction.atomic():
            outcome: Outcome = HANDLERS[kind](user, payload, base_version, key)
            submission = FieldSubmission.objects.create(
                key=key,
                user=user,
                kind=kind,
                fingerprint=digest,
                record_type=outcome.record_type,
                record_id=outcome.record_id,
                result=outcome.as_json(),
            )
    except IntegrityError:
        # Two retries raced: the other one committed first and this one rolled back entirely.
        existing = FieldSubmission.objects.filter(key=key).first()
        if existing is None:
            raise
        return _result_again(existing, user, digest)
    return Result.from_stored(submission, created=True)
