"""The partnerships of a city or village as the public portal shows them: per partner organisation (their names are
public), what it gave the communities there and what the communities gave back — totals, no person named.

Rupiah are shown in full (money is not a person). Accounts opened and loans taken count residents: for each partner
and kind, the city's villages and the city total are one protected line of the small-count rule
(`gotong.portal.suppression.protect`), decided once per city and read by the city page and every village page
alike, so subtracting one page from another reveals nothing (the portal's own rule 5).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q, Sum

from gotong.collaboration.models import (
    PERSON_COUNTED_KINDS,
    BudgetSource,
    Partnership,
    ProjectBudget,
    Reciprocity,
    ReciprocityKind,
)
from gotong.core.area_codes import city_code, village_code
from gotong.core.scoping import area_code_filter
from gotong.portal.suppression import Cell, Line, protect


@dataclass
class PublicPartner:
    name: str
    aid_rupiah: int = 0
    csr_rupiah: int = 0
    returned_value_rupiah: int = 0
    communities: int = 0
    people: dict[str, Cell] = field(default_factory=dict)  # kind label → published count

    @property
    def given_rupiah(self) -> int:
        return self.aid_rupiah + self.csr_rupiah


def _person_cells(city: str) -> dict[tuple[int, str, str], Cell]:
    """(partner id, kind, village code or "total") → Cell, protected once for the whole city."""
    rows = (
        Reciprocity.objects.filter(area_code_filter([city]), kind__in=PERSON_COUNTED_KINDS)
        .values("partnership__partner_id", "kind", "area_code")
        .annotate(n=Sum("count", default=0))
    )
    counts: dict[tuple, int] = defaultdict(int)
    for row in rows:
        key = (row["partnership__partner_id"], row["kind"])
        counts[(*key, village_code(row["area_code"]))] += row["n"]
        counts[(*key, "total")] += row["n"]
    lines = []
    for partner_id, kind, village in list(counts):
        if village == "total":
            parts = tuple(k for k in counts if k[:2] == (partner_id, kind) and k[2] != "total")
            lines.append(Line((partner_id, kind, "total"), parts))
    return protect(dict(counts), lines)


def public_partners(area) -> list[PublicPartner]:
    """Partners with a partnership whose community lies in `area` (a city or a village), largest giver first."""
    from gotong.treasury.models import CashEntry, Direction

    partnerships = list(
        Partnership.objects.filter(area_code_filter([area.code])).select_related("partner", "community")
    )
    if not partnerships:
        return []
    cells = _person_cells(city_code(area.code))
    labels = dict(ReciprocityKind.choices)
    by_partner: dict[int, PublicPartner] = {}
    for partnership in partnerships:
        row = by_partner.setdefault(partnership.partner_id, PublicPartner(partnership.partner.name))
        row.communities += 1
        community = partnership.community
        row.aid_rupiah += CashEntry.objects.filter(
            organization=community, partner_id=partnership.partner_id, direction=Direction.INCOME,
            reversal__isnull=True,
        ).aggregate(t=Sum("amount", default=0))["t"]  # fmt: skip
        where = Q(project__executor=community) | Q(project__coordinator=community)
        row.csr_rupiah += ProjectBudget.objects.filter(
            where | area_code_filter([community.area_code], "project__area_code"),
            source=BudgetSource.CSR, funder_id=partnership.partner_id,
        ).aggregate(t=Sum("amount_rupiah", default=0))["t"]  # fmt: skip
        row.returned_value_rupiah += partnership.reciprocities.aggregate(t=Sum("value_rupiah", default=0))["t"]
    key_place = area.code if area.code.count(".") == 3 else "total"
    for partner_id, row in by_partner.items():
        for kind in sorted(PERSON_COUNTED_KINDS):
            cell = cells.get((partner_id, kind, key_place))
            if cell is not None:
                row.people[str(labels[kind])] = cell
    return sorted(by_partner.values(), key=lambda r: (-r.given_rupiah, r.name))
