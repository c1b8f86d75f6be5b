"""Real XForm instances, posted multipart as ODK Collect sends them, recorded once through the field service."""

import datetime

import pytest
from django.utils import timezone

from gotong.odk import catalog
from gotong.odk.tests.conftest import instance_id
from gotong.posyandu import services as posyandu_services
from gotong.posyandu.models import Weighing
from gotong.wastebank.models import Deposit

RESPONSE = "{http://openrosa.org/http/response}"

# What ODK Collect v2024 writes for our weighing form (namespaces on the root, empty optional fields kept).
WEIGHING = """<?xml version='1.0' ?><data id="gotong_penimbangan" version="{version}" \
xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms" \
xmlns:odk="http://www.opendatakit.org/xforms"><child>{child}</child>\
<child_name>Rizky Hasan (10/01/2025, Posyandu Kenanga)</child_name><measured_on>{day}</measured_on>\
<weight_kg>{weight}</weight_kg><length_cm>78.5</length_cm><measure>lying</measure><muac_cm /><oedema>no</oedema>\
<growth_card>yes</growth_card><meta><instanceID>{instance}</instanceID>\
<instanceName>Rizky Hasan {day}</instanceName></meta></data>"""

DEPOSIT = """<?xml version='1.0' ?><data id="gotong_setoran_sampah" version="{version}" \
xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms"><member>{member}</member>\
<bank>{bank}</bank><member_name>0001 Halimah</member_name><occurred_on>{day}</occurred_on>\
<line><category>{pet}</category><weight_kg>2.35</weight_kg></line>\
<line><category>{kardus}</category><weight_kg>1</weight_kg></line>\
<meta><instanceID>{instance}</instanceID><instanceName>Halimah {day}</instanceName></meta></data>"""


def _weighing_xml(child, *, instance=None, weight="9.75", day=None) -> str:
    return WEIGHING.format(
        version=catalog.build("gotong_penimbangan").version,
        child=child.public_id,
        day=(day or timezone.localdate()).isoformat(),
        weight=weight,
        instance=instance or instance_id(),
    )


def _message(response) -> str:
    from xml.etree import ElementTree

    return ElementTree.fromstring(response.content).findtext(f"{RESPONSE}message")


@pytest.fixture
def session(posyandu, cadre):
    return posyandu_services.open_session(posyandu=posyandu, held_on=timezone.localdate(), acting_user=cadre)


def test_a_weighing_instance_creates_exactly_one_weighing(collect, cadre, child, session):
    response = collect(cadre, _weighing_xml(child))
    assert response.status_code == 201, response.content
    assert response["X-OpenRosa-Version"] == "1.0"
    assert "Rizky" in _message(response)
    weighing = Weighing.objects.get(child=child)
    assert weighing.weight_kg == pytest.approx(9.75)
    assert weighing.length_cm == pytest.approx(78.5)
    assert weighing.measure == "lying"
    assert weighing.waz is not None  # z-scores derived by the posyandu service


def test_the_same_instance_sent_again_records_nothing_new(collect, cadre, child, session):
    xml = _weighing_xml(child, instance=instance_id())
    assert collect(cadre, xml).status_code == 201
    again = collect(cadre, xml)
    assert again.status_code == 202
    assert Weighing.objects.filter(child=child).count() == 1


def test_a_second_instance_with_other_values_for_the_same_month_is_a_conflict(collect, cadre, child, session):
    assert collect(cadre, _weighing_xml(child, weight="9.75")).status_code == 201
    response = collect(cadre, _weighing_xml(child, weight="10.5"))
    assert response.status_code == 409
    assert "tidak ditimpa" in _message(response)
    assert Weighing.objects.get(child=child).weight_kg == pytest.approx(9.75)  # nothing overwritten


def test_another_posyandus_cadre_cannot_weigh_kenangas_child(collect, other_cadre, child, session):
    response = collect(other_cadre, _weighing_xml(child))
    assert response.status_code == 403
    assert "lingkup" in _message(response)
    assert not Weighing.objects.exists()


def test_a_month_without_hari_buka_is_refused_with_the_reason(collect, cadre, child):
    response = collect(cadre, _weighing_xml(child))
    assert response.status_code == 400
    assert "hari buka" in _message(response)


def test_unreadable_or_keyless_instances_are_refused(collect, cadre, child):
    assert collect(cadre, "<data id='gotong_penimbangan'><child>").status_code == 400
    no_key = _weighing_xml(child).replace("<instanceID>", "<instanceID>x")
    response = collect(cadre, no_key)
    assert response.status_code == 400
    assert "instanceID" in _message(response)
    bomb = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><data id="gotong_penimbangan">&a;</data>'
    assert collect(cadre, bomb).status_code == 400


def test_a_form_the_user_may_not_use_is_refused(collect, staff, child):
    response = collect(staff, _weighing_xml(child))
    assert response.status_code == 403
    assert not Weighing.objects.exists()


def test_a_deposit_instance_with_two_lines_is_recorded_once(collect, staff, member, categories):
    xml = DEPOSIT.format(
        version=catalog.build("gotong_setoran_sampah").version,
        member=member.public_id,
        bank=member.bank_id,
        day=timezone.localdate().isoformat(),
        pet=categories["pet"].pk,
        kardus=categories["kardus"].pk,
        instance=instance_id(),
    )
    response = collect(staff, xml)
    assert response.status_code == 201, response.content
    deposit = Deposit.objects.get(member=member)
    assert deposit.total_grams == 3_350
    assert deposit.total_value == 2_350 * 3_500 // 1000 + 2_000 * 1  # Rp8.225 + Rp2.000
    assert collect(staff, xml).status_code == 202
    assert Deposit.objects.count() == 1


def test_a_deposit_for_a_member_out_of_scope_is_refused(collect, staff, categories, areas):
    from gotong.organizations.choices import OrganizationKind
    from gotong.organizations.services import create_organization
    from gotong.registry.tests.factories import PersonFactory
    from gotong.wastebank import services

    admin = type(staff).objects.create_superuser("root", password="x", role="city_officer")
    org = create_organization(name="BS Ilir", kind=OrganizationKind.WASTE_BANK, area=areas["16.71"], acting_user=admin)
    other_bank = services.set_up_bank(org, acting_user=admin)
    stranger = services.register_member(
        other_bank, person=PersonFactory(name="Orang Lain"), joined_on=datetime.date(2026, 1, 1), acting_user=admin
    )
    xml = DEPOSIT.format(
        version="x", member=stranger.public_id, bank=other_bank.pk, day=timezone.localdate().isoformat(),
        pet=categories["pet"].pk, kardus=categories["kardus"].pk, instance=instance_id(),
    )  # fmt: skip
    response = collect(staff, xml)
    assert response.status_code == 403
    assert not Deposit.objects.exists()


def test_a_refused_submission_does_not_log_the_token_or_the_values(collect, cadre, child, caplog):
    from gotong.odk.tests.conftest import token_for

    with caplog.at_level("DEBUG"):
        assert collect(cadre, _weighing_xml(child, weight="9.75")).status_code == 400  # no hari buka this month
    assert token_for(cadre) not in caplog.text
    assert "9.75" not in caplog.text
