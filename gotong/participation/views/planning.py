"""Planning together at /aspirasi/perencanaan/: rounds, proposals, supports, the choice and the chain to projects.

Who may open a page is the route's rule, decided by the access policy before the view runs: a round or proposal
outside the user's `participation.view` answers 404 (residents see the rounds of the RW/kelurahan they live in),
an action they may not take 403. Views parse input, call one service (`services/planning.py`), render.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.areas.models import Level
from gotong.collaboration.access import area_choices, organization_choices
from gotong.collaboration.models import ActionPlan, Meeting
from gotong.core.area_codes import ancestors_of_all
from gotong.core.forms import add_service_errors
from gotong.core.policy import can
from gotong.core.policy.routes import by, route
from gotong.core.scoping import area_code_filter
from gotong.participation.forms.planning import (
    AspirationProposalForm,
    ChooseForm,
    ProposalForm,
    ProposalProjectForm,
    RoundForm,
)
from gotong.participation.models import Aspiration, PlanningRound, Proposal
from gotong.participation.services import planning as services

VIEW = "participation.view"
PLAN = "participation.plan"
RAISE = "participation.raise"
SUPPORT = "participation.support"

round_by_id = by(PlanningRound, "public_id")
proposal_by_id = by(Proposal, "public_id")


def _round(request, public_id) -> PlanningRound:
    return get_object_or_404(PlanningRound.objects.visible_to(request.user).select_related("area"), public_id=public_id)


def _proposal(request, public_id) -> Proposal:
    rows = Proposal.objects.visible_to(request.user).select_related(
        "round__area", "aspiration", "meeting__forum", "project", "activity__plan"
    )
    return get_object_or_404(rows, public_id=public_id)


def _saved(request, form, call, message):
    """Run `call()` for a valid POSTed form; the result, or None with the service's errors on the form."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = call()
    except ValidationError as exc:
        add_service_errors(form, exc)
        return None
    messages.success(request, message)
    return result


@route(VIEW)
def round_list(request):
    rounds = (
        PlanningRound.objects.visible_to(request.user)
        .select_related("area")
        .prefetch_related("proposals")
        .order_by("closed_on", "-opens_on", "-pk")
    )
    return render(request, "participation/planning_list.html", {"rounds": rounds})


@route(PLAN, post=PLAN)
def round_create(request):
    form = RoundForm(
        request.POST or None,
        areas=area_choices(request.user, PLAN, min_level=Level.VILLAGE, max_level=Level.RW),
    )
    created = _saved(
        request,
        form,
        lambda: services.open_round(**form.cleaned_data, acting_user=request.user),
        _("Putaran perencanaan dibuka."),
    )
    if created:
        return redirect("participation:planning-round", created.public_id)
    return render(request, "participation/planning_form.html", {"form": form, "title": _("Buka putaran perencanaan")})


@route(VIEW, target=round_by_id)
def round_detail(request, public_id):
    planning_round = _round(request, public_id)
    proposals = list(
        services.with_support_counts(planning_round.proposals.select_related("project", "aspiration")).order_by(
            "-support_count", "pk"
        )
    )
    context = {
        "round": planning_round,
        "proposals": proposals,
        "supported": services.supported_ids(request.user, proposals),
        "accepts_support": planning_round.accepts_support_on(timezone.localdate()),
        "total_supports": sum(p.support_count for p in proposals),
    }
    return render(request, "participation/planning_round.html", context)


@route(RAISE, post=RAISE, target=round_by_id)
def proposal_create(request, public_id):
    planning_round = _round(request, public_id)
    meetings = None
    if can(request.user, PLAN, planning_round):
        # Workers record a forum's proposals; residents propose their own.
        code = planning_round.area_code
        meetings = (
            Meeting.objects.visible_to(request.user)
            .filter(area_code_filter([code]) | Q(area_code__in=ancestors_of_all([code])))
            .select_related("forum")
            .order_by("-held_on")
        )
    form = ProposalForm(request.POST or None, meetings=meetings)
    created = _saved(
        request,
        form,
        lambda: services.add_proposal(planning_round, **form.cleaned_data, acting_user=request.user),
        _("Usulan tersimpan."),
    )
    if created:
        return redirect("participation:planning-round", planning_round.public_id)
    title = _("Usulan baru: %(round)s") % {"round": planning_round.title}
    return render(request, "participation/planning_form.html", {"form": form, "title": title, "round": planning_round})


@route(None, post=PLAN, target=round_by_id)
def round_close(request, public_id):
    planning_round = _round(request, public_id)
    try:
        services.close_round(planning_round, acting_user=request.user)
        messages.success(request, _("Putaran ditutup. Sekarang pilih usulan yang disepakati."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("participation:planning-round", planning_round.public_id)


@route(PLAN, post=PLAN, target=round_by_id)
def round_choose(request, public_id):
    planning_round = _round(request, public_id)
    proposals = services.with_support_counts(planning_round.proposals.all()).order_by("-support_count", "pk")
    initial = {"chosen": [p for p in proposals if p.status == "chosen"]}
    form = ChooseForm(request.POST or None, initial=initial, proposals=proposals)
    done = _saved(
        request,
        form,
        lambda: services.choose_proposals(planning_round, chosen=form.cleaned_data["chosen"], acting_user=request.user),
        _("Hasil putaran tersimpan."),
    )
    if done is not None:
        return redirect("participation:planning-round", planning_round.public_id)
    context = {"form": form, "round": planning_round, "proposals": proposals}
    return render(request, "participation/planning_choose.html", context)


@route(VIEW, target=proposal_by_id)
def proposal_detail(request, public_id):
    proposal = _proposal(request, public_id)
    context = {
        "proposal": proposal,
        "round": proposal.round,
        "support_count": proposal.supports.count(),
        "supported": bool(services.supported_ids(request.user, [proposal])),
        "accepts_support": proposal.round.accepts_support_on(timezone.localdate()),
        "chain": services.chain(proposal),
    }
    return render(request, "participation/planning_proposal.html", context)


def _support_action(request, public_id, call, message):
    proposal = _proposal(request, public_id)
    try:
        call(proposal)
        messages.success(request, message)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    back = request.POST.get("next")
    if back == "round":
        return redirect("participation:planning-round", proposal.round.public_id)
    return redirect("participation:planning-proposal", proposal.public_id)


@route(None, post=SUPPORT, target=proposal_by_id)
def proposal_support(request, public_id):
    return _support_action(
        request,
        public_id,
        lambda p: services.support_proposal(p, acting_user=request.user),
        _("Dukungan Anda tercatat. Setiap warga dihitung satu kali per usulan."),
    )


@route(None, post=SUPPORT, target=proposal_by_id)
def proposal_unsupport(request, public_id):
    return _support_action(
        request,
        public_id,
        lambda p: services.withdraw_support(p, acting_user=request.user),
        _("Dukungan Anda dibatalkan."),
    )


@route(PLAN, post=PLAN, target=proposal_by_id)
def proposal_project(request, public_id):
    proposal = _proposal(request, public_id)
    # Action plans whose target covers the round's area (the kelurahan's or the city's) or lies inside it.
    code = proposal.area_code
    plans = ActionPlan.objects.visible_to(request.user).filter(
        area_code_filter([code]) | Q(area_code__in=ancestors_of_all([code]))
    )
    form = ProposalProjectForm(
        request.POST or None,
        initial={"name": proposal.title, "area": proposal.round.area},
        areas=area_choices(request.user, min_level=Level.VILLAGE).filter(
            area_code_filter([proposal.area_code], field="code")
        ),
        organizations=organization_choices(request.user),
        plans=plans,
    )

    def call():
        project = services.proposal_to_project(proposal, **form.service_kwargs(), acting_user=request.user)
        if form.cleaned_data.get("plan"):
            proposal.refresh_from_db()
            services.proposal_to_activity(
                proposal,
                plan=form.cleaned_data["plan"],
                budget_rupiah=form.cleaned_data.get("activity_budget") or 0,
                acting_user=request.user,
            )
        return project

    done = _saved(request, form, call, _("Usulan menjadi kegiatan fisik."))
    if done is not None:
        return redirect("participation:planning-proposal", proposal.public_id)
    context = {
        "form": form,
        "title": _("Jadikan kegiatan: %(title)s") % {"title": proposal.title},
        "round": proposal.round,
    }
    return render(request, "participation/planning_form.html", context)


@route(PLAN, post=PLAN, target=by(Aspiration, "public_id"))
def aspiration_to_proposal(request, public_id):
    aspiration = get_object_or_404(Aspiration.objects.visible_to(request.user), public_id=public_id)
    rounds = PlanningRound.objects.filter(
        pk__in=[r.pk for r in services.rounds_for_aspiration(aspiration, request.user)]
    )
    initial = {"title": aspiration.text[:200] if aspiration.is_public else ""}
    form = AspirationProposalForm(request.POST or None, initial=initial, rounds=rounds.select_related("area"))
    created = _saved(
        request,
        form,
        lambda: services.proposal_from_aspiration(
            aspiration,
            form.cleaned_data["round"],
            title=form.cleaned_data["title"],
            description=form.cleaned_data["description"],
            acting_user=request.user,
        ),
        _("Aspirasi menjadi usulan."),
    )
    if created:
        return redirect("participation:planning-proposal", created.public_id)
    context = {
        "form": form,
        "title": _("Jadikan usulan: aspirasi %(number)s") % {"number": aspiration.number},
        "no_rounds": not rounds.exists(),
    }
    return render(request, "participation/planning_form.html", context)
