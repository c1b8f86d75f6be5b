"""Issue 17 as the users met it: the SKDN report, recording and the posyandu a device may download, all from the
access policy (`posyandu.view`, `posyandu.record`, `posyandu.report`)."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from openpyxl import load_workbook
from pypdf import PdfReader

from gotong.organizations.choices import MemberRole
from gotong.organizations.models import Membership
from gotong.posyandu import services
from gotong.posyandu.access import can_record, recordable_posyandus, reportable_posyandus
from gotong.posyandu.models import Child, Session, Weighing
from gotong.posyandu.tests.conftest import make_user, open_month
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

pytestmark = pytest.mark.django_db

SKDN_URLS = ("/posyandu/skdn/?bulan=2026-03", "/posyandu/skdn.pdf?bulan=2026-03", "/posyandu/skdn.xlsx?bulan=2026-03")


def serving(posyandu, username, role):
    """An organisation staff account holding `role` in the posyandu."""
    user = make_user(username, "org_staff")
    Membership.objects.create(organization=posyandu, user=user, role=role, started_on=datetime.date(2020, 1, 1))
    return user


def test_city_officer_reads_the_skdn_of_every_posyandu_of_the_city(client, kenanga, other_posyandu, city_officer):
    """The finding: Siti (Dinas Perkim, the whole city) saw the SKDN tab and got a bare 403 on it and its exports."""
    client.force_login(city_officer)
    page = client.get(SKDN_URLS[0])
    assert page.status_code == 200
    # Aggregated over the posyandu in her areas: Kenanga's five under-fives and Dahlia's none, one village.
    assert [row.label for row in page.context["per_posyandu"]] == ["Posyandu Dahlia", "Posyandu Kenanga"]
    assert page.context["total"].s == 5 and page.context["total"].d == 4
    assert [row.label for row in page.context["per_village"]] == ["Kampung Bugis"]
    assert 'href="/posyandu/skdn/"' in page.content.decode()  # the tab she clicked is there, and answers
    pdf = client.get(SKDN_URLS[1])
    assert pdf.status_code == 200
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Kenanga" in text and "Dahlia" in text
    xlsx = client.get(SKDN_URLS[2])
    assert xlsx.status_code == 200
    rows = list(load_workbook(io.BytesIO(xlsx.content)).worksheets[0].iter_rows(values_only=True))
    assert [row[0] for row in rows[1:3]] == ["Posyandu Dahlia", "Posyandu Kenanga"]


def test_city_officer_whose_city_has_no_posyandu_yet_gets_an_empty_report_not_a_403(client, city_officer):
    """The demo's Siti: no posyandu registered in Tanjungpinang yet, the SKDN tab shown, and a bare 403 behind it."""
    client.force_login(city_officer)
    home = client.get("/posyandu/")
    assert home.status_code == 200 and 'href="/posyandu/skdn/"' in home.content.decode()
    for url in SKDN_URLS:
        assert client.get(url).status_code == 200, url
    page = client.get(SKDN_URLS[0])
    assert page.context["per_posyandu"] == [] and page.context["total"].s == 0


def test_facilitator_reads_the_skdn_of_her_village_and_a_wilayah_narrows_it(client, kenanga, facilitator):
    client.force_login(facilitator)
    page = client.get(SKDN_URLS[0])
    assert page.status_code == 200 and page.context["total"].d == 4
    elsewhere = client.get(SKDN_URLS[0] + "&wilayah=21.72.01")
    assert elsewhere.status_code == 200 and elsewhere.context["per_posyandu"] == []


def test_a_facilitator_of_another_city_reads_no_posyandu_of_this_one(client, kenanga, other_facilitator):
    client.force_login(other_facilitator)
    page = client.get(SKDN_URLS[0])
    assert page.status_code == 200  # she may report on her own areas' posyandu: an empty report, not a 403
    assert page.context["per_posyandu"] == [] and page.context["total"].s == 0


@pytest.mark.parametrize("role", [MemberRole.CHAIR, MemberRole.MANAGER, MemberRole.CADRE])
def test_a_posyandu_s_ketua_pengelola_and_kader_report_on_their_own_posyandu_only(
    client, kenanga, other_posyandu, role
):
    client.force_login(serving(kenanga, "pengurus", role))
    for url in SKDN_URLS:
        assert client.get(url).status_code == 200, url
    page = client.get(SKDN_URLS[0])
    assert [row.label for row in page.context["per_posyandu"]] == ["Posyandu Kenanga"]


@pytest.mark.parametrize("persona", ["resident", "partner", "secretary"])
def test_those_without_posyandu_report_get_403_and_no_tab(request, client, kenanga, posyandu, persona):
    user = serving(posyandu, "sekretaris", MemberRole.SECRETARY) if persona == "secretary" else None
    user = user or request.getfixturevalue(persona)
    client.force_login(user)
    for url in SKDN_URLS:
        assert client.get(url).status_code == 403, url
    home = client.get("/posyandu/")
    if home.status_code == 200:  # the secretary and the resident see the module, not the report
        assert 'href="/posyandu/skdn/"' not in home.content.decode()


def test_a_posyandu_secretary_sees_the_children_but_records_nothing(client, child, posyandu, cadre):
    session = open_month(posyandu, 2026, 3, cadre)
    secretary = serving(posyandu, "sekretaris", MemberRole.SECRETARY)
    client.force_login(secretary)
    assert client.get(f"/posyandu/balita/{child.public_id}/").status_code == 200
    listing = client.get("/posyandu/balita/").content.decode()
    assert "Rizky Hasan" in listing and "/posyandu/balita/baru/" not in listing  # no "Daftarkan balita"
    sessions = client.get("/posyandu/hari-buka/").content.decode()
    assert f"/posyandu/hari-buka/{session.pk}/" not in sessions  # the date, without a link that answers 403
    assert client.get(f"/posyandu/hari-buka/{session.pk}/").status_code == 403
    url = f"/posyandu/hari-buka/{session.pk}/timbang/{child.public_id}/"
    response = client.post(url, {"weight_kg": "10,5", "measured_on": "2026-03-10", "growth_card": "on"})
    assert response.status_code == 403 and not Weighing.objects.exists()
    assert (
        client.post("/posyandu/hari-buka/baru/", {"posyandu": posyandu.pk, "held_on": "2026-04-08"}).status_code == 403
    )
    assert not Session.objects.filter(month=datetime.date(2026, 4, 1)).exists()
    with pytest.raises(PermissionDenied):
        services.record_weighing(child=child, session=session, weight_kg="10.5", acting_user=secretary)


def test_facilitator_weighs_in_a_posyandu_of_her_area(client, child, posyandu, facilitator, cadre):
    session = open_month(posyandu, 2026, 3, cadre)
    client.force_login(facilitator)
    url = f"/posyandu/hari-buka/{session.pk}/timbang/{child.public_id}/"
    response = client.post(url, {"weight_kg": "10,5", "measured_on": "2026-03-10", "growth_card": "on"})
    assert response.status_code == 302 and Weighing.objects.get(child=child).weight_kg == 10.5


def test_another_posyandu_s_kader_does_not_find_the_session(client, child, posyandu, other_cadre, cadre):
    session = open_month(posyandu, 2026, 3, cadre)
    client.force_login(other_cadre)
    url = f"/posyandu/hari-buka/{session.pk}/timbang/{child.public_id}/"
    assert client.post(url, {"weight_kg": "10,5", "measured_on": "2026-03-10"}).status_code == 404
    assert not Weighing.objects.exists()


def test_registering_a_child_offers_and_accepts_only_recordable_posyandu(client, posyandu, other_posyandu, family):
    ketua = serving(posyandu, "ketua", MemberRole.CHAIR)
    Membership.objects.create(
        organization=other_posyandu, user=ketua, role=MemberRole.SECRETARY, started_on=datetime.date(2020, 1, 1)
    )
    client.force_login(ketua)
    form = client.get("/posyandu/balita/baru/").context["form"]
    assert list(form.fields["posyandu"].queryset) == [posyandu]
    response = client.post(
        "/posyandu/balita/baru/",
        {"posyandu": other_posyandu.pk, "person": family["girl"].public_id, "registered_on": "2026-01-05"},
    )
    assert response.status_code == 200 and not Child.objects.exists()


def test_the_posyandu_a_device_may_download(posyandu, other_posyandu, cadre, facilitator, other_facilitator, resident):
    """What the field app and ODK ask: `recordable_posyandus` (and `can_record` for one of them)."""
    secretary = serving(posyandu, "sekretaris", MemberRole.SECRETARY)
    assert list(recordable_posyandus(cadre)) == [posyandu]
    assert set(recordable_posyandus(facilitator)) == {posyandu, other_posyandu}
    assert not recordable_posyandus(other_facilitator).exists()
    assert not recordable_posyandus(resident).exists()
    assert not recordable_posyandus(secretary).exists()
    assert can_record(cadre, posyandu) and not can_record(cadre, other_posyandu)
    assert not can_record(secretary, posyandu)
    assert list(reportable_posyandus(cadre)) == [posyandu]


def test_a_cadre_registers_no_child_she_cannot_see(posyandu, cadre, areas):
    elsewhere = HouseholdFactory(area=rt_in("16.71.11.1005", 1, 1))
    stranger = PersonFactory(household=elsewhere, relationship="anak", birth_date=datetime.date(2025, 1, 10))
    with pytest.raises(ValidationError, match="di luar lingkup"):
        services.register_child(
            posyandu=posyandu, person=stranger, registered_on=datetime.date(2025, 2, 1), acting_user=cadre
        )
