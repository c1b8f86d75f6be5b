"""OpenRosa 1.0 wire format: the headers every response carries and the small XML documents Collect reads.

Spec: https://docs.getodk.org/openrosa/ (form list, form discovery manifest, submission responses).
"""

from xml.etree import ElementTree

from django.http import HttpResponse
from django.utils.http import http_date

FORM_LIST_NS = "http://openrosa.org/xforms/xformsList"
MANIFEST_NS = "http://openrosa.org/xforms/xformsManifest"
RESPONSE_NS = "http://openrosa.org/http/response"
MAX_SUBMISSION_BYTES = 10 * 1024 * 1024  # a form instance plus a few photos; our forms send no photos yet
XML_CONTENT_TYPE = "text/xml; charset=utf-8"


def with_headers(response: HttpResponse) -> HttpResponse:
    response["X-OpenRosa-Version"] = "1.0"
    response["X-OpenRosa-Accept-Content-Length"] = str(MAX_SUBMISSION_BYTES)
    response["Date"] = http_date()
    return response


def _xml_response(root: ElementTree.Element, status: int = 200) -> HttpResponse:
    body = ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
    return with_headers(HttpResponse(body, status=status, content_type=XML_CONTENT_TYPE))


def _child(parent: ElementTree.Element, tag: str, text: str | None = None) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, tag)
    if text is not None:
        element.text = text
    return element


def form_list(entries: list[dict]) -> HttpResponse:
    """entries: dicts with form_id, name, version, md5, description, download_url, manifest_url (or None)."""
    root = ElementTree.Element("xforms", xmlns=FORM_LIST_NS)
    for entry in entries:
        xform = _child(root, "xform")
        _child(xform, "formID", entry["form_id"])
        _child(xform, "name", entry["name"])
        _child(xform, "version", entry["version"])
        _child(xform, "hash", f"md5:{entry['md5']}")
        _child(xform, "descriptionText", entry["description"])
        _child(xform, "downloadUrl", entry["download_url"])
        if entry.get("manifest_url"):
            _child(xform, "manifestUrl", entry["manifest_url"])
    return _xml_response(root)


def manifest(files: list[dict]) -> HttpResponse:
    """files: dicts with filename, md5, download_url."""
    root = ElementTree.Element("manifest", xmlns=MANIFEST_NS)
    for entry in files:
        media_file = _child(root, "mediaFile")
        _child(media_file, "filename", entry["filename"])
        _child(media_file, "hash", f"md5:{entry['md5']}")
        _child(media_file, "downloadUrl", entry["download_url"])
    return _xml_response(root)


def message(text: str, status: int, nature: str = "") -> HttpResponse:
    """An OpenRosaResponse: Collect shows the message to the person holding the phone."""
    root = ElementTree.Element("OpenRosaResponse", xmlns=RESPONSE_NS)
    element = _child(root, "message", str(text))
    if nature:
        element.set("nature", nature)
    response = _xml_response(root, status=status)
    # Django's request logger would write the path of every 4xx, and with it the device's token: the outcome is
    # logged without the path by `submissions`.
    response._has_been_logged = True
    return response
