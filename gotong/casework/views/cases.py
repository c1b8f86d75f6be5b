"""The worker's agenda, the caseload list, a case's page, opening and closing cases."""

from auditlog.models import LogEntry
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.casework import access, schedule, services
from gotong.casework.forms import CaseForm, CloseForm, TeamForm
from gotong.casework.lists import agenda_rows, case_queryset
from gotong.casework.models import (
    Assistance,
    AssistanceKind,
    Case,
    NeedsAssessment,
    Program,
    Referral,
    Visit,
    VisitPlan,
)
from gotong.casework.services.work import compare_needs
from gotong.core.area_codes import city_code
from gotong.core.forms import add_service_errors
from gotong.core.listing import seek_page
from gotong.core.policy import can, may_somewhere
from gotong.core.policy.routes import RecordLoader, route


class CaseLoader(RecordLoader):
    """`target=` of a case's URLs: the case by its public id (the route answers 404/403 from the policy)."""

    def __init__(self, *, open_only=False):
        super().__init__(Case, "public_id")
        # Recording pages are for open cases: the access test samples those.
        self.open_only = open_only

    def samples(self, limit_per_city: int = 1):
        seen: dict[str, int] = {}
        rows = Case.objects.open() if self.open_only else Case.objects.all()
        for public_id, code in rows.order_by("pk").values_list("public_id", "area_code").iterator():
            city = city_code(code)
            if seen.get(city, 0) >= limit_per_city:
                continue
            seen[city] = seen.get(city, 0) + 1
            yield {"public_id": public_id}


case_by_public_id = CaseLoader()
open_case_by_public_id = CaseLoader(open_only=True)


def visible_cases(user):
    return Case.objects.visible_to(user)


def get_case(request, public_id):
    """The URL's case; its route has already asked the policy (404 outside what the user sees)."""
    return get_object_or_404(Case.objects.select_related("person", "household", "organization"), public_id=public_id)


@route("casework.view")
def home(request):
    """Today, this week and overdue visits for the cases I work on (as worker or helper)."""
    today = timezone.localdate()
    # The agenda reads every open case of mine once; its row count is the number of open cases.
    agenda = agenda_rows(request.user, request.GET, today)
    supervised = Case.objects.filter(supervisor=request.user).exclude(worker=request.user)
    supervised_overdue = sum(len(row.overdue) for row in schedule.schedules(supervised.open(), today))
    context = {
        "agenda": agenda,
        "supervised_overdue": supervised_overdue,
        "today": today,
        "open_count": agenda["open_count"],
        "can_open": may_somewhere(request.user, "casework.open"),
        "supervises": access.supervises_anyone(request.user),
    }
    return render(request, "casework/home.html", context)


@route("casework.view")
def case_list(request):
    today = timezone.localdate()
    # A city's cases in pages, never counted; schedules (next due, overdue, last visit) for the page's cases only.
    page = seek_page(case_queryset(request.user, request.GET, today), request.GET)
    page.object_list = schedule.schedules_of(page.object_list, today)
    status = request.GET.get("status", "open")
    program = request.GET.get("program", "")
    context = {
        "page": page, "status": status, "program": program, "programs": Program.choices,
        "query": request.GET.get("q", "").strip(), "today": today, "supervises": access.supervises_anyone(request.user),
    }  # fmt: skip
    return render(request, "casework/case_list.html", context)


@route("casework.open", post="casework.open")
def case_create(request):
    # "Buka kasus" on a household page names the member: the picker shows them chosen (if this user reaches them).
    initial = {"person": request.GET.get("penduduk", "")}
    form = CaseForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.open_case(**form.service_kwargs(), acting_user=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("Kasus %(name)s dibuka. Atur rencana kunjungannya.") % {"name": case.subject_name}
            )
            return redirect("casework:plan", case.public_id)
    return render(request, "casework/case_form.html", {"form": form})


def case_history(case):
    """Audit entries of the case and everything recorded on it, newest first (health fields are masked)."""
    types = ContentType.objects.get_for_models(Case, Visit, Assistance, Referral, VisitPlan, NeedsAssessment)

    def pks(qs):
        return [str(pk) for pk in qs.values_list("pk", flat=True)]

    query = Q(content_type=types[Case], object_pk=str(case.pk))
    for model, qs in (
        (Visit, case.visits), (Assistance, case.assistance), (Referral, case.referrals),
        (VisitPlan, case.plans), (NeedsAssessment, case.assessments),
    ):  # fmt: skip
        query |= Q(content_type=types[model], object_pk__in=pks(qs))
    return LogEntry.objects.filter(query).select_related("actor", "content_type").order_by("-timestamp")[:50]


def assistance_totals(case):
    totals = case.assistance.values("kind").annotate(count=Count("pk"), total=Sum("value")).order_by("kind")
    labels = dict(AssistanceKind.choices)
    return [{"label": labels[row["kind"]], "count": row["count"], "total": row["total"]} for row in totals]


@route("casework.view", target=case_by_public_id)
def case_detail(request, public_id):
    case = get_case(request, public_id)
    today = timezone.localdate()
    sched = schedule.schedule_for(case, today)
    shown = [s for s in sched.statuses if s.due_on <= today or s is sched.next_due or s.single]
    assessments = list(case.assessments.all())
    context = {
        "case": case,
        "schedule": sched,
        "statuses": shown[-12:],
        "team": case.team.all(),
        "sees_health": can(request.user, "casework.see_health", case),
        "can_record": access.can_record(request.user, case),
        "can_close": access.leads(request.user, case),
        "needs": compare_needs(case),
        "assessments": assessments,
        "latest_assessment": assessments[-1] if assessments else None,
        # Every visit and item: the page folds all but the latest few on a phone ("Tampilkan semua").
        "visits": list(case.visits.select_related("worker")),
        "assistance": list(case.assistance.select_related("given_by")),
        "assistance_totals": assistance_totals(case),
        "referrals": case.referrals.all(),
        "entries": case_history(case),
        "today": today,
    }
    return render(request, "casework/case_detail.html", context)


@route("casework.record", post="casework.record", target=open_case_by_public_id)
def case_close(request, public_id):
    case = get_case(request, public_id)
    if not access.leads(request.user, case):
        raise PermissionDenied
    form = CloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.close_case(
                case, closed_on=form.cleaned_data["closed_on"], reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"], acting_user=request.user,
            )  # fmt: skip
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Kasus ditutup."))
            return redirect("casework:detail", case.public_id)
    return render(request, "casework/form.html", {"form": form, "case": case, "title": _("Tutup kasus")})


@route("casework.record", post="casework.record", target=open_case_by_public_id)
def case_team(request, public_id):
    case = get_case(request, public_id)
    if not access.leads(request.user, case):
        raise PermissionDenied
    initial = {"supervisor": case.supervisor, "team": list(case.team.all())}
    form = TeamForm(request.POST or None, case=case, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_team(
                case, team=list(form.cleaned_data["team"]), supervisor=form.cleaned_data["supervisor"],
                acting_user=request.user,
            )  # fmt: skip
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Tim pendamping diperbarui."))
            return redirect("casework:detail", case.public_id)
    return render(request, "casework/form.html", {"form": form, "case": case, "title": _("Tim pendamping")})
