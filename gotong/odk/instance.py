"""Reading a form instance as ODK Collect sends it: `<data id="form" version="v">…<meta><instanceID>uuid:…`."""

import dataclasses
import uuid
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeElementTree
from defusedxml.common import DefusedXmlException
from django.utils.translation import gettext as _


class InvalidInstance(ValueError):
    """The submission is not a readable form instance; the message is shown on the phone."""


@dataclasses.dataclass(frozen=True)
class Instance:
    form_id: str
    version: str
    instance_id: uuid.UUID
    root: Element  # namespaces stripped from every tag

    def text(self, name: str, parent: Element | None = None) -> str:
        """The trimmed text of the first child `name` (of the root or `parent`); "" when absent or empty."""
        element = (self.root if parent is None else parent).find(name)
        return (element.text or "").strip() if element is not None else ""

    def repeats(self, name: str) -> list[Element]:
        return self.root.findall(name)


def _strip_namespaces(root: Element) -> None:
    for element in root.iter():
        if isinstance(element.tag, str) and "}" in element.tag:
            element.tag = element.tag.rsplit("}", 1)[1]


def _instance_id(root: Element) -> uuid.UUID:
    element = root.find("meta/instanceID")
    raw = (element.text or "").strip() if element is not None else ""
    try:
        return uuid.UUID(raw.removeprefix("uuid:"))
    except ValueError as exc:
        raise InvalidInstance(_("Kiriman tanpa meta/instanceID yang sah; kirim ulang dari ODK Collect.")) from exc


def parse_instance(data: bytes) -> Instance:
    """Parse safely (no DTDs or entities) and pick out the form id, version and instance id."""
    try:
        root = SafeElementTree.fromstring(data, forbid_dtd=True)
    except (SafeElementTree.ParseError, DefusedXmlException, ValueError) as exc:
        raise InvalidInstance(_("Berkas kiriman bukan XML formulir yang dapat dibaca.")) from exc
    _strip_namespaces(root)
    form_id = (root.get("id") or "").strip()
    if not form_id:
        raise InvalidInstance(_("Kiriman tidak menyebut formulirnya (atribut id hilang)."))
    return Instance(
        form_id=form_id, version=(root.get("version") or "").strip(), instance_id=_instance_id(root), root=root
    )
