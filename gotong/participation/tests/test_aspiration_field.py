"""An aspiration from the offline field app: one idempotent door (`apply_submission`), scoped like the page."""

import datetime
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gotong.field import recordable, reference
from gotong.field.services import SubmissionConflict, apply_submission
from gotong.participation.models import Aspiration

PAYLOAD = {"category": "waste", "area": "", "text": "Bak sampah penuh sejak Senin.", "is_public": True}


def test_sent_twice_it_is_recorded_once(resident, bugis_rt):
    key = uuid.uuid4()
    first = apply_submission(resident, "aspiration", key, PAYLOAD)
    again = apply_submission(resident, "aspiration", key, PAYLOAD)
    assert first.created and not again.created and first.record == again.record
    (aspiration,) = Aspiration.objects.all()
    assert aspiration.area == bugis_rt and aspiration.raised_for == resident.person
    assert first.data["number"] == aspiration.number
    with pytest.raises(SubmissionConflict):  # the same key for another text is refused, nothing written
        apply_submission(resident, "aspiration", key, {**PAYLOAD, "text": "Lain"})
    assert Aspiration.objects.count() == 1


def test_the_form_offers_the_residents_kelurahan_and_refuses_other_rts(resident, bugis_rt, far_rt, partner):
    data = reference.aspiration_data(resident, datetime.date(2026, 3, 2))
    assert data["rts"][0]["id"] == bugis_rt.code  # her own RT first
    assert far_rt.code not in {row["id"] for row in data["rts"]}
    assert "aspiration" in recordable.kinds_for(resident)
    assert "aspiration" not in recordable.kinds_for(partner)
    with pytest.raises(PermissionDenied):
        apply_submission(resident, "aspiration", uuid.uuid4(), {**PAYLOAD, "area": far_rt.code})
    with pytest.raises(ValidationError):
        apply_submission(resident, "aspiration", uuid.uuid4(), {**PAYLOAD, "category": "bukan"})
    assert not Aspiration.objects.exists()
