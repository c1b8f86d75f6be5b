"""Program pages: list, detail with outcomes, cohorts, enrolment, attendance on a phone, left-out report."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.core.forms import add_service_errors
from gotong.core.listing import seek_page
from gotong.core.policy import can
from gotong.core.policy.routes import by, route
from gotong.exports.views import export_response
from gotong.programs import leftout, outcomes, services
from gotong.programs.forms import CohortForm, EnrolForm, OutcomeForm, ProgramForm, SessionForm
from gotong.programs.lists import cohort_enrolments, left_out_filters, program_rows
from gotong.programs.models import Cohort, Enrolment, Program, Session


def _programs(user):
    return Program.objects.visible_to(user).select_related("organization", "area")


VIEW, MANAGE = "programs.view", "programs.manage"


@route(VIEW)
def home(request):
    programs = program_rows(request.user, request.GET)
    return render(request, "programs/home.html", {"programs": programs})


@route(MANAGE, post=MANAGE)
def program_create(request):
    form = ProgramForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            program = services.create_program(**form.cleaned_data, acting_user=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Program %(name)s tersimpan.") % {"name": program.name})
            return redirect("programs:detail", program.pk)
    return render(request, "programs/program_form.html", {"form": form})


@route(VIEW, post=MANAGE, target=by(Program, "pk"))
def program_detail(request, pk):
    program = get_object_or_404(_programs(request.user), pk=pk)
    can_manage = can(request.user, MANAGE, program)
    form = CohortForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cohort = services.create_cohort(program, **form.cleaned_data, acting_user=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Angkatan %(name)s dibuat.") % {"name": cohort.name})
            return redirect("programs:cohort", cohort.public_id)
    cohorts = program.cohorts.annotate(
        enrolled=Count("enrolments", distinct=True),
        completed=Count("enrolments", filter=Q(enrolments__status="lulus"), distinct=True),
        session_count=Count("sessions", distinct=True),
    )
    context = {
        "program": program,
        "cohorts": cohorts,
        "summary": outcomes.summarize(Enrolment.objects.filter(cohort__program=program)),
        "form": form,
        "can_manage": can_manage,
    }
    return render(request, "programs/program_detail.html", context)


def _cohort(request, public_id):
    return get_object_or_404(
        Cohort.objects.visible_to(request.user).select_related("program__organization"), public_id=public_id
    )


@route(VIEW, post=MANAGE, target=by(Cohort, "public_id"))
def cohort_detail(request, public_id):
    cohort = _cohort(request, public_id)
    can_manage = can(request.user, MANAGE, cohort)
    enrolling = request.method == "POST" and ("enrol" in request.POST or "enrol__cari" in request.POST)
    enrol_form = EnrolForm(request.POST if enrolling else None, user=request.user, cohort=cohort)
    session_form = SessionForm(request.POST if request.method == "POST" and not enrolling else None)
    if enrolling and enrol_form.is_valid():
        person = enrol_form.cleaned_data["enrol"]
        try:
            services.enrol(cohort, person=person, enrolled_on=timezone.localdate(), acting_user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, _("%(name)s terdaftar di %(cohort)s.") % {"name": person.name, "cohort": cohort.name}
            )
        return redirect("programs:cohort", cohort.public_id)
    if request.method == "POST" and not enrolling and session_form.is_valid():
        try:
            services.add_session(cohort, **session_form.cleaned_data, acting_user=request.user)
        except ValidationError as exc:
            add_service_errors(session_form, exc)
        else:
            messages.success(request, _("Pertemuan ditambahkan."))
            return redirect("programs:cohort", cohort.public_id)
    context = {
        "cohort": cohort,
        "program": cohort.program,
        "enrolments": cohort_enrolments(cohort),
        "sessions": cohort.sessions.annotate(present=Count("attendance")),
        "summary": outcomes.summarize(cohort.enrolments.all()),
        "session_form": session_form,
        "can_manage": can_manage,
        "enrol_form": enrol_form,
    }
    return render(request, "programs/cohort_detail.html", context)


@route(MANAGE, post=MANAGE, target=by(Session, "pk"))
def session_attendance(request, pk):
    session = get_object_or_404(Session.objects.visible_to(request.user).select_related("cohort__program"), pk=pk)
    enrolments = list(Enrolment.objects.visible_to(request.user).filter(cohort=session.cohort_id)
                      .select_related("person"))  # fmt: skip
    present = set(session.attendance.values_list("enrolment_id", flat=True))
    errors = []
    if request.method == "POST":
        chosen = set(request.POST.getlist("enrolment"))
        ticked = [e for e in enrolments if str(e.pk) in chosen]
        try:
            count = services.record_session_attendance(session, present_enrolments=ticked, acting_user=request.user)
        except ValidationError as exc:
            errors = exc.messages  # e.g. a session still to come; what was ticked stays ticked
            present = {e.pk for e in ticked}
        else:
            messages.success(request, _("Kehadiran tersimpan: %(n)s peserta hadir.") % {"n": count})
            return redirect("programs:cohort", session.cohort.public_id)
    rows = [{"enrolment": e, "present": e.pk in present} for e in enrolments]
    context = {"session": session, "rows": rows, "errors": errors}
    return render(request, "programs/session_attendance.html", context)


@route(MANAGE, post=MANAGE, target=by(Enrolment, "public_id"))
def enrolment_outcome(request, public_id):
    enrolment = get_object_or_404(
        Enrolment.objects.visible_to(request.user).select_related("cohort__program", "person"), public_id=public_id
    )
    form = OutcomeForm(request.POST or None, instance=enrolment)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_outcome(enrolment, **form.cleaned_data, acting_user=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Hasil %(name)s tersimpan.") % {"name": enrolment.person.name})
            return redirect("programs:cohort", enrolment.cohort.public_id)
    return render(request, "programs/outcome_form.html", {"form": form, "enrolment": enrolment})


@route(MANAGE)
def left_out(request):
    export = request.GET.get("format")
    if export in ("xlsx", "csv"):
        # Older links: the registered export, every row of the filters, in the background when the list is long.
        return export_response(request, "programs.left_out", export)
    form, area, decile = left_out_filters(request.GET)
    units = leftout.counts_by_unit(request.user, area_code=area, max_decile=decile)
    households = leftout.left_out_households(request.user, area_code=area, max_decile=decile)
    context = {
        "form": form,
        "units": units,
        # Counted from the registry tallies, not from the households: a city has hundreds of thousands.
        "total": sum(unit.left_out for unit in units if unit.step == 0),
        "page": seek_page(households, request.GET),
    }
    return render(request, "programs/left_out.html", context)
