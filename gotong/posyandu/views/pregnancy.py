"""Pregnant women (ibu hamil): the list of a posyandu, one pregnancy, registering, a visit, the outcome."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.core.forms import add_service_errors
from gotong.core.policy.routes import by, route
from gotong.posyandu.access import can_record, may_record_somewhere, posyandus_for
from gotong.posyandu.models import Pregnancy
from gotong.posyandu.pregnancy import services
from gotong.posyandu.pregnancy.forms import (
    AncVisitForm,
    BirthForm,
    OtherOutcomeForm,
    PregnancyFromRegistryForm,
    PregnancyNewResidentForm,
)
from gotong.posyandu.pregnancy.summary import status
from gotong.posyandu.views.registration import registration_page

PER_PAGE = 50


def _pregnancies(user):
    return Pregnancy.objects.visible_to(user).select_related("person", "posyandu", "person__household")


@route("posyandu.view")
def pregnancy_list(request):
    today = timezone.localdate()
    pregnancies = _pregnancies(request.user).ongoing().prefetch_related("visits").order_by("lmp", "pk")
    posyandu_id = request.GET.get("posyandu", "")
    if posyandu_id.isdigit():
        pregnancies = pregnancies.filter(posyandu_id=int(posyandu_id))
    # Ordered by HPHT: the earliest HPHT is the nearest due date.
    page = Paginator(pregnancies, PER_PAGE).get_page(request.GET.get("page"))
    rows = [status(p, today, p.visits.all()) for p in page]
    context = {
        "page": page,
        "rows": rows,
        "posyandus": posyandus_for(request.user).order_by("name").values_list("pk", "name"),
        "posyandu_id": int(posyandu_id) if posyandu_id.isdigit() else None,
        "can_add": may_record_somewhere(request.user),
        "today": today,
    }
    return render(request, "posyandu/pregnancy_list.html", context)


@route("posyandu.view", target=by(Pregnancy, "public_id"))
def pregnancy_detail(request, public_id):
    pregnancy = get_object_or_404(_pregnancies(request.user), public_id=public_id)
    context = {
        "pregnancy": pregnancy,
        "status": status(pregnancy, timezone.localdate()),
        "age": pregnancy.person.age_on(pregnancy.lmp),
        "can_record": can_record(request.user, pregnancy.posyandu) and pregnancy.is_ongoing,
    }
    return render(request, "posyandu/pregnancy_detail.html", context)


def _create_page(request, form_class):
    def register(data):
        if form_class is PregnancyNewResidentForm:
            return services.register_pregnancy_new_resident(acting_user=request.user, **data)
        return services.register_pregnancy(acting_user=request.user, **data), []

    return registration_page(
        request,
        form_class(request.POST or None, user=request.user),
        register,
        success=lambda pregnancy: (
            _("Kehamilan %(name)s tercatat di %(posyandu)s.")
            % {"name": pregnancy.person.name, "posyandu": pregnancy.posyandu.name}
        ),
        detail="posyandu:pregnancy-detail",
        template="posyandu/pregnancy_form.html",
        context={"from_registry": form_class is PregnancyFromRegistryForm},
    )


@route("posyandu.record", post="posyandu.record")
def pregnancy_create(request):
    return _create_page(request, PregnancyFromRegistryForm)


@route("posyandu.record", post="posyandu.record")
def pregnancy_create_new(request):
    return _create_page(request, PregnancyNewResidentForm)


def _closed(request, pregnancy):
    # A closed pregnancy takes no more entries: back to its page, which says how it ended.
    messages.warning(request, _("Kehamilan ini sudah ditutup (%(o)s).") % {"o": pregnancy.get_outcome_display()})
    return redirect("posyandu:pregnancy-detail", public_id=pregnancy.public_id)


@route("posyandu.record", post="posyandu.record", target=by(Pregnancy, "public_id"))
def pregnancy_visit(request, public_id):
    pregnancy = get_object_or_404(_pregnancies(request.user), public_id=public_id)
    if not pregnancy.is_ongoing:
        return _closed(request, pregnancy)
    form = AncVisitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            visit = services.record_anc_visit(pregnancy=pregnancy, acting_user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Pemeriksaan %(name)s tercatat (trimester %(t)s).")
                % {"name": pregnancy.person.name, "t": visit.trimester},
            )
            return redirect("posyandu:pregnancy-detail", public_id=pregnancy.public_id)
    context = {"pregnancy": pregnancy, "status": status(pregnancy, timezone.localdate()), "form": form}
    return render(request, "posyandu/pregnancy_visit_form.html", context)


def _outcome_page(request, public_id, form_class):
    pregnancy = get_object_or_404(_pregnancies(request.user), public_id=public_id)
    if not pregnancy.is_ongoing:
        return _closed(request, pregnancy)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if form_class is BirthForm:
                child, warnings = services.record_birth(
                    pregnancy=pregnancy, acting_user=request.user, **form.cleaned_data
                )
                for warning in warnings:
                    messages.warning(request, warning)
                messages.success(
                    request,
                    _("%(name)s lahir dan terdaftar sebagai balita %(posyandu)s.")
                    % {"name": child.person.name, "posyandu": child.posyandu.name},
                )
                return redirect("posyandu:child-detail", public_id=child.public_id)
            services.close_pregnancy(pregnancy=pregnancy, acting_user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Kehamilan %(name)s ditutup.") % {"name": pregnancy.person.name})
            return redirect("posyandu:pregnancy-detail", public_id=pregnancy.public_id)
    context = {"pregnancy": pregnancy, "form": form, "birth": form_class is BirthForm}
    return render(request, "posyandu/pregnancy_outcome_form.html", context)


@route("posyandu.record", post="posyandu.record", target=by(Pregnancy, "public_id"))
def pregnancy_birth(request, public_id):
    return _outcome_page(request, public_id, BirthForm)


@route("posyandu.record", post="posyandu.record", target=by(Pregnancy, "public_id"))
def pregnancy_close(request, public_id):
    return _outcome_page(request, public_id, OtherOutcomeForm)
