"""Project photos and commitments' evidence files (uploaded and served only within their scope) and the
data-sharing register."""

import mimetypes

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from gotong.areas.models import Level
from gotong.collaboration.access import area_choices, organization_choices
from gotong.collaboration.forms.plans import CommitmentEvidenceForm, DataSharingForm, PhotoForm
from gotong.collaboration.lists import sharing_rows
from gotong.collaboration.models import Commitment, CommitmentEvidence, Project, ProjectPhoto
from gotong.collaboration.services import evidence as services
from gotong.collaboration.views.common import RECORD, VIEW, save_or_errors
from gotong.core.policy.routes import by, route


@route(RECORD, post=RECORD, target=by(Project))
def photo_upload(request, pk):
    project = get_object_or_404(Project.objects.visible_to(request.user), pk=pk)
    form = PhotoForm(request.POST or None, request.FILES or None)
    done = save_or_errors(
        request,
        form,
        lambda: services.add_project_photo(project, **form.cleaned_data, acting_user=request.user),
        _("Foto tersimpan."),
        ("collaboration:project-detail", project.pk),
    )
    back = reverse("collaboration:project-detail", args=[project.pk])
    return done or render(
        request,
        "collaboration/form.html",
        {"form": form, "title": _("Unggah foto"), "subtitle": project.name, "back_url": back, "multipart": True},
    )


@route(VIEW, target=by(ProjectPhoto))
def photo_file(request, pk):
    """The image itself, only for users who may see the project (404 otherwise); never cached publicly."""
    photo = get_object_or_404(ProjectPhoto.objects.visible_to(request.user), pk=pk)
    return _private_file(photo.image)


def _private_file(field, *, as_attachment=False):
    """A stored upload as a response for one viewer: never cached publicly, its type never sniffed."""
    try:
        handle = field.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    content_type = mimetypes.guess_type(field.name)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type, as_attachment=as_attachment)
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@route(RECORD, post=RECORD, target=by(Commitment))
def commitment_evidence_upload(request, pk):
    """A photo or PDF for a commitment, by whoever may record its progress (the route and the service ask)."""
    commitment = get_object_or_404(Commitment.objects.visible_to(request.user).select_related("agreement"), pk=pk)
    form = CommitmentEvidenceForm(request.POST or None, request.FILES or None)
    done = save_or_errors(
        request,
        form,
        lambda: services.add_commitment_evidence(commitment, **form.cleaned_data, acting_user=request.user),
        _("Berkas bukti tersimpan."),
        ("collaboration:agreement-detail", commitment.agreement_id),
    )
    back = reverse("collaboration:agreement-detail", args=[commitment.agreement_id])
    context = {
        "form": form,
        "title": _("Unggah bukti komitmen"),
        "subtitle": f"{commitment.actor}: {commitment.what}",
        "back_url": back,
        "multipart": True,
    }
    return done or render(request, "collaboration/form.html", context)


@route(VIEW, target=by(CommitmentEvidence))
def commitment_evidence_file(request, pk):
    """The evidence file, only for users who may see the commitment (404 otherwise). A PDF is downloaded, not shown
    inline: a PDF viewer running in this site's origin is more than evidence needs."""
    evidence = get_object_or_404(CommitmentEvidence.objects.visible_to(request.user), pk=pk)
    return _private_file(evidence.file, as_attachment=evidence.is_pdf)


@route(VIEW)
def sharing_list(request):
    entries = sharing_rows(request.user, request.GET)
    return render(request, "collaboration/sharing_list.html", {"entries": entries})


@route(RECORD, post=RECORD)
def sharing_create(request):
    form = DataSharingForm(
        request.POST or None,
        areas=area_choices(request.user, max_level=Level.VILLAGE),
        organizations=organization_choices(request.user),
    )
    done = save_or_errors(
        request,
        form,
        lambda: services.record_data_sharing(**form.cleaned_data, acting_user=request.user),
        _("Catatan berbagi data tersimpan."),
        ("collaboration:sharing-list",),
    )
    back = reverse("collaboration:sharing-list")
    return done or render(
        request, "collaboration/form.html", {"form": form, "title": _("Catat berbagi data"), "back_url": back}
    )
