"""The actors' network of one collaboration — a forum, or a village's whole set — and who bridges whom in it.

The ties are the social-capital network's (`gotong.socialcapital.network.build_network`: meetings, agreements,
projects, partner aid, programs, parent bodies), read in the user's scope; this keeps only the collaboration's
actors and the ties among them (the induced subgraph), so a tie two forum members made elsewhere still counts:
it is a relation they bring to the forum.

Who bridges whom (Borgatti, S. P., Everett, M. G. & Johnson, J. C., *Analyzing Social Networks*, 2013, ch. 10):
- betweenness: the share of shortest paths between other pairs that pass through an actor (networkx, normalised);
- a *bridge actor* is an articulation point: removing it splits its part of the network, and the groups it
  alone connects are listed (Hopcroft–Tarjan, `networkx.articulation_points`).
"""

from dataclasses import dataclass, field

import networkx as nx
from django.db.models import Q

from gotong.collaboration.models import Agreement, Decision, Forum, Participant, Project
from gotong.core.charts import png_data_uri
from gotong.organizations.models import Organization
from gotong.socialcapital.network import build_network, centrality_table, network_organizations, network_png


@dataclass
class CollaborationNetwork:
    graph: nx.Graph
    rows: list[dict]  # centrality_table rows, brokers first
    bridges: list[dict] = field(default_factory=list)  # {"id", "name", "betweenness", "groups": [[name, …], …]}
    actors: int = 0  # actors of the collaboration, tied or not

    @property
    def edges(self) -> int:
        return self.graph.number_of_edges()

    @property
    def isolated(self) -> int:
        return self.actors - self.graph.number_of_nodes()

    def png(self) -> bytes | None:
        return network_png(self.graph, self.rows)


def forum_actors(forum: Forum) -> set[int]:
    """The convener, members, organisations invited to its meetings, owners of its decisions, and the parties of
    agreements its decisions' commitments belong to."""
    actors = set(forum.members.values_list("pk", flat=True))
    if forum.convener_id:
        actors.add(forum.convener_id)
    participants = Participant.objects.filter(meeting__forum=forum, organization__isnull=False)
    actors.update(participants.values_list("organization_id", flat=True))
    decisions = Decision.objects.filter(meeting__forum=forum)
    actors.update(decisions.filter(owner__isnull=False).values_list("owner_id", flat=True))
    agreements = Agreement.objects.filter(commitments__decision__in=decisions)
    actors.update(agreements.filter(parties__isnull=False).values_list("parties", flat=True))
    return actors


def area_actors(user, area) -> set[int]:
    """Organisations located in the area, and those named in its collaboration records: forum members and
    conveners, agreement parties, project executors and coordinators (a Dinas working in the kelurahan)."""

    def inside(field):
        return Q(**{field: area.code}) | Q(**{f"{field}__startswith": f"{area.code}."})

    actors = set(Organization.objects.filter(inside("area_code")).values_list("pk", flat=True))
    for forum in Forum.objects.visible_to(user).filter(inside("area_code")):
        actors |= forum_actors(forum)
    agreements = Agreement.objects.visible_to(user).filter(inside("area_code"), parties__isnull=False)
    actors.update(agreements.values_list("parties", flat=True))
    projects = Project.objects.visible_to(user).filter(inside("area_code"))
    for executor, coordinator in projects.values_list("executor", "coordinator"):
        actors.update(a for a in (executor, coordinator) if a)
    return actors


def bridge_actors(graph: nx.Graph) -> list[dict]:
    """Each articulation point with the groups that would fall apart without it, largest group first."""
    bridges = []
    for node in nx.articulation_points(graph):
        part = nx.node_connected_component(graph, node) - {node}
        groups = [
            sorted(graph.nodes[n]["name"] for n in component)
            for component in nx.connected_components(graph.subgraph(part))
        ]
        groups.sort(key=lambda names: (-len(names), names))
        bridges.append({"id": node, "name": graph.nodes[node]["name"], "groups": groups})
    return bridges


def collaboration_network(user, forum: Forum | None = None, area=None) -> CollaborationNetwork:
    """The network of a forum's actors (`forum`) or of a village's (`area`), within what `user` may see."""
    if (forum is None) == (area is None):
        raise TypeError("give a forum or an area")
    actors = forum_actors(forum) if forum is not None else area_actors(user, area)
    actors &= set(network_organizations(user))  # an actor the user may not see is neither drawn nor counted
    graph = build_network(user)
    graph = graph.subgraph(node for node in graph.nodes if node in actors).copy()
    rows = centrality_table(graph)
    betweenness = {row["id"]: row["betweenness"] for row in rows}
    bridges = bridge_actors(graph)
    for bridge in bridges:
        bridge["betweenness"] = betweenness[bridge["id"]]
    bridges.sort(key=lambda b: (-b["betweenness"], b["name"]))
    return CollaborationNetwork(graph=graph, rows=rows, bridges=bridges, actors=len(actors))


def network_context(user, forum: Forum | None = None, area=None) -> dict:
    """What `collaboration/_network.html` needs: the network and its picture as a data URI (None when empty)."""
    network = collaboration_network(user, forum=forum, area=area)
    png = network.png()
    return {"network": network, "network_picture": png_data_uri(png) if png else None}
