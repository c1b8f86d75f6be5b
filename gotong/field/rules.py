"""Value rules for field entries that the forms on the phone also hold, refused on the server with Indonesian text.

The offline web forms and ODK Collect check these on the phone (`<select>` lists, the XForms' choice lists), but a
stale form, another tool or a hand-made request can send anything: the server refuses, it never bends a value
into a listed one. Each kind in `gotong.field.services.kinds` reads its payload through these, so the field sync
and ODK (whose payloads are mapped onto the same kinds) get the same answer. Rules about the record itself (no
future date, attendance only once an event was held) live in the services every path calls:
`gotong.core.validation.not_in_future` / `already_held`.

New kinds reuse them:  `measure = rules.choice(payload, "measure", Measure, label=_("Cara ukur"))`,
`oedema = rules.yes_no(payload, "oedema", label=_("Edema"), default=False)`.
"""

from django.core.exceptions import ValidationError
from django.db.models import Choices
from django.utils.translation import gettext as _

SHOWN_VALUE = 40  # a refused value is echoed back to the phone, cut short


def shown_value(value) -> str:
    text = str(value)
    return text if len(text) <= SHOWN_VALUE else text[: SHOWN_VALUE - 1] + "…"


def choice(payload: dict, name: str, choices: type[Choices], *, label: str, required: bool = False) -> str:
    """One of `choices`' values, or "" when empty and not required; anything else is refused, naming it."""
    value = payload.get(name)
    if value in (None, ""):
        if required:
            raise ValidationError({name: _("%(label)s wajib dipilih.") % {"label": label}}, code="required")
        return ""
    if not isinstance(value, str) or value not in choices.values:
        listed = ", ".join(str(text) for text in choices.labels)
        message = _('%(label)s: pilihan "%(value)s" tidak dikenal; pilih salah satu dari: %(listed)s.') % {
            "label": label,
            "value": shown_value(value),
            "listed": listed,
        }
        raise ValidationError({name: message}, code="invalid_choice")
    return value


def yes_no(payload: dict, name: str, *, label: str, default: bool) -> bool:
    """A yes/no answer as JSON true/false (ODK's "yes"/"no" are mapped before); absent is `default`."""
    value = payload.get(name)
    if value is None:
        return default
    if not isinstance(value, bool):
        message = _('%(label)s: jawaban "%(value)s" tidak dikenal; jawab ya atau tidak.') % {
            "label": label,
            "value": shown_value(value),
        }
        raise ValidationError({name: message}, code="invalid_choice")
    return value
