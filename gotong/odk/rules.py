"""What an ODK form's own definition promises, held on the server: a select's answer is one of its listed choices.

Collect only lets a user pick listed choices, but a stale or edited form, another OpenRosa client or a hand-made
POST can send anything ("maybe" for oedema). Before an instance is mapped onto a field payload, every select with a
fixed list in the XLSForm (`choices` sheet) is checked here, so a new form (immunisation, pregnant women …) is held
to its own lists without code of its own. Selects whose lists are per-user files (`select_one_from_file anak.csv`)
name records, and the field service checks those against what the user may record (`gotong.field.recordable`).
Rules about values themselves (no future dates, ranges) are the field and domain services' own: every path calls
them.
"""

import dataclasses
from xml.etree.ElementTree import Element

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from gotong.field.rules import shown_value

LANGUAGE = "Bahasa Indonesia (id)"  # the forms' default language, the one the messages quote
SELECT_MULTIPLE = "select all that apply"


@dataclasses.dataclass(frozen=True)
class Select:
    path: str  # below the instance root, through groups and repeats: "line/category"
    label: str
    values: frozenset[str]
    multiple: bool


def _label(node: dict) -> str:
    label = node.get("label") or node["name"]
    if isinstance(label, dict):
        return label.get(LANGUAGE) or next(iter(label.values()), node["name"])
    return str(label)


def static_selects(survey: dict) -> tuple[Select, ...]:
    """The selects with a fixed choice list in pyxform's form structure (`ConvertResult._pyxform`)."""
    found = []

    def walk(node: dict, path: tuple[str, ...]) -> None:
        for child in node.get("children", ()):
            here = (*path, child["name"])
            if child.get("children"):
                walk(child, here)
            elif child.get("type", "").startswith("select") and child.get("choices"):
                values = frozenset(str(c["name"]) for c in child["choices"])
                found.append(Select("/".join(here), _label(child), values, child["type"] == SELECT_MULTIPLE))

    walk(survey, ())
    return tuple(found)


def check_choices(selects: tuple[Select, ...], root: Element) -> None:
    """ValidationError naming the question and the value when an answer is not in its list (empty is left to the
    services' "required")."""
    for select in selects:
        for element in root.findall(select.path):
            answer = (element.text or "").strip()
            for value in answer.split() if select.multiple else ([answer] if answer else []):
                if value not in select.values:
                    message = _(
                        '%(label)s: pilihan "%(value)s" tidak ada dalam daftar formulir. Perbarui formulir di '
                        "ODK Collect, pilih lagi, lalu kirim."
                    ) % {"label": select.label, "value": shown_value(value)}
                    raise ValidationError({select.path: message}, code="invalid_choice")
