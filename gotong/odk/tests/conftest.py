"""Kenanga posyandu with its cadre and a toddler (from the posyandu tests), a waste bank with staff, categories and
a member (from the waste-bank tests), and helpers to call the OpenRosa endpoints the way ODK Collect does."""

import base64
import uuid

import pytest

from gotong.api import tokens
from gotong.casework.tests.conftest import bugis_patient, helper_colleague, tb_case  # noqa: F401
from gotong.posyandu.tests.conftest import cadre, child, family, other_cadre, other_posyandu, posyandu  # noqa: F401
from gotong.wastebank.tests.conftest import bank, categories, member, staff  # noqa: F401

OPENROSA = {"HTTP_X_OPENROSA_VERSION": "1.0"}


def token_for(user) -> str:
    # One key per user object, like the one server URL typed into a phone.
    if getattr(user, "_odk_test_key", None) is None:
        user._odk_test_key = tokens.issue_token(user, tokens.ODK_TOKEN)
    return user._odk_test_key


def basic(username: str, password: str = "rahasia-123") -> dict:
    encoded = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {encoded}", **OPENROSA}


def key_url(user, rest: str) -> str:
    return f"/odk/key/{token_for(user)}/{rest}"


def instance_id() -> str:
    return f"uuid:{uuid.uuid4()}"


@pytest.fixture
def collect(client):
    """POST an instance as Collect does: multipart with the XML in `xml_submission_file`."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    def post(user, xml: str | bytes, **headers):
        data = xml.encode() if isinstance(xml, str) else xml
        upload = SimpleUploadedFile("submission.xml", data, content_type="text/xml")
        return client.post(key_url(user, "submission"), {"xml_submission_file": upload}, **OPENROSA, **headers)

    return post
