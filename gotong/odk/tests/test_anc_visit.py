"""A pregnant woman's visit sent from ODK Collect and from the offline field form lands once, through the same
service rules; another posyandu's cadre gets neither the woman in their lists nor the visit."""

import csv
import datetime
import io
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from gotong.field import reference
from gotong.field.services import apply_submission
from gotong.odk import catalog
from gotong.odk.tests.conftest import instance_id, key_url
from gotong.posyandu.models.pregnancy import AncVisit
from gotong.posyandu.pregnancy import services

VISIT = """<?xml version='1.0' ?><data id="gotong_periksa_hamil" version="{version}" \
xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms"><pregnancy>{pregnancy}</pregnancy>\
<woman_name>Siti Aminah</woman_name><visited_on>{day}</visited_on><place>posyandu</place>\
<provider>Bidan Rina</provider>\
<weight_kg>56.5</weight_kg><muac_cm>22.9</muac_cm><hb_g_dl /><systolic>120</systolic><diastolic>80</diastolic>\
<iron_tablets>30</iron_tablets><notes /><meta><instanceID>{instance}</instanceID>\
<instanceName>Siti Aminah {day}</instanceName></meta></data>"""


@pytest.fixture
def pregnancy(posyandu, family, cadre):
    lmp = timezone.localdate() - datetime.timedelta(weeks=10)
    return services.register_pregnancy(posyandu=posyandu, person=family["mother"], lmp=lmp, acting_user=cadre)


def _xml(pregnancy, instance) -> str:
    version = catalog.build("gotong_periksa_hamil").version
    day = timezone.localdate().isoformat()
    return VISIT.format(version=version, pregnancy=pregnancy.public_id, day=day, instance=instance)


def test_cadre_sends_a_visit_from_collect_once(client, collect, cadre, pregnancy):
    assert "gotong_periksa_hamil" in client.get(key_url(cadre, "formList")).content.decode()
    listed = client.get(key_url(cadre, "forms/gotong_periksa_hamil/media/ibu_hamil.csv")).content.decode()
    assert [r["name"] for r in csv.DictReader(io.StringIO(listed))] == [str(pregnancy.public_id)]
    xml = _xml(pregnancy, instance_id())
    assert collect(cadre, xml).status_code == 201
    visit = AncVisit.objects.get()
    assert (visit.place, str(visit.muac_cm), visit.systolic, visit.trimester) == ("posyandu", "22.9", 120, 1)
    assert collect(cadre, xml).status_code == 202
    assert AncVisit.objects.count() == 1


def test_other_cadre_gets_no_woman_and_cannot_send(client, collect, other_cadre, pregnancy):
    listed = client.get(key_url(other_cadre, "forms/gotong_periksa_hamil/media/ibu_hamil.csv")).content.decode()
    assert str(pregnancy.public_id) not in listed
    assert collect(other_cadre, _xml(pregnancy, instance_id())).status_code == 403
    assert not AncVisit.objects.exists()


def test_field_form_sync_is_idempotent_and_checked(cadre, other_cadre, pregnancy):
    data = reference.BUILDERS["anc_visit"](cadre, timezone.localdate())
    women = data["posyandus"][0]["women"]
    assert [w["id"] for w in women] == [str(pregnancy.public_id)] and "muac_cm" not in women[0]
    key = uuid.uuid4()
    payload = {
        "pregnancy": str(pregnancy.public_id),
        "visited_on": timezone.localdate().isoformat(),
        "place": "bidan",
        "hb_g_dl": "10,4",
        "systolic": "150",
        "diastolic": "95",
    }
    first = apply_submission(cadre, "anc_visit", key, payload)
    again = apply_submission(cadre, "anc_visit", key, payload)
    assert first.created and not again.created and AncVisit.objects.count() == 1
    with pytest.raises(ValidationError):
        bad = {
            **payload,
            "place": "pasar",
            "visited_on": (timezone.localdate() + datetime.timedelta(days=1)).isoformat(),
        }
        apply_submission(cadre, "anc_visit", uuid.uuid4(), bad)
    with pytest.raises(PermissionDenied):
        apply_submission(other_cadre, "anc_visit", uuid.uuid4(), payload)
