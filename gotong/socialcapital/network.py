"""The network of actors, built from the records: who works with whom, and who brokers between groups.

Nodes are the organisations the user may see (and the bodies above their areas, see
`network_organizations`). An edge's weight counts the ties found in the records the user may
see: +1 per meeting both attended (collaboration Participant with attended = hadir), +1 per agreement both are
party to, +1 per project where one executes and the other coordinates, +1 per partner aid (a treasury cash-book
entry from a partner; a casework assistance or referral naming an organisation), +1 per program both run
(organiser and partners), +1 for a parent–child organisation.
Degree centrality is networkx's normalised degree; betweenness is computed on hops (unweighted), because a
heavier tie means a closer relation, not a longer path. The weighted degree ("kekuatan") is shown beside it.
"""

from collections import Counter
from itertools import combinations

import networkx as nx

from gotong.casework.models import Assistance, Referral
from gotong.collaboration.access import organization_choices
from gotong.collaboration.models import Agreement, Participant, Project
from gotong.core.charts import GREEN, figure_png, new_figure
from gotong.organizations.models import Organization
from gotong.programs.models import Program
from gotong.treasury.models import CashEntry

TIE_KINDS = ("meetings", "agreements", "projects", "aid", "programs", "parent")


def network_organizations(user) -> dict[int, Organization]:
    """Organisations the user may see, plus the city/province bodies above their areas (Dinas, BRI Palembang,
    Korkot) that collaboration lets them name as parties: a kelurahan's network is not only the kelurahan."""
    organizations = {org.pk: org for org in Organization.objects.visible_to(user)}
    organizations.update((org.pk, org) for org in organization_choices(user, "collaboration.view"))
    return organizations


def _name_key(name: str) -> str:
    """Free-text names ("Puskesmas  kampung bugis") compared without case or repeated spaces."""
    return " ".join((name or "").split()).casefold()


def _record_ties(user, tie) -> None:
    """Meetings, agreements, projects (collaboration) and parent–child organisations."""
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


def _aid_ties(user, tie, organizations) -> None:
    """Partner aid: +1 per cash-book entry a community treasury received from a named partner (cancelled entries
    do not count), +1 per casework assistance or referral whose source / service names an organisation, tying it
    to the case's accompanying organisation. Casework is read only as far as the user may read cases."""
    entries = CashEntry.objects.visible_to(user).filter(partner__isnull=False, reversal__isnull=True)
    for receiver, giver in entries.values_list("organization_id", "partner_id"):
        tie(receiver, giver, "aid")
    by_name: dict[str, int] = {}
    for org in organizations.values():
        by_name.setdefault(_name_key(org.name), org.pk)
    assistance = Assistance.objects.visible_to(user).filter(case__organization__isnull=False).exclude(source_name="")
    referrals = Referral.objects.visible_to(user).filter(case__organization__isnull=False)
    for case_org, named in [
        *assistance.values_list("case__organization_id", "source_name"),
        *referrals.values_list("case__organization_id", "service_name"),
    ]:
        other = by_name.get(_name_key(named))
        if other is not None:
            tie(case_org, other, "aid")


def _program_ties(user, tie) -> None:
    """Program partnerships: +1 between a program's organiser and each of its partners, and between partners."""
    members: dict[int, set[int]] = {}
    programs = Program.objects.visible_to(user)
    for program_id, organiser in programs.values_list("pk", "organization_id"):
        members.setdefault(program_id, set()).add(organiser)
    for program_id, partner in programs.filter(partners__isnull=False).values_list("pk", "partners"):
        members[program_id].add(partner)
    for orgs in members.values():
        for a, b in combinations(sorted(orgs), 2):
            tie(a, b, "programs")


def build_network(user) -> nx.Graph:
    organizations = network_organizations(user)
    ties: Counter = Counter()

    def tie(a, b, kind):
        if a != b and a in organizations and b in organizations:
            ties[(min(a, b), max(a, b), kind)] += 1

    _record_ties(user, tie)
    _aid_ties(user, tie, organizations)
    _program_ties(user, tie)
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
