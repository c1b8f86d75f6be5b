"""Receiving an ODK submission: parse the instance, map it, and record it through the field service.

The instance's `meta/instanceID` is the idempotency key, so a phone that re-sends (no answer reached it, or the
user pressed send again) gets the first answer back and nothing is recorded twice; the offline web forms share
the same store. Only ids, form and outcome are logged: never the values (health data, names).
"""

import dataclasses
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from gotong.core.policy import may_somewhere
from gotong.field.services import SubmissionConflict, apply_submission
from gotong.odk.catalog import FORMS
from gotong.odk.instance import InvalidInstance, parse_instance
from gotong.odk.payloads import MAPPERS

logger = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class Received:
    created: bool  # False when this instance had been received before
    summary: str


class Refused(Exception):
    """Nothing was recorded; `status` is the HTTP status and `message` the Indonesian text for the phone."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def _messages(error: ValidationError) -> str:
    return " ".join(str(m) for m in error.messages) or _("Isian tidak sah.")


def receive_submission(user, xml: bytes) -> Received:
    """Record one instance exactly once, or raise `Refused` saying why."""
    try:
        instance = parse_instance(xml)
    except InvalidInstance as exc:
        raise Refused(400, str(exc)) from exc
    form = FORMS.get(instance.form_id)
    if form is None or instance.form_id not in MAPPERS:
        raise Refused(404, _("Formulir %(form)s tidak dikenal di Gotong.") % {"form": instance.form_id})
    # The form's own URLs ask the same; the record the instance names is `apply_submission`'s check.
    if not may_somewhere(user, form.capability):
        raise Refused(403, _("Anda tidak berhak mengirim formulir %(form)s.") % {"form": form.title})
    payload = MAPPERS[instance.form_id](instance)
    try:
        result = apply_submission(user, form.kind, instance.instance_id, payload)
    except PermissionDenied as exc:
        raise Refused(403, str(exc) or _("Data ini di luar wilayah atau organisasi Anda.")) from exc
    except ValidationError as exc:
        raise Refused(400, _messages(exc)) from exc
    except SubmissionConflict as exc:
        logger.info("odk submission conflict form=%s instance=%s code=%s", form.form_id, instance.instance_id, exc.code)
        if exc.code == "changed_on_server":
            # Collect cannot show the web form's side-by-side choice: say where to settle it instead.
            raise Refused(
                409, _("Sudah ada catatan lain di Gotong untuk ini; tidak ditimpa. Periksa dan perbaiki di web Gotong.")
            ) from exc
        raise Refused(409, exc.message) from exc
    logger.info(
        "odk submission form=%s instance=%s user=%s created=%s",
        form.form_id,
        instance.instance_id,
        user.pk,
        result.created,
    )
    return Received(created=result.created, summary=result.summary)
