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
from gotong.field.rules import shown_value
from gotong.field.services import SubmissionConflict, apply_submission
from gotong.odk.catalog import FORMS, build
from gotong.odk.instance import InvalidInstance, parse_instance
from gotong.odk.payloads import MAPPERS
from gotong.odk.rules import check_choices

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


def _refuse_attachments(form, attachments) -> None:
    # No Gotong form takes a file: none of the XLSForms has an image question, and a photo Collect attaches anyway
    # (an edited form, another client) would be kept where no page shows it. Weighing: a KMS/KIA page photo carries
    # the child's name and health data, and the numbers it shows are typed in the form. Visit: a photo inside a
    # TB patient's home is health data with no consent for it in casework. Deposit and attendance: the weight and
    # the list are the record. So the whole submission is refused with the reason, never accepted with the photo
    # silently dropped; a form that gains a photo question must store it scoped to its record first.
    if attachments:
        names = ", ".join(sorted(shown_value(name) for name in attachments))
        raise Refused(
            400,
            _(
                "Formulir %(form)s tidak menerima foto atau lampiran (%(files)s), jadi kiriman ini tidak disimpan. "
                "Hapus lampirannya, lalu kirim lagi."
            )
            % {"form": form.title, "files": names},
        )


def receive_submission(user, xml: bytes, attachments: tuple[str, ...] = ()) -> Received:
    """Record one instance exactly once, or raise `Refused` saying why. `attachments` are the names of the other
    files Collect posted with the instance (photos)."""
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
    _refuse_attachments(form, attachments)
    try:
        check_choices(build(form.form_id).selects, instance.root)
    except ValidationError as exc:
        raise Refused(400, _messages(exc)) from exc
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
