"""The partnerships of a city or village as the public portal shows them: per partner organisation (their names are
public), what it gave the communities there and what the communities gave back — totals, no person named.

Rupiah are shown in full (money is not a person). Accounts opened and loans taken count residents: for each partner
and kind, the city's villages and the city total are one protected line of the small-count rule
(`gotong.portal.suppression.protect`), decided once per city and read by the city page and every village page
alike, so subtracting one page from another reveals nothing (the portal's own rule 5).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Sum

from gotong.collaboration.models import (
    PERSON_COUNTED_KINDS,
    Partnership,
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
    from gotong.collaboration.services.reciprocity import partnership_balances

    partnerships = list(
        Partnership.objects.filter(area_code_filter([area.code])).select_related("partner", "community")
    )
    if not partnerships:
        return []
    cells = _person_cells(city_code(area.code))
    labels = dict(ReciprocityKind.choices)
    by_partner: dict[int, PublicPartner] = {}
    # Every partnership's totals in a fixed number of queries (the city page read three per partnership).
    for balance in partnership_balances(partnerships, exact_for=lambda _p: True):
        partnership, total = balance.partnership, balance.total
        row = by_partner.setdefault(partnership.partner_id, PublicPartner(partnership.partner.name))
        row.communities += 1
        row.aid_rupiah += total.aid_cash + total.aid_in_kind
        row.csr_rupiah += total.csr
        row.returned_value_rupiah += total.returned_value_rupiah
    key_place = area.code if area.code.count(".") == 3 else "total"
    for partner_id, row in by_partner.items():
        for kind in sorted(PERSON_COUNTED_KINDS):
            cell = cells.get((partner_id, kind, key_place))
            if cell is not None:
                row.people[str(labels[kind])] = cell
    return sorted(by_partner.values(), key=lambda r: (-r.given_rupiah, r.name))
