"""Recording on a case: the one-minute visit log, plans, assessments, assistance and referrals."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from gotong.casework import access, services
from gotong.casework.forms import (
    AssessmentForm,
    AssistanceForm,
    PlanForm,
    ReferralForm,
    ReferralStatusForm,
    SingleVisitForm,
    VisitForm,
)
from gotong.casework.models import Referral
from gotong.casework.views.cases import get_case, open_case_by_public_id
from gotong.core.area_codes import city_code
from gotong.core.forms import add_service_errors
from gotong.core.policy.routes import route


class ReferralLoader:
    """`target=` of a referral's URL: the referral named by both keywords (the case's and its own public id)."""

    def __call__(self, **kwargs):
        return get_object_or_404(
            Referral.objects.select_related("case"),
            case__public_id=kwargs["public_id"],
            public_id=kwargs["referral_id"],
        )

    def samples(self, limit_per_city: int = 1):
        seen: dict[str, int] = {}
        rows = Referral.objects.order_by("pk").values_list("case__public_id", "public_id", "area_code")
        for case_id, referral_id, code in rows.iterator():
            city = city_code(code)
            if seen.get(city, 0) >= limit_per_city:
                continue
            seen[city] = seen.get(city, 0) + 1
            yield {"public_id": case_id, "referral_id": referral_id}


RECORD = {"get": "casework.record", "post": "casework.record"}


def _team_case(request, public_id):
    """The URL's case, open for recording (the route asked `casework.record`; a closed case takes no new records)."""
    case = get_case(request, public_id)
    if not access.can_record(request.user, case):
        raise PermissionDenied
    return case


def _form_page(request, case, form, title, save, success):
    """POST → call `save(cleaned_data)`; service errors land on the form; nothing typed is lost."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, success)
            return redirect("casework:detail", case.public_id)
    return render(request, "casework/form.html", {"form": form, "case": case, "title": title})


@route(**RECORD, target=open_case_by_public_id)
def visit_create(request, public_id):
    case = _team_case(request, public_id)
    defaults = services.visit_defaults(case)
    initial = {"visited_on": defaults["visited_on"], "met_with": defaults["met_with"]}
    form = VisitForm(request.POST or None, case=case, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.log_visit(case, **form.cleaned_data, acting_user=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Kunjungan ke %(name)s tercatat.") % {"name": case.subject_name})
            return redirect("casework:home")
    context = {"form": form, "case": case, "defaults": defaults}
    return render(request, "casework/visit_form.html", context)


@route(**RECORD, target=open_case_by_public_id)
def plan_edit(request, public_id):
    case = _team_case(request, public_id)
    form = PlanForm(request.POST or None)

    def save(data):
        services.set_visit_plan(case, **data, acting_user=request.user)

    return _form_page(request, case, form, _("Rencana kunjungan"), save, _("Rencana kunjungan disimpan."))


@route(**RECORD, target=open_case_by_public_id)
def single_visit_create(request, public_id):
    case = _team_case(request, public_id)
    form = SingleVisitForm(request.POST or None)

    def save(data):
        services.plan_single_visit(case, **data, acting_user=request.user)

    return _form_page(request, case, form, _("Rencanakan satu kunjungan"), save, _("Kunjungan direncanakan."))


@route(**RECORD, target=open_case_by_public_id)
def assessment_create(request, public_id):
    case = _team_case(request, public_id)
    form = AssessmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_assessment(
                case, assessed_on=form.cleaned_data["assessed_on"], ratings=form.ratings(),
                note=form.cleaned_data["note"], acting_user=request.user,
            )  # fmt: skip
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Asesmen kebutuhan disimpan."))
            return redirect("casework:detail", case.public_id)
    return render(request, "casework/assessment_form.html", {"form": form, "case": case})


@route(**RECORD, target=open_case_by_public_id)
def assistance_create(request, public_id):
    case = _team_case(request, public_id)
    form = AssistanceForm(request.POST or None)

    def save(data):
        services.give_assistance(case, **data, acting_user=request.user)

    return _form_page(request, case, form, _("Catat bantuan"), save, _("Bantuan dicatat."))


@route(**RECORD, target=open_case_by_public_id)
def referral_create(request, public_id):
    case = _team_case(request, public_id)
    form = ReferralForm(request.POST or None)

    def save(data):
        services.refer(case, **data, acting_user=request.user)

    return _form_page(request, case, form, _("Rujukan baru"), save, _("Rujukan dicatat."))


@route(**RECORD, target=ReferralLoader())
def referral_update(request, public_id, referral_id):
    case = get_case(request, public_id)
    referral = get_object_or_404(Referral, case=case, public_id=referral_id)
    form = ReferralStatusForm(request.POST or None)

    def save(data):
        services.update_referral(referral, **data, acting_user=request.user)

    title = _("Status rujukan ke %(name)s") % {"name": referral.service_name}
    return _form_page(request, case, form, title, save, _("Status rujukan diperbarui."))
