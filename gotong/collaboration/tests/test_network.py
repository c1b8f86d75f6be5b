"""One collaboration's actors' network: only its actors, who bridges whom (articulation points and the groups
they alone connect), per forum and per village, and shown on the forum page."""

import datetime

import pytest

from gotong.collaboration.services.forums import create_forum, create_meeting, record_attendance
from gotong.collaboration.services.network import bridge_actors, collaboration_network
from gotong.organizations.choices import OrganizationKind
from gotong.organizations.services import create_organization

BUGIS = "21.72.03.1005"
SENGGARANG = "21.72.03.1003"


@pytest.fixture
def orgs(areas, admin_user):
    def org(name, code=BUGIS):
        return create_organization(name=name, kind=OrganizationKind.OTHER, area=areas[code], acting_user=admin_user)

    made = {name: org(name) for name in ("Posyandu A", "Bank Sampah A", "Pemuda B", "BKM B", "KSM C")}
    made["Dinas Sosial"] = org("Dinas Sosial", "21.72")
    made["LPM Senggarang"] = org("LPM Senggarang", SENGGARANG)
    return made


def _meet(forum, day, names, orgs, user):
    meeting = create_meeting(forum, held_on=datetime.date(2025, 1, day), place="Balai", agenda="Rapat",
                             acting_user=user)  # fmt: skip
    present = {orgs[n].pk for n in names}
    record_attendance(meeting, attendance={p.pk: p.organization_id in present for p in meeting.participants.all()},
                      acting_user=user)  # fmt: skip


@pytest.fixture
def forum(orgs, areas, city_officer):
    """Dinas Sosial meets the Posyandu group and the Pemuda group on separate days: the only link between them.
    KSM C and LPM Senggarang work together in another forum: a tie outside this collaboration."""
    members = [orgs[n] for n in ("Dinas Sosial", "Posyandu A", "Bank Sampah A", "Pemuda B", "BKM B")]
    forum = create_forum(name="Pokja Bugis", kind="routine", area=areas[BUGIS], members=members,
                         acting_user=city_officer)  # fmt: skip
    _meet(forum, 1, ["Dinas Sosial", "Posyandu A", "Bank Sampah A"], orgs, city_officer)
    _meet(forum, 2, ["Dinas Sosial", "Pemuda B", "BKM B"], orgs, city_officer)
    other = create_forum(name="Forum lintas kelurahan", kind="incidental", area=areas["21.72.03"],
                         members=[orgs["KSM C"], orgs["LPM Senggarang"], orgs["Posyandu A"]],
                         acting_user=city_officer)  # fmt: skip
    _meet(other, 3, ["KSM C", "LPM Senggarang", "Posyandu A"], orgs, city_officer)
    return forum


def test_forum_network_keeps_its_actors_and_names_the_bridge(forum, orgs, city_officer):
    network = collaboration_network(city_officer, forum=forum)
    names = {row["name"] for row in network.rows}
    assert names == {"Dinas Sosial", "Posyandu A", "Bank Sampah A", "Pemuda B", "BKM B"}
    assert network.rows[0]["name"] == "Dinas Sosial"
    assert network.rows[0]["betweenness"] == pytest.approx(4 / 6)
    assert [b["name"] for b in network.bridges] == ["Dinas Sosial"]
    assert network.bridges[0]["groups"] == [["BKM B", "Pemuda B"], ["Bank Sampah A", "Posyandu A"]]
    assert network.edges == 6 and network.isolated == 0
    assert network.png()[:4] == b"\x89PNG"


def test_village_network_adds_the_village_actors_and_their_other_ties(forum, orgs, city_officer):
    network = collaboration_network(city_officer, area=forum.area)
    names = {row["name"] for row in network.rows}
    # KSM C is in Kampung Bugis: its tie to Posyandu A (the other forum) is part of the village's network;
    # LPM Senggarang lies in another village and is no actor here.
    assert "KSM C" in names and "LPM Senggarang" not in names
    bridges = {b["name"]: b["groups"] for b in network.bridges}
    assert bridges["Posyandu A"] == [["BKM B", "Bank Sampah A", "Dinas Sosial", "Pemuda B"], ["KSM C"]]
    assert "Dinas Sosial" in bridges


def test_no_bridge_in_a_closed_triangle(forum, orgs, city_officer):
    _meet(forum, 4, ["Posyandu A", "Pemuda B"], orgs, city_officer)
    network = collaboration_network(city_officer, forum=forum)
    assert network.bridges == []
    assert bridge_actors(network.graph) == []


def test_scope_and_forum_page(forum, other_facilitator, facilitator, client):
    with pytest.raises(TypeError):
        collaboration_network(facilitator)
    client.force_login(facilitator)
    page = client.get(f"/kolaborasi/forum/{forum.pk}/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "data-collaboration-network" in body and "data:image/png;base64," in body
    assert page.context["network"].bridges[0]["name"] == "Dinas Sosial"
    # Rina (Palembang) sees no organisation of Kampung Bugis: an empty network, not someone else's names.
    assert collaboration_network(other_facilitator, forum=forum).rows == []
