import datetime

import pytest
from django.urls import reverse

from gotong.casework import services
from gotong.casework.models import Frequency, Visit
from gotong.registry.nik import mask_nik

D = datetime.date


@pytest.fixture
def planned_case(tb_case, facilitator):
    services.set_visit_plan(tb_case, frequency=Frequency.MONTHLY, start_on=D(2026, 1, 10), acting_user=facilitator)
    services.log_visit(
        tb_case, visited_on=D(2026, 1, 10), met_with="Raja Ali", adherence="yes", condition="Batuk berkurang",
        next_step="Bawa hasil dahak bulan depan", acting_user=facilitator,
    )  # fmt: skip
    return tb_case


@pytest.fixture
def second_officer(areas):
    """A city officer of Tanjungpinang who is not on the case team."""
    from conftest import _user

    return _user("wati", "city_officer", work_areas=["21.72"], first_name="Wati")


def url(name, case=None):
    return reverse(f"casework:{name}", args=[case.public_id] if case else [])


def test_worker_sees_agenda_with_overdue_and_health(client, planned_case, facilitator):
    client.force_login(facilitator)
    page = client.get(url("home")).content.decode()
    # 10 Feb was missed by 20 Mar? Its window closed 6 Mar → missed; 10 Mar is overdue.
    assert 'id="overdue"' in page and "Raja Ali" in page
    detail = client.get(url("detail", planned_case)).content.decode()
    assert "TBC resisten obat" in detail and "Batuk berkurang" in detail


def test_list_masks_nik(client, planned_case, facilitator):
    client.force_login(facilitator)
    page = client.get(url("list")).content.decode()
    nik = planned_case.person.nik
    assert "Raja Ali" in page and nik not in page
    assert mask_nik(nik) in page


def test_visit_form_is_prefilled_and_logs(client, planned_case, facilitator):
    client.force_login(facilitator)
    page = client.get(url("visit", planned_case)).content.decode()
    assert 'value="2026-03-20"' in page and 'value="Raja Ali"' in page
    assert "Bawa hasil dahak bulan depan" in page
    response = client.post(
        url("visit", planned_case),
        {"visited_on": "2026-03-20", "met_with": "Raja Ali", "adherence": "partly", "next_step": "Cek dahak"},
    )
    assert response.status_code == 302
    assert Visit.objects.filter(case=planned_case, visited_on=D(2026, 3, 20), adherence="partly").exists()


def test_visit_form_keeps_input_on_error(client, planned_case, facilitator):
    client.force_login(facilitator)
    page = client.post(
        url("visit", planned_case), {"visited_on": "2026-03-20", "met_with": "Raja Ali", "issues": "Tidak punya ongkos"}
    )
    assert page.status_code == 200
    body = page.content.decode()
    assert "Isi kepatuhan minum obat" in body and "Tidak punya ongkos" in body


def test_supervisor_on_case_sees_health_and_overdue(client, planned_case, city_officer):
    client.force_login(city_officer)
    assert 'id="supervised-overdue"' in client.get(url("home")).content.decode()
    assert "TBC resisten obat" in client.get(url("detail", planned_case)).content.decode()
    page = client.get(url("supervision")).content.decode()
    assert "Budi" in page and "terlambat sejak" in page


@pytest.mark.parametrize("viewer", ["second_officer", "admin_user"])
def test_non_team_in_scope_sees_case_but_no_health(client, planned_case, viewer, request):
    client.force_login(request.getfixturevalue(viewer))
    page = client.get(url("detail", planned_case)).content.decode()
    assert "Raja Ali" in page and 'id="health-hidden"' in page
    assert "TBC resisten obat" not in page and "Batuk berkurang" not in page
    # The audit trail on the page shows masked values only.
    assert "Bawa hasil dahak" in page  # next step is not health data
    assert client.get(url("visit", planned_case)).status_code == 403


@pytest.mark.parametrize("viewer", ["other_facilitator", "partner", "helper_colleague"])
def test_out_of_scope_gets_404_and_empty_lists(client, planned_case, viewer, request):
    client.force_login(request.getfixturevalue(viewer))
    assert client.get(url("detail", planned_case)).status_code == 404
    assert client.get(url("visit", planned_case)).status_code == 404
    assert "Raja Ali" not in client.get(url("list")).content.decode()
    # A partner has no casework pages at all (403); a facilitator elsewhere may not read this worker's report (404).
    expected = 403 if viewer == "partner" else 404
    assert client.get(reverse("casework:report-pdf") + f"?worker={planned_case.worker_id}").status_code == expected


def test_partner_cannot_open_cases(client, planned_case, partner):
    client.force_login(partner)
    assert client.get(url("create")).status_code == 403
    assert client.get(url("supervision")).status_code == 403


def test_open_case_by_nik_typed_as_on_the_ktp_then_plan(client, bugis_patient, facilitator, monkeypatch):
    client.force_login(facilitator)
    # Without JavaScript the picker's search box is sent as typed: a KTP's spaced NIK names the person.
    nik = bugis_patient.nik
    spaced = f"{nik[:4]} {nik[4:8]} {nik[8:12]} {nik[12:]}"
    response = client.post(
        url("create"),
        {"program": "tb", "person__cari": spaced, "summary": "TBC RO", "opened_reason": "Rujukan",
         "opened_on": "2026-03-01"},
    )  # fmt: skip
    assert response.status_code == 302 and "/rencana/" in response["Location"]
    bad = client.post(
        url("create"),
        {"program": "tb", "person__cari": "1671110101000009", "summary": "x", "opened_reason": "y",
         "opened_on": "2026-03-01"},
    )  # fmt: skip
    assert "Tidak ada yang cocok" in bad.content.decode()


def test_report_downloads_for_worker_and_supervisor(client, planned_case, facilitator, city_officer):
    client.force_login(facilitator)
    assert client.get(reverse("casework:report") + "?month=2026-01").status_code == 200
    pdf = client.get(reverse("casework:report-pdf") + "?month=2026-01")
    assert pdf["Content-Type"] == "application/pdf"
    client.force_login(city_officer)
    xlsx = client.get(reverse("casework:report-xlsx") + f"?worker={facilitator.pk}&month=2026-01")
    assert xlsx.status_code == 200 and "spreadsheetml" in xlsx["Content-Type"]


def test_assessment_assistance_referral_forms(client, planned_case, facilitator):
    client.force_login(facilitator)
    data = {"assessed_on": "2026-03-02"}
    for domain in ("education", "health", "housing", "food", "livelihood", "documents"):
        data[f"rating_{domain}"] = "3"
    assert client.post(url("assessment", planned_case), data).status_code == 302
    bad = client.post(
        url("assistance", planned_case),
        {"given_on": "2026-03-02", "kind": "cash", "value": "150.000,50", "source": "program"},
    )
    assert "tanpa sen" in bad.content.decode()
    ok = client.post(
        url("assistance", planned_case),
        {"given_on": "2026-03-02", "kind": "nutrition", "value": "Rp150.000", "source": "partner"},
    )
    assert ok.status_code == 302
    assert planned_case.assistance.get().value == 150_000
    ref = client.post(
        url("referral", planned_case),
        {"service": "puskesmas", "service_name": "Puskesmas", "reason": "Kontrol", "referred_on": "2026-03-02"},
    )
    assert ref.status_code == 302
    page = client.get(url("detail", planned_case)).content.decode()
    assert "Puskesmas" in page and "Paket nutrisi" in page and 'id="needs"' in page
    ratings = planned_case.assessments.get().ratings
    assert sorted(ratings.values_list("rating", flat=True)) == [3] * 6


def test_organisation_staff_see_their_organisations_cases_without_health(client, planned_case, areas):
    from conftest import _user
    from gotong.organizations.choices import OrganizationKind
    from gotong.organizations.models import Membership, Organization

    tuah = Organization.objects.create(name="Tuah TB", kind=OrganizationKind.SUPPORT_GROUP, area=areas["21.72"])
    other = Organization.objects.create(name="Posyandu Lain", kind=OrganizationKind.SUPPORT_GROUP, area=areas["21.72"])
    staff = _user("koordinator", "org_staff")
    Membership.objects.create(user=staff, organization=tuah, role="staf", started_on=D(2025, 1, 1))
    volunteer = _user("relawan", "org_staff")
    Membership.objects.create(user=volunteer, organization=tuah, role="anggota", started_on=D(2025, 1, 1))
    client.force_login(staff)
    assert client.get(url("detail", planned_case)).status_code == 404
    type(planned_case).objects.filter(pk=planned_case.pk).update(organization=other)
    assert client.get(url("detail", planned_case)).status_code == 404
    type(planned_case).objects.filter(pk=planned_case.pk).update(organization=tuah)
    page = client.get(url("detail", planned_case)).content.decode()
    assert "Raja Ali" in page and "TBC resisten obat" not in page
    # A plain anggota of the organisation takes part in it; its cases are not theirs to read.
    client.force_login(volunteer)
    assert client.get(url("detail", planned_case)).status_code == 404


def test_team_page_for_worker_only(client, planned_case, facilitator, helper_colleague, second_officer):
    client.force_login(second_officer)
    assert client.get(url("team", planned_case)).status_code == 403
    client.force_login(facilitator)
    assert client.get(url("team", planned_case)).status_code == 200
    response = client.post(
        url("team", planned_case), {"team": [helper_colleague.username], "supervisor": second_officer.username}
    )
    assert response.status_code == 302
    planned_case.refresh_from_db()
    assert planned_case.supervisor == second_officer and list(planned_case.team.all()) == [helper_colleague]
