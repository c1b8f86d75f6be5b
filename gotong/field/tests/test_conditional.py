"""A repeat open on a working connection downloads a 304, per user; what is sent is gzipped (issue 19)."""

import datetime
import gzip
import uuid

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db
WEIGHING_DATA = "/api/v1/lapangan/data/weighing/"
SUBMIT = "/api/v1/lapangan/kiriman/"


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_reference_data_answer_304_until_they_change(cadre, child, posyandu):
    from gotong.posyandu import services

    services.open_session(posyandu=posyandu, held_on=datetime.date.today(), acting_user=cadre)
    client = logged_in(cadre)
    first = client.get(WEIGHING_DATA)
    tag = first["ETag"]
    assert first.status_code == 200 and tag and "private" in first["Cache-Control"]
    again = client.get(WEIGHING_DATA, HTTP_IF_NONE_MATCH=tag)
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == tag

    # The child is weighed (from another phone): the data the cadre sees changed, so the tag does too.
    payload = {"child": str(child.public_id), "measured_on": datetime.date.today().isoformat(), "weight_kg": "9,5"}
    sent = client.post(
        SUBMIT, {"kind": "weighing", "key": str(uuid.uuid4()), "payload": payload}, content_type="application/json"
    )
    assert sent.status_code == 201, sent.content
    changed = client.get(WEIGHING_DATA, HTTP_IF_NONE_MATCH=tag)
    assert changed.status_code == 200 and changed["ETag"] != tag
    assert changed.json()["posyandus"][0]["children"][0]["weighed"]["weight_kg"] == "9.50"


def test_another_users_tag_never_gets_a_304(cadre, other_cadre, child, posyandu):
    """A phone shared by two cadres: the browser holds the first one's copy and tag; the second gets their own."""
    tag = logged_in(cadre).get(WEIGHING_DATA)["ETag"]
    other = logged_in(other_cadre).get(WEIGHING_DATA, HTTP_IF_NONE_MATCH=tag)
    assert other.status_code == 200 and other["ETag"] != tag
    assert other.json()["posyandus"][0]["children"] == []


def test_json_is_gzipped_and_the_weakened_tag_still_matches(cadre, posyandu):
    from gotong.posyandu.models import Child
    from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

    # Six children: big enough to gain from gzip (a tiny answer is sent plain).
    household = HouseholdFactory(area=rt_in("21.72.03.1005", 2, 1))
    for key in "ABCDEF":
        birth = datetime.date.today() - datetime.timedelta(days=400)
        person = PersonFactory(household=household, name=f"Anak {key}", relationship="anak", birth_date=birth)
        Child.objects.create(posyandu=posyandu, person=person, registered_on=birth)
    client = logged_in(cadre)
    zipped = client.get(WEIGHING_DATA, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert zipped["Content-Encoding"] == "gzip" and "Accept-Encoding" in zipped["Vary"]
    assert b"Anak A" in gzip.decompress(zipped.content)
    tag = zipped["ETag"]
    assert tag.startswith('W/"')  # GZipMiddleware weakens it (RFC 9110: the bytes differ from the plain answer)
    assert client.get(WEIGHING_DATA, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=tag).status_code == 304


def test_form_shell_answers_304_although_its_csrf_token_is_new_each_time(cadre, other_cadre):
    client = logged_in(cadre)
    first = client.get("/lapangan/timbang/")
    second = client.get("/lapangan/timbang/")
    assert first.status_code == second.status_code == 200
    assert first.content != second.content  # the masked CSRF token differs on every render
    assert first["ETag"] == second["ETag"]
    assert client.get("/lapangan/timbang/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    # Each form has its own tag, and so has each user (the page carries the user's id and CSRF secret).
    assert client.get("/lapangan/setoran/")["ETag"] != first["ETag"]
    other = logged_in(other_cadre).get("/lapangan/timbang/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert other.status_code == 200


def test_pages_are_gzipped(cadre):
    page = logged_in(cadre).get("/lapangan/timbang/", HTTP_ACCEPT_ENCODING="gzip")
    assert page["Content-Encoding"] == "gzip"
    assert "Penimbangan" in gzip.decompress(page.content).decode()


def test_service_worker_update_check_is_a_304():
    client = Client()
    first = client.get("/lapangan/sw.js")
    assert first.status_code == 200
    assert client.get("/lapangan/sw.js", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
