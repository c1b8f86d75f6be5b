"""Shared targets and action plans: status toward the target, activities with derived progress and timeline."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from gotong.areas.models import Level
from gotong.collaboration.access import area_choices, organization_choices
from gotong.collaboration.forms.plans import ActionPlanForm, ActivityForm, ProgressForm, TargetForm
from gotong.collaboration.lists import target_rows
from gotong.collaboration.models import ActionPlan, Activity, Meeting, Project, Target
from gotong.collaboration.services import targets as services
from gotong.collaboration.views.common import RECORD, VIEW, save_or_errors
from gotong.core.policy.routes import by, route
from gotong.core.scoping import area_code_filter
from gotong.slums.models import SlumLocation


@route(VIEW)
def target_list(request):
    rows = target_rows(request.user, request.GET)
    return render(request, "collaboration/target_list.html", {"rows": rows})


@route(VIEW, target=by(Target))
def target_detail(request, pk):
    target = get_object_or_404(Target.objects.visible_to(request.user).select_related("area", "location"), pk=pk)
    plans = []
    for plan in target.plans.select_related("approved_at__forum"):
        _rows, overall = services.plan_tree(plan)
        plans.append({"plan": plan, "progress": overall})
    context = {"target": target, "status": services.target_status(target), "plans": plans}
    return render(request, "collaboration/target_detail.html", context)


def _target_page(request, target=None):
    initial = {}
    if target is not None:
        initial = {name: getattr(target, name) for name in services.TARGET_FIELDS}
    form = TargetForm(
        request.POST or None,
        initial=initial,
        areas=area_choices(request.user, max_level=Level.VILLAGE),
        locations=SlumLocation.objects.visible_to(request.user),
    )
    done = save_or_errors(
        request,
        form,
        lambda: services.save_target(target, **form.cleaned_data, acting_user=request.user),
        _("Sasaran tersimpan."),
        lambda t: ("collaboration:target-detail", t.pk),
    )
    back = reverse("collaboration:target-detail", args=[target.pk]) if target else reverse("collaboration:target-list")
    title = _("Ubah sasaran") if target else _("Sasaran baru")
    return done or render(request, "collaboration/form.html", {"form": form, "title": title, "back_url": back})


@route(RECORD, post=RECORD)
def target_create(request):
    return _target_page(request)


@route(RECORD, post=RECORD, target=by(Target))
def target_edit(request, pk):
    return _target_page(request, get_object_or_404(Target.objects.visible_to(request.user), pk=pk))


def _plan_page(request, target, plan=None):
    meetings = Meeting.objects.visible_to(request.user).select_related("forum")
    initial = {}
    if plan is not None:
        initial = {
            "title": plan.title,
            "start_year": plan.start_year,
            "end_year": plan.end_year,
            "approved_at": plan.approved_at,
        }
    form = ActionPlanForm(request.POST or None, initial=initial, meetings=meetings)
    done = save_or_errors(
        request,
        form,
        lambda: services.save_action_plan(plan, target=target, **form.cleaned_data, acting_user=request.user),
        _("Rencana tindak tersimpan."),
        lambda p: ("collaboration:plan-detail", p.pk),
    )
    back = reverse("collaboration:target-detail", args=[target.pk])
    title = _("Ubah rencana tindak") if plan else _("Rencana tindak baru")
    return done or render(
        request, "collaboration/form.html", {"form": form, "title": title, "subtitle": target.title, "back_url": back}
    )


@route(RECORD, post=RECORD, target=by(Target))
def plan_create(request, pk):
    target = get_object_or_404(Target.objects.visible_to(request.user), pk=pk)
    return _plan_page(request, target)


@route(RECORD, post=RECORD, target=by(ActionPlan))
def plan_edit(request, pk):
    plan = get_object_or_404(ActionPlan.objects.visible_to(request.user).select_related("target"), pk=pk)
    return _plan_page(request, plan.target, plan)


@route(VIEW, target=by(ActionPlan))
def plan_detail(request, pk):
    plan = get_object_or_404(
        ActionPlan.objects.visible_to(request.user).select_related("target", "approved_at__forum"), pk=pk
    )
    rows, overall = services.plan_tree(plan)
    context = {
        "plan": plan,
        "rows": rows,
        "progress": overall,
        "budget_total": sum(row["activity"].budget_rupiah for row in rows if not row["is_parent"]),
    }
    return render(request, "collaboration/plan_detail.html", context)


@route(RECORD, post=RECORD, target=by(ActionPlan))
def activity_add(request, pk):
    plan = get_object_or_404(ActionPlan.objects.visible_to(request.user), pk=pk)
    projects = Project.objects.visible_to(request.user).filter(area_code_filter([plan.area_code]))
    form = ActivityForm(
        request.POST or None,
        parents=plan.activities.all(),
        organizations=organization_choices(request.user),
        projects=projects,
    )
    done = save_or_errors(
        request,
        form,
        lambda: services.add_activity(plan, **form.cleaned_data, acting_user=request.user),
        _("Aktivitas ditambahkan."),
        ("collaboration:plan-detail", plan.pk),
    )
    back = reverse("collaboration:plan-detail", args=[plan.pk])
    return done or render(
        request,
        "collaboration/form.html",
        {"form": form, "title": _("Aktivitas baru"), "subtitle": plan.title, "back_url": back},
    )


@route(RECORD, post=RECORD, target=by(Activity))
def activity_progress(request, pk):
    activity = get_object_or_404(Activity.objects.visible_to(request.user).select_related("plan"), pk=pk)
    form = ProgressForm(request.POST or None, initial={"status": activity.status, "progress": activity.progress})
    done = save_or_errors(
        request,
        form,
        lambda: services.record_progress(activity, **form.cleaned_data, acting_user=request.user),
        _("Kemajuan dicatat."),
        ("collaboration:plan-detail", activity.plan_id),
    )
    back = reverse("collaboration:plan-detail", args=[activity.plan_id])
    return done or render(
        request,
        "collaboration/form.html",
        {
            "form": form,
            "title": _("Catat kemajuan"),
            "subtitle": activity.what,
            "back_url": back,
            "timeline": activity.updates.all(),
        },
    )
