"""The network of actors, built from the records: who works with whom, and who brokers between groups.

Nodes are the organisations the user may see (and the bodies above their areas, see
`network_organizations`). An edge's weight counts the ties found in the records the user may
see: +1 per meeting both attended (collaboration Participant with attended = hadir), +1 per agreement both are
party to, +1 per project where one executes and the other coordinates, +1 for a parent–child organisation.
Degree centrality is networkx's normalised degree; betweenness is computed on hops (unweighted), because a
heavier tie means a closer relation, not a longer path. The weighted degree ("kekuatan") is shown beside it.
"""

from collections import Counter
from itertools import combinations

import networkx as nx

from gotong.collaboration.access import organization_choices
from gotong.collaboration.models import Agreement, Participant, Project
from gotong.core.charts import GREEN, figure_png, new_figure
from gotong.organizations.models import Organization

TIE_KINDS = ("meetings", "agreements", "projects", "parent")


def network_organizations(user) -> dict[int, Organization]:
    """Organisations the user may see, plus the city/province bodies above their areas (Dinas, BRI Palembang,
    Korkot) that collaboration lets them name as parties: a kelurahan's network is not only the kelurahan."""
    organizations = {org.pk: org for org in Organization.objects.visible_to(user)}
    organizations.update((org.pk, org) for org in organization_choices(user, "collaboration.view"))
    return organizations


def build_network(user) -> nx.Graph:
    organizations = network_organizations(user)
    ties: Counter = Counter()

    def tie(a, b, kind):
        if a != b and a in organizations and b in organizations:
            ties[(min(a, b), max(a, b), kind)] += 1

    attended: dict[int, set[int]] = {}
    rows = Participant.objects.visible_to(user).filter(attended=True, organization__isnull=False)
    for meeting_id, org_id in rows.values_list("meeting_id", "organization_id"):
        attended.setdefault(meeting_id, set()).add(org_id)
    for orgs in attended.values():
        for a, b in combinations(sorted(orgs), 2):
            tie(a, b, "meetings")
    parties: dict[int, set[int]] = {}
    for agreement_id, org_id in Agreement.objects.visible_to(user).values_list("pk", "parties"):
        if org_id is not None:
            parties.setdefault(agreement_id, set()).add(org_id)
    for orgs in parties.values():
        for a, b in combinations(sorted(orgs), 2):
            tie(a, b, "agreements")
    for executor, coordinator in Project.objects.visible_to(user).values_list("executor_id", "coordinator_id"):
        if executor and coordinator:
            tie(executor, coordinator, "projects")
    for org in organizations.values():
        if org.parent_id:
            tie(org.pk, org.parent_id, "parent")

    graph = nx.Graph()
    for (a, b, kind), count in ties.items():
        for node in (a, b):
            if node not in graph:
                graph.add_node(node, name=organizations[node].name, kind=organizations[node].get_kind_display())
        if not graph.has_edge(a, b):
            graph.add_edge(a, b, weight=0, **dict.fromkeys(TIE_KINDS, 0))
        graph.edges[a, b][kind] += count
        graph.edges[a, b]["weight"] += count
    graph.graph["isolated"] = len(organizations) - graph.number_of_nodes()
    return graph


def centrality_table(graph: nx.Graph) -> list[dict]:
    """One row per organisation, ranked by betweenness (the brokers first), then degree and name."""
    if graph.number_of_nodes() == 0:
        return []
    degree = nx.degree_centrality(graph)
    betweenness = nx.betweenness_centrality(graph, normalized=True)
    rows = [
        {
            "id": node,
            "name": data["name"],
            "kind": data["kind"],
            "ties": graph.degree(node),
            "strength": graph.degree(node, weight="weight"),
            "degree": degree[node],
            "betweenness": betweenness[node],
        }
        for node, data in graph.nodes(data=True)
    ]
    rows.sort(key=lambda row: (-row["betweenness"], -row["degree"], row["name"]))
    for rank, row in enumerate(rows, start=1):
        row["rank"] = rank
    return rows


def network_png(graph: nx.Graph, rows: list[dict]) -> bytes | None:
    """Nodes sized by betweenness, edges as thick as their weight, every node labelled."""
    if graph.number_of_nodes() == 0:
        return None
    positions = nx.spring_layout(graph, seed=7, weight="weight")
    betweenness = {row["id"]: row["betweenness"] for row in rows}
    heaviest = max((w for _a, _b, w in graph.edges(data="weight")), default=1)
    figure = new_figure(7.0, 5.5)
    ax = figure.add_subplot()
    for a, b, weight in graph.edges(data="weight"):
        (x1, y1), (x2, y2) = positions[a], positions[b]
        ax.plot([x1, x2], [y1, y2], color="#adb5bd", linewidth=0.8 + 3 * weight / heaviest, zorder=1)
    nodes = list(graph.nodes)
    ax.scatter(
        [positions[n][0] for n in nodes],
        [positions[n][1] for n in nodes],
        s=[80 + 1600 * betweenness[n] for n in nodes],
        color=GREEN,
        alpha=0.85,
        edgecolors="white",
        zorder=2,
    )
    for node in nodes:
        x, y = positions[node]
        ax.annotate(graph.nodes[node]["name"], (x, y), xytext=(0, 9), textcoords="offset points",
                    ha="center", fontsize=7, zorder=3)  # fmt: skip
    ax.set_axis_off()
    ax.margins(0.15)
    return figure_png(figure)
