"""What a phone shows for a conflict: the form's labels, its own values beside the server's, in Indonesian."""

import uuid

import pytest
from rest_framework.test import APIClient

from gotong.field.services import SubmissionConflict, apply_submission
from gotong.field.tests.test_services import deposit_payload, visit_payload, weighing_payload
from gotong.posyandu.models import Weighing

pytestmark = pytest.mark.django_db
SUBMIT = "/api/v1/lapangan/kiriman/"


def conflict_of(*args, **kwargs) -> SubmissionConflict:
    with pytest.raises(SubmissionConflict) as caught:
        apply_submission(*args, **kwargs)
    return caught.value


def by_label(conflict) -> dict:
    return {row["label"]: (row["mine"], row["server"], row["differs"]) for row in conflict.rows}


def test_a_weighing_conflict_names_the_fields_and_shows_both_weights_with_a_comma(cadre, child, march):
    apply_submission(cadre, "weighing", uuid.uuid4(), weighing_payload(child, kg="9.5"))
    conflict = conflict_of(cadre, "weighing", uuid.uuid4(), weighing_payload(child, kg="9,8"), base_version="")
    rows = by_label(conflict)
    assert rows["Berat badan (kg)"] == ("9,8", "9,5", True)
    assert rows["Tanggal ukur"] == ("10 Mar 2026", "10 Mar 2026", False)
    assert rows["Cara ukur"] == ("Telentang", "Telentang", False)
    assert rows["Edema (bengkak kedua punggung kaki)"] == ("Tidak", "Tidak", False)
    assert not any("_" in label for label in rows)  # no raw names such as weight_kg


def test_a_deposit_conflict_shows_the_phones_old_price_and_the_new_one(staff, member, categories):
    pet = categories["pet"]
    conflict = conflict_of(staff, "deposit", uuid.uuid4(), deposit_payload(member, categories, kg="2"),
                           base_version=f"{pet.pk}:3000")  # fmt: skip
    rows = by_label(conflict)
    assert rows[f"Harga per kg: {pet.name}"] == ("Rp3.000", "Rp3.500", True)
    assert rows["Nilai setoran"] == ("Rp6.000", "Rp7.000", True)


def test_a_visit_conflict_shows_the_adherence_choice_by_name(facilitator, tb_case):
    apply_submission(facilitator, "visit", uuid.uuid4(), visit_payload(tb_case))
    changed = visit_payload(tb_case, next_step="rujuk", adherence="no")
    conflict = conflict_of(facilitator, "visit", uuid.uuid4(), changed)
    rows = by_label(conflict)
    assert rows["Rencana berikutnya"] == ("rujuk", "antar ke puskesmas", True)
    assert rows["Kepatuhan minum obat"] == ("Tidak minum obat", "Ya, minum obat sesuai resep", True)
    assert rows["Tanggal kunjungan"][2] is False


def test_the_api_sends_the_rows_with_the_conflict(cadre, child, march):
    client = APIClient()
    client.force_authenticate(cadre)
    apply_submission(cadre, "weighing", uuid.uuid4(), weighing_payload(child, kg="9.5"))
    sent = {"kind": "weighing", "key": str(uuid.uuid4()), "payload": weighing_payload(child, kg="9.9"),
            "base_version": "", "user": cadre.pk}  # fmt: skip
    error = client.post(SUBMIT, sent, format="json").json()["error"]
    assert {"label": "Berat badan (kg)", "mine": "9,9", "server": "9,5", "differs": True}.items() <= next(
        row for row in error["rows"] if row["name"] == "weight_kg"
    ).items()


def test_an_entry_from_another_users_queue_is_refused_and_not_recorded(cadre, admin_user, child, march):
    client = APIClient()
    client.force_authenticate(admin_user)  # the phone's session now belongs to someone else
    sent = {"kind": "weighing", "key": str(uuid.uuid4()), "payload": weighing_payload(child), "user": cadre.pk}
    response = client.post(SUBMIT, sent, format="json")
    assert response.status_code == 403 and response.json()["error"]["code"] == "other_user"
    assert "pengguna lain" in response.json()["error"]["message"]
    assert not Weighing.objects.exists()
