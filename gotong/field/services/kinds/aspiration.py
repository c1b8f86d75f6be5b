"""An aspiration or complaint written on a phone without signal (participation.services.aspirations).

The field app's key makes it one aspiration however often the queue is resent; there is nothing to correct
(an aspiration is answered, not edited), so `base_version` is not used. No photo offline: the page takes one.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from gotong.field import recordable, rules
from gotong.field.services.common import Outcome, text
from gotong.participation.models import Aspiration
from gotong.participation.services.aspirations import raise_aspiration


def _outcome(aspiration: Aspiration) -> Outcome:
    summary = _("Aspirasi %(number)s diterima") % {"number": aspiration.number}
    data = {"number": aspiration.number, "deadline": aspiration.deadline.isoformat()}
    return Outcome("participation.aspiration", str(aspiration.public_id), aspiration.updated_at.isoformat(), summary,
                   data)  # fmt: skip


def apply(user, payload: dict, base_version: str | None, key) -> Outcome:
    code = text(payload, "area", limit=40)
    area = None
    if code:
        area = recordable.recordable(user, "aspiration").filter(code=code).first()
        if area is None:
            raise PermissionDenied(_("RT ini tidak ada dalam wilayah Anda."))
    aspiration = raise_aspiration(
        category=text(payload, "category", limit=20),
        text=text(payload, "text"),
        area=area,
        is_public=rules.yes_no(payload, "is_public", label=_("Boleh dibaca umum"), default=True),
        acting_user=user,
    )
    return _outcome(aspiration)
