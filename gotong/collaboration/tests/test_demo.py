"""The collaboration demo: the seed's 2018 Kampung Bugis projects and an MoU, loaded once."""

import datetime

from django.urls import reverse

from gotong.collaboration.demo import load_collaboration_demo
from gotong.collaboration.models import (
    ActionPlan,
    Activity,
    Agreement,
    Commitment,
    DataSharing,
    Decision,
    Forum,
    Participant,
    Project,
    ProjectBudget,
    Target,
)
from gotong.collaboration.services import overdue_commitments
from gotong.collaboration.services.targets import plan_tree, target_status
from gotong.slums.models import SlumLocation


def test_demo_is_idempotent_and_matches_the_seed(client, areas, city_officer, admin_user):
    load_collaboration_demo(acting_user=admin_user)
    load_collaboration_demo(acting_user=admin_user)
    assert Project.objects.count() == 7
    # Five MoU commitments plus one made from a forum decision.
    assert Agreement.objects.count() == 1 and Commitment.objects.count() == 6
    amounts = sorted(ProjectBudget.objects.values_list("amount_rupiah", flat=True))
    assert amounts == [198_000_000, 231_000_000, 247_500_000, 280_500_000, 346_500_000, 3_800_000_000, 19_762_620_000]
    road = Project.objects.get(name="Jalan beton RT 002 RW 006")
    assert str(road.volume) == "2002.38" and road.area_code == "21.72.03.1005.006.002"
    assert road.executor.kind == "ksm" and road.coordinator.name == "BKM Kampung Bugis"
    assert overdue_commitments(Commitment.objects.all(), road.created_at.date()).count() == 2
    client.force_login(city_officer)
    html = client.get(reverse("collaboration:project-list")).content.decode()
    assert "Rp19.762.620.000" in html and "Rp3.800.000.000" in html


def test_demo_forum_target_plan_and_sharing(areas, admin_user):
    load_collaboration_demo(acting_user=admin_user)
    load_collaboration_demo(acting_user=admin_user)
    forum = Forum.objects.get()
    assert forum.members.count() == 5 and forum.meetings.count() == 3
    # 3 meetings × (5 member organisations + Ketua RW), KSM absent once and Perkim absent once.
    assert Participant.objects.count() == 18 and Participant.objects.filter(attended=True).count() == 16
    assert Decision.objects.count() == 3 and Decision.objects.exclude(commitment=None).count() == 1
    target = Target.objects.get()
    status = target_status(target, datetime.date(2020, 1, 1))
    assert str(status["value"]) == "4.66" and status["status"] == "on_track"
    assert str(status["percent"]) == "75.4"  # (18.92 − 4.66) / 18.92
    plan = ActionPlan.objects.get()
    rows, overall = plan_tree(plan)
    # Infrastructure (weight 3) done 100 %, two proposals (weights 2 and 1) at 0 %: 300 / 6 = 50 %.
    assert str(overall) == "50.0"
    assert Activity.objects.get(what="Jalan beton RW 006").projects.count() == 2
    # The forum demo's baseline data, and the two exchanges the health demo adds (BKM → Perkim, Korkot → kelurahan).
    assert DataSharing.objects.count() == 3
    assert SlumLocation.objects.count() == 7
