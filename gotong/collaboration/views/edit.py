"""Create/edit pages for agreements, commitments and projects (with budget lines)."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from gotong.areas.models import Level
from gotong.collaboration import services
from gotong.collaboration.access import area_choices, organization_choices
from gotong.collaboration.forms.edit import AgreementForm, CommitmentForm, ProjectForm, budget_field_name
from gotong.collaboration.models import Agreement, Project
from gotong.collaboration.views.common import RECORD, save_or_errors
from gotong.core.policy.routes import by, route


def _back(record, detail, listing) -> str:
    return reverse(detail, args=[record.pk]) if record is not None else reverse(listing)


def _agreement_page(request, agreement=None):
    initial = {}
    if agreement is not None:
        initial = {
            "title": agreement.title,
            "kind": agreement.kind,
            "signed_on": agreement.signed_on,
            "area": agreement.area,
            "parties": list(agreement.parties.all()),
            "document_note": agreement.document_note,
        }
    form = AgreementForm(
        request.POST or None,
        initial=initial,
        areas=area_choices(request.user, max_level=Level.VILLAGE),
        organizations=organization_choices(request.user),
    )

    def call():
        data = form.cleaned_data
        if agreement is None:
            return services.create_agreement(**data, acting_user=request.user)
        return services.update_agreement(agreement, **data, acting_user=request.user)

    done = save_or_errors(
        request, form, call, _("Kesepakatan tersimpan."), lambda a: ("collaboration:agreement-detail", a.pk)
    )
    return done or render(
        request,
        "collaboration/form.html",
        {
            "form": form,
            "title": _("Ubah kesepakatan") if agreement else _("Kesepakatan baru"),
            "back_url": _back(agreement, "collaboration:agreement-detail", "collaboration:agreement-list"),
        },
    )


@route(RECORD, post=RECORD)
def agreement_create(request):
    return _agreement_page(request)


@route(RECORD, post=RECORD, target=by(Agreement))
def agreement_edit(request, pk):
    return _agreement_page(request, get_object_or_404(Agreement.objects.visible_to(request.user), pk=pk))


@route(RECORD, post=RECORD, target=by(Agreement))
def commitment_create(request, pk):
    agreement = get_object_or_404(Agreement.objects.visible_to(request.user), pk=pk)
    form = CommitmentForm(request.POST or None, agreement=agreement)
    done = save_or_errors(
        request,
        form,
        lambda: services.add_commitment(agreement, **form.cleaned_data, acting_user=request.user),
        _("Komitmen ditambahkan."),
        ("collaboration:agreement-detail", agreement.pk),
    )
    return done or render(
        request,
        "collaboration/form.html",
        {
            "form": form,
            "title": _("Komitmen baru"),
            "subtitle": agreement.title,
            "back_url": reverse("collaboration:agreement-detail", args=[agreement.pk]),
        },
    )


def _project_page(request, project=None):
    initial = {}
    if project is not None:
        initial = {
            name: getattr(project, name)
            for name in ("name", "kind", "area", "volume", "unit", "year", "status", "executor", "coordinator")
        }
        initial.update({budget_field_name(b.source): b.amount_rupiah for b in project.budgets.all()})
        initial["csr_funder"] = next((b.funder_id for b in project.budgets.all() if b.funder_id), None)
    form = ProjectForm(
        request.POST or None,
        initial=initial,
        areas=area_choices(request.user, min_level=Level.VILLAGE),
        organizations=organization_choices(request.user),
    )

    def call():
        if project is None:
            return services.create_project(**form.service_kwargs(), acting_user=request.user)
        return services.update_project(project, **form.service_kwargs(), acting_user=request.user)

    done = save_or_errors(
        request, form, call, _("Kegiatan tersimpan."), lambda p: ("collaboration:project-detail", p.pk)
    )
    return done or render(
        request,
        "collaboration/form.html",
        {
            "form": form,
            "title": _("Ubah kegiatan") if project else _("Kegiatan baru"),
            "back_url": _back(project, "collaboration:project-detail", "collaboration:project-list"),
        },
    )


@route(RECORD, post=RECORD)
def project_create(request):
    return _project_page(request)


@route(RECORD, post=RECORD, target=by(Project))
def project_edit(request, pk):
    return _project_page(request, get_object_or_404(Project.objects.visible_to(request.user), pk=pk))
