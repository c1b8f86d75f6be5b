"""Collaboration pages: scoped lists and details, the commitment status form, rupiah totals."""

import datetime

import pytest
from django.urls import reverse

from gotong.collaboration.models import Commitment
from gotong.collaboration.services import create_project


@pytest.fixture
def project(areas, city_officer, orgs):
    return create_project(
        name="Rehab RTLH RT 003 RW 006",
        kind="rtlh",
        area=areas["21.72.03.1005"],
        volume=15,
        unit="unit",
        year=2018,
        budgets={"apbd": 247_500_000, "swadaya": 2_500_000},
        coordinator=orgs["bkm"],
        acting_user=city_officer,
    )


def test_login_required(client, agreement):
    assert client.get(reverse("collaboration:agreement-list")).status_code == 302
    assert client.get(reverse("collaboration:project-list")).status_code == 302


def test_agreement_list_and_detail_show_overdue_and_rates(client, facilitator, agreement, commitment):
    client.force_login(facilitator)
    html = client.get(reverse("collaboration:agreement-list")).content.decode()
    assert "MoU Kampung Bugis" in html and "table-responsive-stack" in html
    assert 'href="/kolaborasi/"' in html  # navbar link
    response = client.get(reverse("collaboration:agreement-detail", args=[agreement.pk]))
    (row,) = response.context["rows"]
    assert row["overdue"]  # due 2019-06-30, still planned
    html = response.content.decode()
    assert "data-overdue" in html and "Terlambat" in html and "Direncanakan" in html
    rates = {item["actor"].name: item["rate"] for item in response.context["rates"]}
    assert str(rates["BKM Kampung Bugis"]) == "0.0" and rates["Dinas Perkim Kota Tanjungpinang"] is None
    assert reverse("collaboration:commitment-status", args=[commitment.pk]) in html


def test_status_form_saves_through_the_service(client, facilitator, commitment):
    client.force_login(facilitator)
    url = reverse("collaboration:commitment-status", args=[commitment.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"status": "done", "done_on": "2019-06-20", "evidence": "Daftar hadir"})
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert (commitment.status, commitment.done_on, commitment.evidence) == (
        "done",
        datetime.date(2019, 6, 20),
        "Daftar hadir",
    )


def test_status_form_bad_input_shows_indonesian_error_and_saves_nothing(client, city_officer, commitment):
    client.force_login(city_officer)
    url = reverse("collaboration:commitment-status", args=[commitment.pk])
    response = client.post(url, {"status": "done", "done_on": "", "evidence": "Foto"})
    assert response.status_code == 200
    assert response.context["form"].errors["done_on"] == ["Isi tanggal selesai bila status komitmen selesai."]
    assert "Isi tanggal selesai bila status komitmen selesai." in response.content.decode()
    response = client.post(url, {"status": "selesai-kah", "done_on": "2019-06-20"})
    assert "status" in response.context["form"].errors
    commitment.refresh_from_db()
    assert (commitment.status, commitment.done_on, commitment.evidence) == ("planned", None, "")


def test_outside_scope_is_404(client, other_facilitator, agreement, commitment, project):
    client.force_login(other_facilitator)
    assert list(client.get(reverse("collaboration:agreement-list")).context["agreements"]) == []
    assert client.get(reverse("collaboration:project-list")).context["rows"] == []
    assert client.get(reverse("collaboration:agreement-detail", args=[agreement.pk])).status_code == 404
    assert client.get(reverse("collaboration:project-detail", args=[project.pk])).status_code == 404
    url = reverse("collaboration:commitment-status", args=[commitment.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"status": "dropped"}).status_code == 404
    assert Commitment.objects.get(pk=commitment.pk).status == "planned"


def test_partner_has_no_collaboration_pages(client, partner, commitment):
    """Issue 17: partners hold no collaboration grant: 403 on the module's pages, 404 on its records."""
    client.force_login(partner)
    url = reverse("collaboration:commitment-status", args=[commitment.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"status": "dropped"}).status_code == 404
    assert client.get(reverse("collaboration:agreement-detail", args=[commitment.agreement_id])).status_code == 404
    for name in ("agreement-list", "project-list", "forum-list", "target-list", "sharing-list", "agreement-create"):
        assert client.get(reverse(f"collaboration:{name}")).status_code == 403, name
    assert Commitment.objects.get(pk=commitment.pk).status == "planned"


def _member_of(organization, role):
    from gotong.accounts.models import User
    from gotong.organizations.models import Membership

    user = User.objects.create_user(username=f"staf-{role}", password="rahasia-123", role="org_staff")
    Membership.objects.create(organization=organization, user=user, role=role)
    return user


def test_org_officer_reads_without_write_buttons(client, orgs, agreement, commitment):
    """The BKM's ketua reads the agreements of the area it serves; no edit button, and 403 if tried anyway."""
    client.force_login(_member_of(orgs["bkm"], "ketua"))
    html = client.get(reverse("collaboration:agreement-detail", args=[agreement.pk])).content.decode()
    assert "MoU Kampung Bugis" in html
    assert reverse("collaboration:commitment-status", args=[commitment.pk]) not in html
    assert reverse("collaboration:agreement-edit", args=[agreement.pk]) not in html
    assert (
        reverse("collaboration:agreement-create")
        not in client.get(reverse("collaboration:agreement-list")).content.decode()
    )
    assert (
        client.post(reverse("collaboration:commitment-status", args=[commitment.pk]), {"status": "dropped"}).status_code
        == 403
    )
    assert Commitment.objects.get(pk=commitment.pk).status == "planned"


def test_plain_member_sees_no_named_record(client, orgs, agreement):
    """Issue 17: a plain anggota of the BKM no longer reads the agreements of its area."""
    client.force_login(_member_of(orgs["bkm"], "anggota"))
    assert client.get(reverse("collaboration:agreement-list")).status_code == 403
    assert client.get(reverse("collaboration:agreement-detail", args=[agreement.pk])).status_code == 404


def test_services_refuse_a_user_outside_their_reach(commitment, other_facilitator, areas, orgs):
    from django.core.exceptions import PermissionDenied

    from gotong.collaboration.services import create_agreement, update_commitment_status

    with pytest.raises(PermissionDenied):
        update_commitment_status(commitment, status="dropped", acting_user=other_facilitator)
    with pytest.raises(PermissionDenied):
        create_agreement(title="Luar", kind="mou", signed_on=datetime.date(2020, 1, 1), area=areas["21.72.03.1005"],
                         parties=orgs.values(), acting_user=other_facilitator)  # fmt: skip
    assert Commitment.objects.get(pk=commitment.pk).status == "planned"


def test_project_list_totals_in_rupiah(client, facilitator, project):
    client.force_login(facilitator)
    response = client.get(reverse("collaboration:project-list"))
    assert response.context["grand_total"] == 250_000_000
    html = response.content.decode()
    assert "Rp247.500.000" in html and "Rp2.500.000" in html and "Rp250.000.000" in html
    assert 'data-label="APBD"' in html
    detail = client.get(reverse("collaboration:project-detail", args=[project.pk])).content.decode()
    assert "Rp250.000.000" in detail and "BKM Kampung Bugis" in detail
