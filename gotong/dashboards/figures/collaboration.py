"""Projects and their budgets by source (APBN, APBD, swadaya, …), and commitments kept on time."""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, F, Q, Sum

from gotong.collaboration.models import BudgetSource, Commitment, CommitmentStatus, Project, ProjectBudget
from gotong.collaboration.services import overdue_commitments
from gotong.core.scoping import area_code_filter
from gotong.dashboards.figures.links import list_url


def figures(user, area, today) -> dict | None:
    in_area = area_code_filter([area.code])
    projects = Project.objects.visible_to(user).filter(in_area)
    commitments = Commitment.objects.visible_to(user).filter(in_area)
    project_count = projects.count()
    totals = dict(
        ProjectBudget.objects.visible_to(user)
        .filter(in_area)
        .values_list("source")
        .annotate(total=Sum("amount_rupiah"))
        .order_by()
    )
    # Same rule as collaboration.services.kept_on_time_rate, over all actors in the area.
    counts = commitments.aggregate(
        total=Count("pk"),
        counted=Count("pk", filter=Q(status=CommitmentStatus.DONE) | Q(due_on__lt=today)),
        kept=Count("pk", filter=Q(status=CommitmentStatus.DONE, done_on__lte=F("due_on"))),
    )
    if not project_count and not counts["total"]:
        return None
    rate = None
    if counts["counted"]:
        rate = (Decimal(100) * counts["kept"] / counts["counted"]).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return {
        "projects": project_count,
        "budgets": [
            {"source": source, "label": label, "amount": totals.get(source, 0)}
            for source, label in BudgetSource.choices
            if totals.get(source)
        ],
        "budget_total": sum(totals.values()),
        "commitments": counts["total"],
        "commitments_due": counts["counted"],
        "commitments_kept": counts["kept"],
        "kept_rate": rate,
        "overdue": overdue_commitments(commitments, today).count(),
        "projects_url": list_url("collaboration:project-list", area),
        "agreements_url": list_url("collaboration:agreement-list", area),
    }
