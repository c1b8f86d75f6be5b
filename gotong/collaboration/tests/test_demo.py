"""The collaboration demo: the seed's 2018 Kampung Bugis projects and an MoU, loaded once."""

from django.urls import reverse

from gotong.collaboration.demo import load_collaboration_demo
from gotong.collaboration.models import Agreement, Commitment, Project, ProjectBudget
from gotong.collaboration.services import overdue_commitments


def test_demo_is_idempotent_and_matches_the_seed(client, areas, city_officer):
    load_collaboration_demo()
    load_collaboration_demo()
    assert Project.objects.count() == 7
    assert Agreement.objects.count() == 1 and Commitment.objects.count() == 5
    amounts = sorted(ProjectBudget.objects.values_list("amount_rupiah", flat=True))
    assert amounts == [198_000_000, 231_000_000, 247_500_000, 280_500_000, 346_500_000, 3_800_000_000, 19_762_620_000]
    road = Project.objects.get(name="Jalan beton RT 002 RW 006")
    assert str(road.volume) == "2002.38" and road.area_code == "21.72.03.1005.006.002"
    assert road.executor.kind == "ksm" and road.coordinator.name == "BKM Kampung Bugis"
    assert overdue_commitments(Commitment.objects.all(), road.created_at.date()).count() == 1
    client.force_login(city_officer)
    html = client.get(reverse("collaboration:project-list")).content.decode()
    assert "Rp 19.762.620.000" in html and "Rp 3.800.000.000" in html
