"""The load mix's field worker can really submit: the same requests locust sends, through the test client."""

import json
import random

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from gotong.accounts.models import User
from gotong.bench.load import payloads
from gotong.bench.load.field import prepare_field_users
from gotong.bench.synthetic.store import generate_city
from gotong.wastebank.models import Deposit

pytestmark = pytest.mark.django_db
CITY = "21.72"


@pytest.fixture
def fields(areas):
    generate_city(2500, seed=11, city_code=CITY, until=timezone.localdate())
    return json.loads(prepare_field_users(CITY, banks=2))


@pytest.fixture
def field(fields):
    return fields[0]


def test_generated_field_worker_gets_the_forms_data_and_books_deposits_by_sync_and_odk(field):
    client = Client(enforce_csrf_checks=True)  # as locust: a session cookie and a token, never a CSRF token
    client.cookies["sessionid"] = field["session"]
    api = {"HTTP_AUTHORIZATION": f"Token {field['token']}"}
    rng, today = random.Random(7), timezone.localdate()

    assert client.get("/lapangan/setoran/").status_code == 200
    data = client.get("/api/v1/lapangan/data/deposit/", **api).json()
    assert [bank["id"] for bank in data["banks"]] == [str(field["bank"])]
    assert len(field["members"]) > 5 and len(field["categories"]) >= 2

    before = Deposit.objects.filter(bank_id=field["bank"]).count()
    body = payloads.sync_deposit(field, rng, today)
    sent = client.post("/api/v1/lapangan/kiriman/", body, content_type="application/json", **api)
    assert sent.status_code == 201, sent.content
    again = client.post("/api/v1/lapangan/kiriman/", body, content_type="application/json", **api)
    assert again.status_code == 200  # the same key never books twice

    odk = {"HTTP_X_OPENROSA_VERSION": "1.0"}
    assert client.get(f"/odk/key/{field['odk_token']}/formList", **odk).status_code == 200
    upload = SimpleUploadedFile("submission.xml", payloads.odk_deposit(field, rng, today), content_type="text/xml")
    response = client.post(f"/odk/key/{field['odk_token']}/submission", {"xml_submission_file": upload}, **odk)
    assert response.status_code == 201, response.content
    assert Deposit.objects.filter(bank_id=field["bank"]).count() == before + 2

    prepare_field_users(CITY, banks=2)  # a second load run reuses the workers
    assert User.objects.filter(username__startswith="bench_petugas").count() == 2


def test_each_field_worker_manages_its_own_bank_and_reaches_no_other(fields):
    """The field users book at different banks (no queue on one bank's lock that no city would see)."""
    assert len({field["bank"] for field in fields}) == 2
    for field, other in (fields, reversed(fields)):
        data = Client().get("/api/v1/lapangan/data/deposit/", HTTP_AUTHORIZATION=f"Token {field['token']}").json()
        assert [bank["id"] for bank in data["banks"]] == [str(field["bank"])]
        assert not set(field["members"]) & set(other["members"])
