"""A home visit logged in ODK Collect lands in casework once, and only the case team gets the form and the case."""

import csv
import io

from django.utils import timezone

from gotong.casework.models import Visit
from gotong.odk import catalog
from gotong.odk.tests.conftest import instance_id, key_url

VISIT = """<?xml version='1.0' ?><data id="gotong_kunjungan" version="{version}" \
xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms"><case>{case}</case>\
<case_name>Raja Ali (TBC)</case_name><is_tb>1</is_tb><visited_on>{day}</visited_on>\
<met_with>Pasien dan istrinya</met_with><condition>Batuk berkurang</condition><adherence>partly</adherence>\
<issues>Ongkos ke puskesmas</issues><next_step /><meta><instanceID>{instance}</instanceID>\
<instanceName>Raja Ali {day}</instanceName></meta></data>"""


def _xml(case, instance) -> str:
    version = catalog.build("gotong_kunjungan").version
    return VISIT.format(version=version, case=case.public_id, day=timezone.localdate().isoformat(), instance=instance)


def test_the_case_worker_gets_the_form_with_their_case_and_logs_a_visit_once(client, collect, facilitator, tb_case):
    assert "gotong_kunjungan" in client.get(key_url(facilitator, "formList")).content.decode()
    cases = client.get(key_url(facilitator, "forms/gotong_kunjungan/media/kasus.csv")).content.decode()
    assert [(r["name"], r["tb"]) for r in csv.DictReader(io.StringIO(cases))] == [(str(tb_case.public_id), "1")]
    xml = _xml(tb_case, instance_id())
    assert collect(facilitator, xml).status_code == 201
    visit = Visit.objects.get(case=tb_case)
    assert (visit.worker, visit.met_with, visit.adherence) == (facilitator, "Pasien dan istrinya", "partly")
    assert collect(facilitator, xml).status_code == 202
    assert Visit.objects.count() == 1


def test_a_colleague_off_the_team_gets_neither_the_form_nor_the_visit(client, collect, helper_colleague, tb_case):
    assert "gotong_kunjungan" not in client.get(key_url(helper_colleague, "formList")).content.decode()
    assert collect(helper_colleague, _xml(tb_case, instance_id())).status_code == 403
    assert not Visit.objects.exists()
