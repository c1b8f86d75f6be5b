"""Reciprocity: what a community gave back to a partner, recorded by the community, and the two-sided balance of
each partnership (what the partner gave, what came back) by year.

What the partner gave is read where it is already recorded, never typed twice:
- aid in cash and in kind booked in the community's cash book (`treasury.CashEntry.partner`, not cancelled);
- CSR budget lines it funded (`ProjectBudget.funder`, source CSR) of projects the community carries out or
  coordinates, or that lie inside the community's area.
What came back is `collaboration.Reciprocity` (seed 002: accounts opened at BRI, KUR loans taken, the partners'
names promoted in media coverage and decorations).

Counts of residents (accounts, loans: `PERSON_COUNTED_KINDS`) are published under the portal's small-count rule
(`gotong.portal.suppression`) unless the caller reads the community's records in full (`exact=True`).
"""

import datetime
from dataclasses import dataclass, field

from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from gotong.collaboration.models import (
    PERSON_COUNTED_KINDS,
    BudgetSource,
    Commitment,
    CommitmentStatus,
    Partnership,
    ProjectBudget,
    Reciprocity,
    ReciprocityKind,
)
from gotong.collaboration.services import collect_errors
from gotong.core.policy.decide import Place, can
from gotong.core.validation import not_in_future, whole_rupiah
from gotong.organizations.choices import PARTNER_KINDS
from gotong.portal.suppression import Cell, suppress_group

RECORD = "partnerships.record"


def exact_cell(n: int) -> Cell:
    return Cell(n, f"{n:,}".replace(",", "."))


# --- writing -----------------------------------------------------------------------------------------------------


def may_record_for(user, community) -> bool:
    return can(user, RECORD, Place(area_code=community.area_code, organization_id=community.pk))


@transaction.atomic
def record_reciprocity(
    *,
    community,
    partner,
    occurred_on: datetime.date,
    kind: str,
    description: str,
    count: int | None = None,
    value_rupiah: int | None = None,
    acting_user,
) -> Reciprocity:
    """Record one thing the community gave back; the partnership is registered with its first record.

    `acting_user` None is the system itself (the demo); anyone else needs `partnerships.record` for the community.
    """
    if acting_user is not None and not may_record_for(acting_user, community):
        raise PermissionDenied
    errors: dict[str, str] = {}
    if partner.kind not in PARTNER_KINDS:
        errors["partner"] = _("Pilih organisasi mitra (CSR/perusahaan, perguruan tinggi atau media).")
    elif partner.pk == community.pk:
        errors["partner"] = _("Mitra dan komunitas harus dua organisasi yang berbeda.")
    if kind not in ReciprocityKind.values:
        errors["kind"] = _("Bentuk timbal balik tidak dikenal.")
    if count is None and not value_rupiah:
        errors["count"] = _("Isi jumlahnya, nilainya dalam rupiah, atau keduanya.")
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 1):
        errors["count"] = _("Jumlah harus bilangan bulat 1 atau lebih.")
    if kind in PERSON_COUNTED_KINDS and count is None:
        errors["count"] = _("Untuk rekening dan pinjaman, isi berapa banyak (jumlah orang atau rekening).")
    if value_rupiah is not None:
        collect_errors(errors, whole_rupiah, value_rupiah, "value_rupiah")
    collect_errors(errors, not_in_future, occurred_on, "occurred_on")
    if not (description or "").strip():
        errors["description"] = _("Tuliskan uraiannya, mis. “12 warga membuka rekening Simpedes”.")
    if errors:
        raise ValidationError(errors)
    with set_actor(acting_user):
        partnership, created = Partnership.objects.get_or_create(
            partner=partner, community=community, defaults={"started_on": occurred_on}
        )
        if not created and partnership.started_on and occurred_on < partnership.started_on:
            partnership.started_on = occurred_on
            partnership.save(update_fields=["started_on", "updated_at"])
        record = Reciprocity(
            partnership=partnership,
            occurred_on=occurred_on,
            kind=kind,
            count=count,
            value_rupiah=value_rupiah or None,
            description=description.strip(),
            recorded_by=acting_user,
        )
        record.full_clean()
        record.save()
    return record


# --- reading: the two-sided balance --------------------------------------------------------------------------------


@dataclass
class Returned:
    """One form of reciprocity in one year (or over all years): how many, what value, how many records."""

    kind: str
    label: str
    count: int = 0
    value_rupiah: int = 0
    entries: int = 0
    count_shown: Cell | None = None

    @property
    def counts_people(self) -> bool:
        return self.kind in PERSON_COUNTED_KINDS


@dataclass
class YearBalance:
    year: int | None  # None: all years of the period
    aid_cash: int = 0
    aid_in_kind: int = 0
    csr: int = 0
    returned: dict[str, Returned] = field(default_factory=dict)

    @property
    def given_rupiah(self) -> int:
        return self.aid_cash + self.aid_in_kind + self.csr

    @property
    def returned_value_rupiah(self) -> int:
        return sum(r.value_rupiah for r in self.returned.values())

    @property
    def returned_rows(self) -> list[Returned]:
        return [self.returned[k] for k in ReciprocityKind.values if k in self.returned]


@dataclass
class PartnershipBalance:
    partnership: Partnership
    years: list[YearBalance]  # newest first
    total: YearBalance
    commitments: int = 0
    commitments_done: int = 0

    @property
    def partner(self):
        return self.partnership.partner

    @property
    def community(self):
        return self.partnership.community


def _in_period(start, end, lookup: str) -> Q:
    q = Q()
    if start:
        q &= Q(**{f"{lookup}__gte": start})
    if end:
        q &= Q(**{f"{lookup}__lte": end})
    return q


def _csr_funds_community(line: dict, community) -> bool:
    """A CSR line counts for the community it is carried out or coordinated by, or whose area holds the project."""
    code = community.area_code
    return (
        community.pk in (line["project__executor_id"], line["project__coordinator_id"])
        or line["project__area_code"] == code
        or line["project__area_code"].startswith(f"{code}.")
    )


def _balances(partnerships: list[Partnership], start, end, *, exact_for) -> list[PartnershipBalance]:
    """The balances of many partnerships in four grouped queries (cash aid, CSR lines, reciprocity, commitments),
    whatever their number: the partnership list showed 34 of them with 141 queries."""
    from gotong.treasury.models import CashEntry, Direction

    if not partnerships:
        return []
    by_pair = {(p.community_id, p.partner_id): p.pk for p in partnerships}
    communities = {p.community_id for p in partnerships}
    partners = {p.partner_id for p in partnerships}
    years: dict[int, dict[int, YearBalance]] = {p.pk: {} for p in partnerships}

    def year_row(pk: int, year: int) -> YearBalance:
        return years[pk].setdefault(year, YearBalance(year))

    aid = (
        CashEntry.objects.filter(
            _in_period(start, end, "occurred_on"),
            organization_id__in=communities,
            partner_id__in=partners,
            direction=Direction.INCOME,
            reversal__isnull=True,
        )
        .annotate(year=ExtractYear("occurred_on"))
        .order_by()
        .values("organization_id", "partner_id", "year", "in_kind")
        .annotate(total=Sum("amount"))
    )
    for row in aid:
        pk = by_pair.get((row["organization_id"], row["partner_id"]))
        if pk is None:  # a community and a partner that each have partnerships, but not with each other
            continue
        target = year_row(pk, row["year"])
        if row["in_kind"]:
            target.aid_in_kind += row["total"]
        else:
            target.aid_cash += row["total"]
    csr_years = Q()
    if start:
        csr_years &= Q(project__year__gte=start.year)
    if end:
        csr_years &= Q(project__year__lte=end.year)
    csr = (
        ProjectBudget.objects.filter(csr_years, source=BudgetSource.CSR, funder_id__in=partners)
        .order_by()
        .values("funder_id", "project__executor_id", "project__coordinator_id", "project__area_code", "project__year")
        .annotate(total=Sum("amount_rupiah"))
    )
    by_partner: dict[int, list[Partnership]] = {}
    for p in partnerships:
        by_partner.setdefault(p.partner_id, []).append(p)
    for line in csr:
        for p in by_partner[line["funder_id"]]:
            if _csr_funds_community(line, p.community):
                year_row(p.pk, line["project__year"]).csr += line["total"]
    labels = dict(ReciprocityKind.choices)
    returned = (
        Reciprocity.objects.filter(_in_period(start, end, "occurred_on"), partnership__in=list(years))
        .annotate(year=ExtractYear("occurred_on"))
        .order_by()
        .values("partnership_id", "year", "kind")
        .annotate(count=Sum("count", default=0), value=Sum("value_rupiah", default=0), entries=Count("pk"))
    )
    for row in returned:
        year_row(row["partnership_id"], row["year"]).returned[row["kind"]] = Returned(
            row["kind"], str(labels[row["kind"]]), row["count"], row["value"], row["entries"]
        )
    commitments = {
        (row["agreement__parties"], row["actor_id"]): (row["n"], row["done"])
        for row in Commitment.objects.filter(
            _in_period(start, end, "due_on"), actor_id__in=partners, agreement__parties__in=communities
        )
        .order_by()
        .values("actor_id", "agreement__parties")
        .annotate(n=Count("pk", distinct=True), done=Count("pk", distinct=True, filter=Q(status=CommitmentStatus.DONE)))
    }
    return [
        _assemble(p, years[p.pk], commitments.get((p.community_id, p.partner_id), (0, 0)), exact=exact_for(p))
        for p in partnerships
    ]


def _assemble(partnership: Partnership, years: dict[int, YearBalance], commitments, *, exact: bool):
    labels = dict(ReciprocityKind.choices)
    ordered = sorted(years.values(), key=lambda y: y.year, reverse=True)
    total = YearBalance(None, sum(y.aid_cash for y in ordered), sum(y.aid_in_kind for y in ordered))
    total.csr = sum(y.csr for y in ordered)
    for kind in ReciprocityKind.values:
        rows = [y.returned[kind] for y in ordered if kind in y.returned]
        if rows:
            total.returned[kind] = Returned(
                kind, str(labels[kind]), sum(r.count for r in rows), sum(r.value_rupiah for r in rows),
                sum(r.entries for r in rows),
            )  # fmt: skip
            _publish_counts(kind, rows, total.returned[kind], exact=exact)
    return PartnershipBalance(partnership, ordered, total, *commitments)


def _publish_counts(kind: str, rows: list[Returned], total: Returned, *, exact: bool) -> None:
    """Person counts by year and their total are one line of the small-count rule: a "<5" year cannot be worked
    out by subtracting the other years from the total (complementary suppression)."""
    if exact or kind not in PERSON_COUNTED_KINDS:
        for row in (*rows, total):
            row.count_shown = exact_cell(row.count)
        return
    cells = suppress_group({i: row.count for i, row in enumerate(rows)}, total_key="total")
    for i, row in enumerate(rows):
        row.count_shown = cells[i]
    total.count_shown = cells["total"]


def partnership_balance(partnership: Partnership, start=None, end=None, *, exact: bool = False) -> PartnershipBalance:
    """One partnership's two sides, by year (newest first) and in total, within [start, end] when given."""
    return _balances([partnership], start, end, exact_for=lambda _p: exact)[0]


def partnership_balances(partnerships, start=None, end=None, *, exact_for) -> list[PartnershipBalance]:
    """`partnership_balance` of each partnership (with `partner` and `community` selected), in a fixed number of
    queries; `exact_for(partnership)` says whether its person counts are shown exactly."""
    return _balances(list(partnerships), start, end, exact_for=exact_for)


def reciprocity_by_partnership(
    organizations_qs,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    *,
    exact: bool = False,
    viewer=None,
) -> list[PartnershipBalance]:
    """Every partnership in which one of `organizations_qs` is the partner or the community, with what the partner
    gave and what the community gave back in [start, end] (None: unbounded), by year and in total.

    For the collaboration-health indicators too: `balance.total.given_rupiah`, `balance.total.returned_value_rupiah`
    and `balance.total.returned` (per kind: count, value, entries; person counts published as `count_shown`).
    The figures name organisations, never residents. `viewer`: only the partnerships that user may see
    (`partnerships.view`); None for callers that already scoped `organizations_qs` (the health indicators).
    """
    partnerships = Partnership.objects.visible_to(viewer) if viewer is not None else Partnership.objects.all()
    partnerships = (
        partnerships.filter(Q(partner__in=organizations_qs) | Q(community__in=organizations_qs))
        .select_related("partner", "community")
        .distinct()
        .order_by("partner__name", "community__name")
    )
    return _balances(list(partnerships), start, end, exact_for=lambda _p: exact)
