"""The network of actors: a broker linking two groups has the highest betweenness; scope decides the nodes."""

import datetime

import pytest

from gotong.collaboration.services import create_agreement, create_project
from gotong.collaboration.services.forums import create_forum, create_meeting, record_attendance
from gotong.organizations.choices import OrganizationKind
from gotong.organizations.services import create_organization
from gotong.socialcapital.network import build_network, centrality_table, network_png

BUGIS = "21.72.03.1005"


@pytest.fixture
def two_groups(areas, city_officer, admin_user):
    def org(name, code=BUGIS, parent=None):
        # The admin registers them: Palembang lies outside the Tanjungpinang officer's reach.
        return create_organization(name=name, kind=OrganizationKind.OTHER, area=areas[code], parent=parent,
                                   acting_user=admin_user)  # fmt: skip

    orgs = {name: org(name) for name in ("Posyandu A", "Bank Sampah A", "Pemuda B", "BKM B")}
    # A city body: Budi (Kampung Bugis) sees it in his network although it is not inside his kelurahan.
    orgs["Dinas Sosial"] = org("Dinas Sosial", "21.72")

    def meeting(names, day, absent=()):
        forum = create_forum(name=f"Forum {day}", kind="routine", area=areas[BUGIS],
                             members=[orgs[n] for n in [*names, *absent]], acting_user=city_officer)  # fmt: skip
        held = create_meeting(forum, held_on=datetime.date(2025, 1, day), place="Balai", agenda="Rapat",
                              acting_user=city_officer)  # fmt: skip
        record_attendance(held, attendance={p.pk: p.organization.name in names for p in held.participants.all()},
                          acting_user=city_officer)  # fmt: skip

    meeting(["Dinas Sosial", "Posyandu A", "Bank Sampah A"], 1, absent=("Pemuda B",))
    meeting(["Dinas Sosial", "Pemuda B", "BKM B"], 2)
    # Palembang: outside the Tanjungpinang people's scope.
    orgs["Kampung Sayur"] = org("Kampung Sayur", "16.71.11.1005")
    return orgs


def test_broker_has_highest_betweenness(two_groups, city_officer):
    graph = build_network(city_officer)
    rows = centrality_table(graph)
    assert rows[0]["name"] == "Dinas Sosial"
    # Four of the six pairs among the other four pass only through Dinas Sosial: 4 / 6.
    assert rows[0]["betweenness"] == pytest.approx(4 / 6)
    assert rows[0]["degree"] == 1.0 and rows[0]["ties"] == 4
    posyandu = next(r for r in rows if r["name"] == "Posyandu A")
    assert posyandu["betweenness"] == 0 and posyandu["degree"] == pytest.approx(2 / 4)
    # Invited but absent does not tie Pemuda B to the first group.
    assert not graph.has_edge(two_groups["Pemuda B"].pk, two_groups["Posyandu A"].pk)
    assert "Kampung Sayur" not in {r["name"] for r in rows}
    assert network_png(graph, rows)[:4] == b"\x89PNG"


def test_agreements_projects_and_parents_add_weight(two_groups, areas, city_officer):
    orgs = two_groups
    create_agreement(title="MoU", kind="mou", signed_on=datetime.date(2025, 2, 1), area=areas[BUGIS],
                     parties=[orgs["Posyandu A"], orgs["Dinas Sosial"]], acting_user=city_officer)  # fmt: skip
    create_project(name="Drainase", kind="drainase", area=areas[BUGIS], volume="10", unit="m",
                   executor=orgs["BKM B"], coordinator=orgs["Dinas Sosial"], year=2025, budgets={},
                   acting_user=city_officer)  # fmt: skip
    graph = build_network(city_officer)
    edge = graph.edges[orgs["Posyandu A"].pk, orgs["Dinas Sosial"].pk]
    assert (edge["meetings"], edge["agreements"], edge["weight"]) == (1, 1, 2)
    assert graph.edges[orgs["BKM B"].pk, orgs["Dinas Sosial"].pk]["projects"] == 1


def test_network_scope(two_groups, other_facilitator, partner, client, facilitator):
    assert build_network(other_facilitator).number_of_nodes() == 0
    assert build_network(partner).number_of_nodes() == 0
    client.force_login(facilitator)
    page = client.get("/modal-sosial/jaringan/")
    assert page.status_code == 200
    assert page.context["rows"][0]["name"] == "Dinas Sosial"
    assert "data:image/png;base64," in page.content.decode()
