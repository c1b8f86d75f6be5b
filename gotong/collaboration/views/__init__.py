"""Collaboration pages: agreements with their commitments, the status form, and projects with budgets.

Forums, targets/plans, create/edit forms and photos/data sharing live in the sibling modules."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.collaboration import services
from gotong.collaboration.forms import CommitmentStatusForm
from gotong.collaboration.lists import agreement_rows, project_rows
from gotong.collaboration.models import Agreement, BudgetSource, Commitment, PhotoStage, Project
from gotong.collaboration.views.common import RECORD, VIEW
from gotong.core.forms import add_service_errors
from gotong.core.policy.routes import by, route


@route(VIEW)
def agreement_list(request):
    agreements = agreement_rows(request.user, request.GET)
    return render(request, "collaboration/agreement_list.html", {"agreements": agreements})


@route(VIEW, target=by(Agreement))
def agreement_detail(request, pk):
    agreement = get_object_or_404(
        Agreement.objects.visible_to(request.user).select_related("area").prefetch_related("parties"), pk=pk
    )
    today = timezone.localdate()
    commitments = agreement.commitments.select_related("actor").prefetch_related("evidence_files")
    overdue = set(services.overdue_commitments(commitments, today).values_list("pk", flat=True))
    rows = [{"commitment": c, "overdue": c.pk in overdue} for c in commitments]
    rates = [
        {"actor": party, "rate": services.kept_on_time_rate(party, agreement.commitments.all(), today)}
        for party in agreement.parties.all()
    ]
    context = {"agreement": agreement, "rows": rows, "rates": rates}
    return render(request, "collaboration/agreement_detail.html", context)


@route(RECORD, post=RECORD, target=by(Commitment))
def commitment_status(request, pk):
    commitment = get_object_or_404(
        Commitment.objects.visible_to(request.user).select_related("agreement", "actor"), pk=pk
    )
    initial = {"status": commitment.status, "done_on": commitment.done_on, "evidence": commitment.evidence}
    form = CommitmentStatusForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_commitment_status(commitment, **form.service_kwargs(), acting_user=request.user)
        except ValidationError as exc:
            commitment.refresh_from_db()
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("Status komitmen disimpan: %(status)s.") % {"status": commitment.get_status_display()}
            )
            return redirect("collaboration:agreement-detail", commitment.agreement_id)
    return render(request, "collaboration/commitment_form.html", {"form": form, "commitment": commitment})


@route(VIEW)
def project_list(request):
    rows = project_rows(request.user, request.GET)
    sources = list(BudgetSource)
    totals = {source: sum(row["by_source"].get(source, 0) for row in rows) for source in sources}
    context = {
        "rows": rows,
        "sources": sources,
        "totals": [(source, totals[source]) for source in sources],
        "grand_total": sum(totals.values()),
    }
    return render(request, "collaboration/project_list.html", context)


@route(VIEW, target=by(Project))
def project_detail(request, pk):
    project = get_object_or_404(
        Project.objects.visible_to(request.user).select_related("area__parent", "executor", "coordinator"), pk=pk
    )
    budgets = list(project.budgets.select_related("funder"))
    photos = list(project.photos.all())
    context = {
        "project": project,
        "budgets": budgets,
        "total": sum(b.amount_rupiah for b in budgets),
        "photo_stages": [(stage, stage.label, [p for p in photos if p.stage == stage]) for stage in PhotoStage],
        "activities": project.activities.select_related("plan"),
    }
    return render(request, "collaboration/project_detail.html", context)
