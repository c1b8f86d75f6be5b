"""Planning pages and who may use them: residents of the round's RW see and support it (counts only, never who),
residents elsewhere and other facilitators get 404, residents cannot close or choose (403)."""

import re

import pytest
from django.urls import reverse

from gotong.collaboration.models import Project
from gotong.participation.models import ProposalStatus, Support
from gotong.participation.tests.planning.helpers import BUGIS, aspiration_in, resident
from gotong.registry.tests.factories import rt_in

pytestmark = pytest.mark.django_db


def _round_url(planning_round, name="participation:planning-round"):
    return reverse(name, args=[planning_round.public_id])


def test_login_required(client, planning_round):
    assert client.get(reverse("participation:planning-list")).status_code == 302
    assert client.get(_round_url(planning_round)).status_code == 302


def test_resident_of_the_rw_sees_and_supports_with_counts_only(client, planning_round, proposal):
    neighbour = resident("tetangga")
    Support.objects.create(proposal=proposal, person=neighbour.person, area_code=proposal.area_code,
                           recorded_by=neighbour)  # fmt: skip
    ani = resident("ani")
    client.force_login(ani)
    html = client.get(reverse("participation:planning-list")).content.decode()
    assert planning_round.title in html
    html = client.get(_round_url(planning_round)).content.decode()
    assert "1 dukungan" in html and "Dukung" in html
    assert neighbour.person.name not in html  # supports are secret: counts only
    support_url = reverse("participation:planning-support", args=[proposal.public_id])
    response = client.post(support_url, {"next": "round"})
    assert response.status_code == 302 and response.url == _round_url(planning_round)
    client.post(support_url)  # a second tap counts once
    assert Support.objects.filter(proposal=proposal).count() == 2
    html = client.get(_round_url(planning_round)).content.decode()
    assert "2 dukungan" in html and "Anda mendukung" in html
    # Residents propose but neither close nor choose.
    assert client.get(_round_url(planning_round, "participation:planning-propose")).status_code == 200
    assert client.post(_round_url(planning_round, "participation:planning-close")).status_code == 403
    assert client.get(_round_url(planning_round, "participation:planning-choose")).status_code == 403


def test_outsiders_do_not_see_the_round(client, planning_round, proposal, other_facilitator):
    for user in (resident("rw1", rw=1, rt=1), other_facilitator):
        client.force_login(user)
        assert planning_round.title not in client.get(reverse("participation:planning-list")).content.decode()
        assert client.get(_round_url(planning_round)).status_code == 404
        support_url = reverse("participation:planning-support", args=[proposal.public_id])
        assert client.post(support_url).status_code == 404
    assert not Support.objects.exists()


def test_get_on_a_post_only_url_is_refused(client, planning_round, facilitator):
    client.force_login(facilitator)
    assert client.get(_round_url(planning_round, "participation:planning-close")).status_code == 405


def test_facilitator_opens_a_round_with_clear_errors(client, facilitator, rw6):
    client.force_login(facilitator)
    url = reverse("participation:planning-create")
    data = {"title": "RPLP RW 006", "kind": "rplp", "area": rw6.pk, "opens_on": "10/01/2027", "closes_on": "1/1/2027"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Tanggal ditutup tidak boleh sebelum tanggal dibuka." in response.content.decode()
    data["closes_on"] = "31/01/2027"
    response = client.post(url, data)
    assert response.status_code == 302


def test_facilitator_closes_chooses_and_makes_a_project(client, facilitator, planning_round, proposal, rw6):
    client.force_login(facilitator)
    client.post(_round_url(planning_round, "participation:planning-close"))
    planning_round.refresh_from_db()
    assert planning_round.is_closed
    response = client.post(_round_url(planning_round, "participation:planning-choose"), {"chosen": [proposal.pk]})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.CHOSEN
    url = reverse("participation:planning-project", args=[proposal.public_id])
    form = client.get(url).content.decode()
    assert "Drainase Gg. Mawar RT 002" in form
    rt = rt_in(BUGIS, 6, 2)
    data = {"name": "Drainase Gg. Mawar", "kind": "drainase", "area": rt.pk, "volume": "120,5", "unit": "m",
            "year": 2027, "status": "planned", "budget_dana_kelurahan": "75.000.000"}  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    project = Project.objects.get()
    assert str(project.volume) == "120.50"
    html = client.get(reverse("participation:planning-proposal", args=[proposal.public_id])).content.decode()
    assert 'data-step="project" data-done="1"' in html and "Direncanakan" in html
    assert reverse("collaboration:project-detail", args=[project.pk]) in html


def test_aspiration_include_offers_jadikan_usulan_to_the_facilitator(client, facilitator, planning_round, rf):
    from django.template.loader import render_to_string

    aspiration = aspiration_in(rt_in(BUGIS, 6, 2), facilitator)
    request = rf.get("/")
    request.user = facilitator
    html = render_to_string("participation/_aspiration_to_proposal.html", {"aspiration": aspiration}, request=request)
    url = reverse("participation:planning-from-aspiration", args=[aspiration.public_id])
    assert url in html
    client.force_login(facilitator)
    response = client.post(url, {"round": planning_round.pk, "title": "Normalisasi saluran Gg. Mawar"})
    assert response.status_code == 302
    proposal = aspiration.proposals.get()
    assert proposal.round == planning_round
    request.user = resident("ani")
    html = render_to_string("participation/_aspiration_to_proposal.html", {"aspiration": aspiration}, request=request)
    assert url not in html


def test_api_lists_proposals_in_scope_with_counts_only(client, proposal, other_facilitator):
    ani = resident("ani")
    Support.objects.create(proposal=proposal, person=ani.person, area_code=proposal.area_code, recorded_by=ani)
    client.force_login(ani)
    body = client.get("/api/v1/usulan/").json()
    (row,) = body["results"]
    assert row["title"] == proposal.title and row["support_count"] == 1
    assert "proposed_by" not in row and ani.person.name not in str(body)
    assert client.get(f"/api/v1/usulan/{proposal.public_id}/").status_code == 200
    client.force_login(other_facilitator)
    assert client.get("/api/v1/usulan/").json()["results"] == []
    assert client.get(f"/api/v1/usulan/{proposal.public_id}/").status_code == 404


def test_facilitator_records_a_forum_proposal(client, facilitator, city_officer, planning_round, rw6):
    import datetime

    from gotong.collaboration.services.forums import create_forum, create_meeting

    forum = create_forum(name="Rembug warga RW 006", kind="routine", area=rw6.parent, acting_user=city_officer)
    meeting = create_meeting(forum, held_on=datetime.date(2026, 1, 10), place="Balai RW 006",
                             agenda="Usulan RPLP", acting_user=city_officer)  # fmt: skip
    client.force_login(facilitator)
    url = _round_url(planning_round, "participation:planning-propose")
    assert "Rembug warga RW 006" in client.get(url).content.decode()
    response = client.post(url, {"title": "Pelantar Gg. Sampan", "meeting": meeting.pk})
    assert response.status_code == 302
    proposal = planning_round.proposals.get(title="Pelantar Gg. Sampan")
    assert proposal.meeting == meeting and proposal.source == "forum"


def test_unchoosing_a_carried_proposal_is_refused_with_described_error(client, facilitator, planning_round, proposal,
                                                                      rw6):  # fmt: skip
    from gotong.participation.services import planning as services

    services.close_round(planning_round, acting_user=facilitator)
    services.choose_proposals(planning_round, chosen=[proposal], acting_user=facilitator)
    proposal.refresh_from_db()
    services.proposal_to_project(proposal, name="Drainase", kind="drainase", area=rw6, volume=10, unit="m",
                                 year=2027, budgets={}, acting_user=facilitator)  # fmt: skip
    client.force_login(facilitator)
    html = client.post(_round_url(planning_round, "participation:planning-choose"), {"probe": "1"}).content.decode()
    assert "tidak dapat dibatalkan" in html and 'id="id_chosen_error"' in html
    (box,) = re.findall(r'<input type="checkbox"[^>]*id="id_chosen_0"[^>]*>', html)
    assert 'aria-invalid="true"' in box and 'aria-describedby="id_chosen_error"' in box
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.CHOSEN  # nothing saved
