"""Create/edit forms for agreements, commitments and projects: scoped choices, Indonesian errors, services."""

import pytest
from django.urls import reverse

from gotong.collaboration.models import Agreement, Project
from gotong.collaboration.services import create_project


def test_agreement_create_and_edit(client, facilitator, areas, orgs):
    client.force_login(facilitator)
    url = reverse("collaboration:agreement-create")
    data = {"title": "MoU RW 006", "kind": "mou", "signed_on": "2018-02-01", "area": areas["21.72.03.1005"].pk,
            "parties": [orgs["bkm"].pk]}  # fmt: skip
    response = client.post(url, data)
    assert response.context["form"].errors["parties"] == ["Kesepakatan butuh sedikitnya dua pihak."]
    assert 'value="MoU RW 006"' in response.content.decode()
    response = client.post(url, {**data, "parties": [orgs["bkm"].pk, orgs["perkim"].pk]})
    agreement = Agreement.objects.get()
    assert response.url == reverse("collaboration:agreement-detail", args=[agreement.pk])
    # Outside the facilitator's scope: Palembang is not offered.
    assert client.post(url, {**data, "area": areas["16.71"].pk}).context["form"].errors["area"]
    commitment_url = reverse("collaboration:commitment-create", args=[agreement.pk])
    response = client.post(commitment_url, {"actor": orgs["korkot"].pk, "what": "Jalan", "due_on": "2018-12-31"})
    assert "actor" in response.context["form"].errors
    client.post(commitment_url, {"actor": orgs["bkm"].pk, "what": "Bentuk KSM", "due_on": "2018-04-30"})
    edit = reverse("collaboration:agreement-edit", args=[agreement.pk])
    response = client.post(edit, {**data, "parties": [orgs["perkim"].pk, orgs["korkot"].pk]})
    assert response.context["form"].errors["parties"] == [
        "Pihak yang masih punya komitmen tidak bisa dihapus: BKM Kampung Bugis."
    ]
    client.post(edit, {**data, "title": "MoU RW 006 (ubah)", "parties": [orgs["bkm"].pk, orgs["perkim"].pk]})
    agreement.refresh_from_db()
    assert agreement.title == "MoU RW 006 (ubah)"


def test_project_create_with_budget_lines(client, facilitator, areas, orgs):
    client.force_login(facilitator)
    url = reverse("collaboration:project-create")
    data = {"name": "Drainase RW 001", "kind": "drainase", "area": areas["21.72.03.1005"].pk, "volume": "120.5",
            "unit": "m", "year": "2019", "status": "planned", "coordinator": orgs["bkm"].pk,
            "budget_apbd": "150.000.000,50", "budget_swadaya": ""}  # fmt: skip
    response = client.post(url, data)
    assert response.context["form"].errors["budget_apbd"] == ["Rupiah tanpa sen: hapus angka di belakang koma."]
    assert Project.objects.count() == 0
    # Typed the way budgets are written in the documents: with thousands dots and "Rp".
    response = client.post(url, {**data, "budget_apbd": "150.000.000", "budget_swadaya": "Rp 2.500.000"})
    project = Project.objects.get()
    assert response.url == reverse("collaboration:project-detail", args=[project.pk])
    assert dict(project.budgets.values_list("source", "amount_rupiah")) == {"apbd": 150_000_000, "swadaya": 2_500_000}
    edit = reverse("collaboration:project-edit", args=[project.pk])
    assert client.get(edit).context["form"].initial["budget_apbd"] == 150_000_000
    client.post(edit, {**data, "budget_apbd": "175000000", "budget_swadaya": "", "status": "ongoing"})
    project.refresh_from_db()
    assert project.status == "ongoing"
    assert dict(project.budgets.values_list("source", "amount_rupiah")) == {"apbd": 175_000_000}


@pytest.mark.parametrize("name", ["agreement-create", "project-create"])
def test_partner_cannot_create(client, partner, name):
    client.force_login(partner)
    assert client.get(reverse(f"collaboration:{name}")).status_code == 403


def test_edit_outside_scope_is_404(client, other_facilitator, agreement, areas, city_officer):
    project = create_project(name="Jalan", kind="jalan_beton", area=areas["21.72.03.1005"], volume=1, unit="m",
                             year=2018, budgets={}, acting_user=city_officer)  # fmt: skip
    client.force_login(other_facilitator)
    assert client.get(reverse("collaboration:agreement-edit", args=[agreement.pk])).status_code == 404
    assert client.get(reverse("collaboration:commitment-create", args=[agreement.pk])).status_code == 404
    assert client.get(reverse("collaboration:project-edit", args=[project.pk])).status_code == 404
