"""A partner organisation's contributions everywhere in Gotong, where each went and what came of it — aggregates only.

- aid in cash and in kind booked in community cash books (`treasury.CashEntry.partner`), per receiving treasury;
- CSR budget lines it funded (`ProjectBudget.funder`), per project: its place, status and after-photos;
- programs and trainings it runs (`programs.Program.organization`): where, cohorts, participants and graduates;
- its commitments in agreements: how many, how many done.

Participants and graduates are counts of residents: they are published under the portal's small-count rule
(`gotong.portal.suppression`), each program's enrolment line (completed + active + dropped = enrolled) protected
together, so a "<5" cannot be recovered by subtraction. No resident is ever named.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Max, Q, Sum
from django.utils import timezone

from gotong.collaboration.models import BudgetSource, Commitment, CommitmentStatus, PhotoStage, ProjectBudget
from gotong.collaboration.services.reciprocity import exact_cell
from gotong.portal.suppression import Cell, suppress_group


@dataclass
class ProgramOutcome:
    name: str
    kind: str
    area: str
    cohorts: int
    enrolled: Cell
    completed: Cell
    started_business: Cell


@dataclass
class Contributions:
    aid: list[dict] = field(default_factory=list)
    aid_total: int = 0
    aid_in_kind: int = 0
    csr: list[dict] = field(default_factory=list)
    csr_total: int = 0
    programs: list[ProgramOutcome] = field(default_factory=list)
    commitments: int = 0
    commitments_done: int = 0
    commitments_overdue: int = 0

    @property
    def given_rupiah(self) -> int:
        return self.aid_total + self.csr_total

    @property
    def empty(self) -> bool:
        return not (self.aid or self.csr or self.programs or self.commitments)


def _aid(organizations, treasuries):
    from gotong.treasury.models import CashEntry, Direction

    return list(
        CashEntry.objects.filter(
            partner__in=organizations, direction=Direction.INCOME, reversal__isnull=True, organization__in=treasuries
        )
        .values("organization_id", "organization__name", "organization__area__name")
        .annotate(
            total=Sum("amount"),
            in_kind=Sum("amount", filter=Q(in_kind=True), default=0),
            entries=Count("pk"),
            last=Max("occurred_on"),
        )
        .order_by("-total", "organization__name")
    )


def _csr(organizations):
    return list(
        ProjectBudget.objects.filter(source=BudgetSource.CSR, funder__in=organizations)
        .select_related("project__area", "funder")
        .annotate(after_photos=Count("project__photos", filter=Q(project__photos__stage=PhotoStage.AFTER)))
        .order_by("-project__year", "project__name")
    )


def _programs(organizations, *, exact: bool) -> list[ProgramOutcome]:
    from gotong.programs.models import EnrolmentStatus, Program

    rows = (
        Program.objects.filter(organization__in=organizations)
        .select_related("area")
        .annotate(
            cohort_count=Count("cohorts", distinct=True),
            completed=Count("cohorts__enrolments", filter=Q(cohorts__enrolments__status=EnrolmentStatus.COMPLETED)),
            active=Count("cohorts__enrolments", filter=Q(cohorts__enrolments__status=EnrolmentStatus.ACTIVE)),
            dropped=Count("cohorts__enrolments", filter=Q(cohorts__enrolments__status=EnrolmentStatus.DROPPED)),
            business=Count("cohorts__enrolments", filter=Q(cohorts__enrolments__started_business=True)),
        )
        .order_by("name")
    )
    outcomes = []
    for program in rows:
        parts = {"completed": program.completed, "active": program.active, "dropped": program.dropped}
        if exact:
            cells = {key: exact_cell(n) for key, n in parts.items()} | {"total": exact_cell(sum(parts.values()))}
            business = exact_cell(program.business)
        else:
            cells = suppress_group(parts, total_key="total")
            business = suppress_group({"business": program.business}, total_key="total")["business"]
        outcomes.append(
            ProgramOutcome(
                program.name, program.get_kind_display(), program.area.name, program.cohort_count,
                cells["total"], cells["completed"], business,
            )
        )  # fmt: skip
    return outcomes


def partner_contributions(organizations, *, treasuries, exact: bool = False, today=None) -> Contributions:
    """What `organizations` (a partner's) gave, everywhere: `treasuries` are the cash books the viewer may read
    (`Treasury.objects.visible_to(user)`; partners read every treasury's totals). `exact` for viewers who read the
    receiving communities' records in full; otherwise counts of residents follow the small-count rule."""
    today = today or timezone.localdate()
    result = Contributions()
    result.aid = _aid(organizations, treasuries)
    result.aid_total = sum(row["total"] for row in result.aid)
    result.aid_in_kind = sum(row["in_kind"] for row in result.aid)
    result.csr = _csr(organizations)
    result.csr_total = sum(line.amount_rupiah for line in result.csr)
    result.programs = _programs(organizations, exact=exact)
    open_statuses = (CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS)
    figures = Commitment.objects.filter(actor__in=organizations).aggregate(
        n=Count("pk"),
        done=Count("pk", filter=Q(status=CommitmentStatus.DONE)),
        overdue=Count("pk", filter=Q(status__in=open_statuses, due_on__lt=today)),
    )
    result.commitments, result.commitments_done = figures["n"], figures["done"]
    result.commitments_overdue = figures["overdue"]
    return result
