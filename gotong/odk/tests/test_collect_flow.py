"""The whole round trip as ODK Collect does it: list → download form and media → fill the form's own instance →
submit. Filling the instance taken from the downloaded XForm proves the XLSForm and the payload mapping agree."""

import copy
import csv
import io
import uuid
from xml.etree import ElementTree

from django.utils import timezone

from gotong.odk.tests.conftest import OPENROSA, key_url
from gotong.posyandu import services as posyandu_services
from gotong.posyandu.models import Immunisation, Weighing
from gotong.wastebank.models import Deposit

XF = "{http://www.w3.org/2002/xforms}"
LIST = "{http://openrosa.org/xforms/xformsList}"
MANIFEST = "{http://openrosa.org/xforms/xformsManifest}"
TEMPLATE = "{http://openrosa.org/javarosa}template"


def _download(client, user, form_id) -> tuple[ElementTree.Element, dict[str, list[dict]]]:
    listing = ElementTree.fromstring(client.get(key_url(user, "formList"), **OPENROSA).content)
    entry = next(x for x in listing.iter(f"{LIST}xform") if x.findtext(f"{LIST}formID") == form_id)
    xform = ElementTree.fromstring(client.get(entry.findtext(f"{LIST}downloadUrl")).content)
    manifest = ElementTree.fromstring(client.get(entry.findtext(f"{LIST}manifestUrl")).content)
    media = {
        m.findtext(f"{MANIFEST}filename"): list(
            csv.DictReader(io.StringIO(client.get(m.findtext(f"{MANIFEST}downloadUrl")).content.decode()))
        )
        for m in manifest.iter(f"{MANIFEST}mediaFile")
    }
    return xform, media


def _fill(xform, values: dict) -> bytes:
    """Collect's output: the primary instance without templates, answers filled in, a fresh instanceID."""
    primary = copy.deepcopy(xform.find(f".//{XF}model/{XF}instance")[0])
    for element in primary.iter():
        element.tag = element.tag.removeprefix(XF)
    for name, value in values.items():
        if isinstance(value, list):  # a repeat: one copy of the group per answer
            groups = primary.findall(name)
            group = next(g for g in groups if g.get(TEMPLATE) is None)
            for g in groups:
                primary.remove(g)
            for answers in value:
                copy_ = copy.deepcopy(group)
                for child_name, child_value in answers.items():
                    copy_.find(child_name).text = child_value
                primary.insert(len(primary) - 1, copy_)
        else:
            primary.find(name).text = value
    primary.find("meta/instanceID").text = f"uuid:{uuid.uuid4()}"
    return ElementTree.tostring(primary, encoding="utf-8", xml_declaration=True)


def test_weighing_round_trip(client, collect, cadre, child, posyandu):
    posyandu_services.open_session(posyandu=posyandu, held_on=timezone.localdate(), acting_user=cadre)
    xform, media = _download(client, cadre, "gotong_penimbangan")
    chosen = media["anak.csv"][0]["name"]
    xml = _fill(xform, {"child": chosen, "measured_on": timezone.localdate().isoformat(), "weight_kg": "10.2"})
    assert collect(cadre, xml).status_code == 201
    assert Weighing.objects.get().child == child


def test_immunisation_round_trip(client, collect, cadre, child):
    """Rizky (born 10 Jan 2025): BCG and polio 1 ticked together in Collect, checked and recorded by the server."""
    xform, media = _download(client, cadre, "gotong_imunisasi")
    chosen = media["anak.csv"][0]["name"]
    xml = _fill(xform, {"child": chosen, "given_on": "2025-02-10", "doses": "bcg:1 polio:1", "place": "puskesmas"})
    assert collect(cadre, xml).status_code == 201
    assert sorted(Immunisation.objects.filter(child=child).values_list("vaccine", "dose", "place")) == [
        ("bcg", 1, "puskesmas"),
        ("polio", 1, "puskesmas"),
    ]
    # Polio 3 without polio 2: refused with the schedule's reason, nothing recorded.
    refused = collect(cadre, _fill(xform, {"child": chosen, "given_on": "2025-04-10", "doses": "polio:3"}))
    assert refused.status_code == 400
    assert "belum tercatat" in refused.content.decode()
    assert Immunisation.objects.filter(child=child).count() == 2


def test_deposit_round_trip(client, collect, staff, member, categories):
    xform, media = _download(client, staff, "gotong_setoran_sampah")
    lines = [{"category": row["name"], "weight_kg": "0.5"} for row in media["jenis.csv"]]
    values = {"member": media["anggota.csv"][0]["name"], "occurred_on": timezone.localdate().isoformat()}
    assert collect(staff, _fill(xform, {**values, "line": lines})).status_code == 201
    assert Deposit.objects.get(member=member).total_grams == 1_500
