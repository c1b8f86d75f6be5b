"""Issue 17: the case team pickers listed every user in the country. A Palembang facilitator put a Medan cadre on a
TB case and the cadre then saw the patient's health details. The pickers now list only people working where the
case is (or in its organisation), and the services refuse anyone else, whatever id is posted."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gotong.casework import services
from gotong.casework.models import Case, Program
from gotong.organizations.models import Membership, Organization
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

ILIR = "16.71.11.1005"
SINCE = datetime.date(2025, 1, 1)


@pytest.fixture
def medan_cadre(areas):
    """A cadre of a Medan posyandu: nothing in Palembang is hers to work on."""
    from conftest import _user

    posyandu = Organization.objects.create(name="Posyandu Mawar", kind="posyandu", area=areas["12.71.01.1001"])
    cadre = _user("kader_medan", "org_staff", first_name="Kader", last_name="Medan")
    Membership.objects.create(organization=posyandu, user=cadre, role="kader", started_on=SINCE)
    return cadre


@pytest.fixture
def palembang_colleagues(areas):
    """A Palembang city officer and the staff of a Palembang TB support group."""
    from conftest import _user

    officer = _user("dinsos_plg", "city_officer", work_areas=["16.71"], first_name="Dewi")
    group = Organization.objects.create(name="Sriwijaya TB", kind="kelompok_pendukung", area=areas["16.71"])
    staff = _user("staf_tb", "org_staff", first_name="Yanto")
    Membership.objects.create(organization=group, user=staff, role="staf", started_on=SINCE)
    return officer, staff


@pytest.fixture
def ilir_case(other_facilitator, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: datetime.date(2026, 3, 20))
    patient = PersonFactory(household=HouseholdFactory(area=rt_in(ILIR, 5, 17)), name="Pak Darmo")
    return services.open_case(
        program=Program.TB, household=patient.household, person=patient, summary="TBC RO",
        opened_reason="Rujukan puskesmas", opened_on=datetime.date(2026, 1, 5),
        health_condition="TBC resisten obat, efek samping berat", acting_user=other_facilitator,
    )  # fmt: skip


def choice_ids(form, field):
    return set(form.fields[field].queryset.values_list("pk", flat=True))


def test_palembang_facilitator_cannot_put_a_medan_cadre_on_a_tb_case(
    client, ilir_case, other_facilitator, medan_cadre, palembang_colleagues
):
    officer, staff = palembang_colleagues
    team_url = reverse("casework:team", args=[ilir_case.public_id])
    client.force_login(other_facilitator)
    form = client.get(team_url).context["form"]
    # The Medan cadre is not offered; the people working in Palembang are.
    for field in ("team", "supervisor"):
        assert medan_cadre.pk not in choice_ids(form, field)
        assert {officer.pk, staff.pk} <= choice_ids(form, field)
    # Posting her id anyway is refused and changes nothing.
    response = client.post(team_url, {"team": [medan_cadre.username], "supervisor": medan_cadre.username})
    assert response.status_code == 200 and response.context["form"].errors
    ilir_case.refresh_from_db()
    assert ilir_case.supervisor is None and not ilir_case.team.exists()
    # So the cadre never sees the case, let alone the patient's health.
    client.force_login(medan_cadre)
    assert client.get(reverse("casework:detail", args=[ilir_case.public_id])).status_code == 404
    assert "TBC resisten obat" not in client.get(reverse("casework:list")).content.decode()
    # A Palembang colleague can be added.
    client.force_login(other_facilitator)
    assert client.post(team_url, {"team": [staff.username], "supervisor": officer.username}).status_code == 302
    ilir_case.refresh_from_db()
    assert ilir_case.supervisor == officer and list(ilir_case.team.all()) == [staff]


def test_services_refuse_people_working_elsewhere(ilir_case, other_facilitator, medan_cadre, palembang_colleagues):
    with pytest.raises(ValidationError) as exc:
        services.update_team(ilir_case, team=[medan_cadre], supervisor=None, acting_user=other_facilitator)
    assert "Kader Medan tidak bekerja di wilayah kasus ini" in exc.value.message_dict["team"][0]
    with pytest.raises(ValidationError) as exc:
        services.update_team(ilir_case, team=[], supervisor=medan_cadre, acting_user=other_facilitator)
    assert "supervisor" in exc.value.message_dict
    patient = PersonFactory(household=HouseholdFactory(area=rt_in(ILIR, 5, 17)), name="Bu Inah")
    with pytest.raises(ValidationError):
        services.open_case(
            program=Program.TB, household=patient.household, person=patient, summary="TBC", opened_reason="Rujukan",
            team=[medan_cadre], acting_user=other_facilitator,
        )  # fmt: skip
    assert Case.objects.count() == 1
    assert not ilir_case.team.exists()


def test_open_case_form_offers_only_colleagues_of_the_users_areas(
    client, other_facilitator, medan_cadre, palembang_colleagues, facilitator
):
    officer, staff = palembang_colleagues
    client.force_login(other_facilitator)
    form = client.get(reverse("casework:create")).context["form"]
    offered = choice_ids(form, "team")
    assert {officer.pk, staff.pk} <= offered
    assert medan_cadre.pk not in offered and facilitator.pk not in offered
    assert set(form.fields["organization"].queryset.values_list("name", flat=True)) == {"Sriwijaya TB"}
