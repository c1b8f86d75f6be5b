"""The sync endpoints the phones call: status codes a client can act on, and scoped reference data."""

import datetime
import uuid

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from gotong.posyandu.models import Weighing

pytestmark = pytest.mark.django_db
SUBMIT = "/api/v1/lapangan/kiriman/"


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def body(child, kg="9.5", **extra):
    payload = {"child": str(child.public_id), "measured_on": "2026-03-10", "weight_kg": kg}
    return {"kind": "weighing", "key": str(uuid.uuid4()), "payload": payload, **extra}


def test_urls_are_where_the_forms_expect_them():
    assert reverse("api:field:submit") == SUBMIT
    assert reverse("api:field:reference", args=["weighing"]) == "/api/v1/lapangan/data/weighing/"


def test_a_retry_answers_200_with_the_first_result(cadre, child, march):
    client = client_for(cadre)
    sent = body(child)
    first = client.post(SUBMIT, sent, format="json")
    again = client.post(SUBMIT, sent, format="json")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["record"] == first.json()["record"] and again.json()["created"] is False
    assert Weighing.objects.count() == 1


def test_a_conflict_is_409_with_the_server_values(cadre, child, march):
    client = client_for(cadre)
    client.post(SUBMIT, body(child, kg="9.5"), format="json")
    response = client.post(SUBMIT, body(child, kg="9.9", base_version=""), format="json")
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "changed_on_server"
    assert response.json()["error"]["server"]["weight_kg"] == "9.50"


def test_scope_and_validation_errors_are_clear(other_cadre, cadre, child, march):
    denied = client_for(other_cadre).post(SUBMIT, body(child), format="json")
    denial = denied.json()["error"]
    assert denied.status_code == 403 and denial["code"] == "scope" and "lingkup" in denial["message"]
    bad = client_for(cadre).post(SUBMIT, body(child, kg="95"), format="json")
    problem = bad.json()["error"]
    assert bad.status_code == 400 and "0,5–40" in problem["message"] and "weight_kg" in problem["fields"]


def test_anonymous_is_refused(child, march):
    assert APIClient().post(SUBMIT, body(child), format="json").status_code in (401, 403)


def test_session_clients_need_the_csrf_token(cadre, child, march):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(cadre)
    assert client.post(SUBMIT, body(child), format="json").status_code == 403
    assert not Weighing.objects.exists()


def test_reference_data_hold_only_the_cadres_children_and_no_nik(cadre, other_cadre, child, family, posyandu):
    from gotong.posyandu import services

    services.open_session(posyandu=posyandu, held_on=datetime.date.today(), acting_user=cadre)
    data = client_for(cadre).get("/api/v1/lapangan/data/weighing/").json()
    (kenanga,) = data["posyandus"]
    assert [c["name"] for c in kenanga["children"]] == ["Rizky Hasan"]
    assert kenanga["session"] is not None and kenanga["children"][0]["version"] == ""
    assert family["boy"].nik not in str(data)
    assert client_for(other_cadre).get("/api/v1/lapangan/data/weighing/").json()["posyandus"][0]["children"] == []


def test_reference_data_for_each_form(staff, member, categories, facilitator, tb_case, bkm_staff, event, residents):
    deposit = client_for(staff).get("/api/v1/lapangan/data/deposit/").json()
    # Each member as the form's picker shows it (read from three columns, not from model instances).
    assert deposit["banks"][0]["members"] == [{"id": str(member.public_id), "number": member.number, "name": "Halimah"}]
    assert {c["name"] for c in deposit["banks"][0]["categories"]} == {"Botol PET", "Kardus", "Besi"}
    visit = client_for(facilitator).get("/api/v1/lapangan/data/visit/").json()
    assert [c["name"] for c in visit["cases"]] == ["Raja Ali"]
    assert "resisten" not in str(visit)  # the health condition stays on the server
    assert client_for(staff).get("/api/v1/lapangan/data/nope/").status_code == 404


def test_offline_immunisation_is_recorded_once_and_checked_against_the_schedule(cadre, other_cadre, child, march):
    """Rizky (born 10 Jan 2025): BCG and polio 1 from the phone's queue; a retry records nothing twice."""
    from gotong.posyandu.models import Immunisation

    client = client_for(cadre)
    payload = {"child": str(child.public_id), "given_on": "2026-03-10", "doses": ["bcg:1", "polio:1"]}
    sent = {"kind": "immunisation", "key": str(uuid.uuid4()), "payload": payload}
    # BCG is for infants only: at 14 months it is refused, and polio 1 with it (all or nothing).
    refused = client.post(SUBMIT, sent, format="json")
    assert refused.status_code == 400 and "batas umur" in refused.json()["error"]["message"]
    assert Immunisation.objects.count() == 0
    payload["doses"] = ["polio:1", "dpt_hb_hib:1"]
    sent = {"kind": "immunisation", "key": str(uuid.uuid4()), "payload": payload}
    first = client.post(SUBMIT, sent, format="json")
    again = client.post(SUBMIT, sent, format="json")
    assert (first.status_code, again.status_code) == (201, 200)
    assert set(Immunisation.objects.values_list("vaccine", "session_id")) == {
        ("polio", march.pk),
        ("dpt_hb_hib", march.pk),
    }
    future = {**payload, "given_on": "2999-01-01", "doses": ["polio:2"]}
    late = client.post(SUBMIT, {"kind": "immunisation", "key": str(uuid.uuid4()), "payload": future}, format="json")
    assert late.status_code == 400 and "setelah hari ini" in late.json()["error"]["message"]
    stranger = {"kind": "immunisation", "key": str(uuid.uuid4()), "payload": payload}
    assert client_for(other_cadre).post(SUBMIT, stranger, format="json").status_code == 403
    reference = client.get("/api/v1/lapangan/data/immunisation/").json()
    [row] = [c for p in reference["posyandus"] for c in p["children"]]
    assert "polio:2" in [d["id"] for d in row["doses"]]
