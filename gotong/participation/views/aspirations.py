"""Aspiration pages: the list in the user's scope, raise one (a phone form), its page with answers, the photo,
"laporkan" for readers and the handler's review. Rules and writes live in `participation.services.aspirations`."""

import mimetypes

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.core.dates import short_date
from gotong.core.forms import add_service_errors
from gotong.core.listing import seek_page
from gotong.core.policy import can, may_somewhere
from gotong.core.policy.routes import by, route
from gotong.participation.forms.aspirations import AnswerForm, AspirationForm, ReportForm, ReviewForm
from gotong.participation.models import Aspiration, AspirationCategory, AspirationStatus, Moderation
from gotong.participation.services import aspirations as services

VIEW = "participation.view"
RAISE = "participation.raise"
HANDLE = "participation.handle"


def _visible(request, public_id) -> Aspiration:
    return get_object_or_404(
        Aspiration.objects.visible_to(request.user).select_related("area", "raised_for", "raised_by"),
        public_id=public_id,
    )


@route(VIEW)
def aspiration_list(request):
    today = timezone.localdate()
    rows = Aspiration.objects.visible_to(request.user).select_related("area")
    status = request.GET.get("status", "")
    category = request.GET.get("kategori", "")
    if status == "terlambat":
        rows = rows.overdue(today)
    elif status in AspirationStatus.values:
        rows = rows.filter(status=status)
    if category in AspirationCategory.values:
        rows = rows.filter(category=category)
    context = {
        "page": seek_page(rows.order_by("-created_at", "-pk"), request.GET),
        "today": today,
        "statuses": AspirationStatus.choices,
        "categories": AspirationCategory.choices,
        "status": status,
        "category": category,
        "may_raise": may_somewhere(request.user, RAISE),
    }
    return render(request, "participation/aspiration_list.html", context)


@route(RAISE, post=RAISE)
def aspiration_create(request):
    form = AspirationForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            aspiration = services.raise_aspiration(
                category=data["category"],
                text=data["text"],
                area=data["area"],
                raised_for=data.get("raised_for"),
                is_public=data["is_public"],
                photo=data["photo"],
                acting_user=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error) or _("Anda tidak dapat mencatat aspirasi ini."))
        else:
            messages.success(
                request,
                _("Aspirasi tercatat dengan nomor %(number)s; batas tindak lanjut %(date)s.")
                % {"number": aspiration.number, "date": short_date(aspiration.deadline)},
            )
            return redirect("participation:aspiration-detail", aspiration.public_id)
    return render(request, "participation/aspiration_form.html", {"form": form})


@route(VIEW, post=HANDLE, target=by(Aspiration, "public_id"))
def aspiration_detail(request, public_id):
    """The aspiration, its answers, and (for its handlers) the answer form; POST is an answer."""
    aspiration = _visible(request, public_id)
    may_handle = can(request.user, HANDLE, aspiration)
    form = AnswerForm(request.POST or None, aspiration=aspiration) if may_handle and aspiration.is_open else None
    if request.method == "POST":
        if form is None:
            # Closed meanwhile (another handler's answer): nothing to save, the page says why.
            messages.error(request, _("Aspirasi ini sudah ditutup; jawaban tidak disimpan."))
            return redirect("participation:aspiration-detail", aspiration.public_id)
        if form.is_valid():
            try:
                services.answer_aspiration(aspiration, **form.cleaned_data, acting_user=request.user)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Jawaban tersimpan."))
                return redirect("participation:aspiration-detail", aspiration.public_id)
    context = {
        "aspiration": aspiration,
        "answers": aspiration.answers.select_related("answered_by"),
        "form": form,
        "may_handle": may_handle,
        "show_complainant": services.may_see_complainant(request.user, aspiration),
        "may_report": services.may_report(request.user, aspiration),
        "pending_reports": aspiration.abuse_reports.filter(reviewed=False).count() if may_handle else 0,
        "overdue": aspiration.is_overdue(timezone.localdate()),
        "held": aspiration.moderation == Moderation.HELD,
        "removed": aspiration.moderation == Moderation.REMOVED,
    }
    return render(request, "participation/aspiration_detail.html", context)


@route(VIEW, target=by(Aspiration, "public_id"))
def aspiration_photo(request, public_id):
    """The photo itself, only for users who may see the aspiration (404 otherwise); never cached publicly."""
    aspiration = _visible(request, public_id)
    if not aspiration.photo:
        raise Http404
    try:
        handle = aspiration.photo.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    content_type = mimetypes.guess_type(aspiration.photo.name)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@route(VIEW, post=VIEW, target=by(Aspiration, "public_id"))
def aspiration_report(request, public_id):
    """ "Laporkan": a reader reports a public text as abusive (GET: the short form)."""
    aspiration = _visible(request, public_id)
    if not services.may_report(request.user, aspiration):
        # Its handlers and its complainant do not report it; a held text is already waiting for review.
        messages.info(request, _("Aspirasi ini tidak perlu Anda laporkan."))
        return redirect("participation:aspiration-detail", aspiration.public_id)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_abuse(aspiration, reason=form.cleaned_data["reason"], acting_user=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Terima kasih. Laporan Anda akan ditinjau petugas."))
            return redirect("participation:aspiration-detail", aspiration.public_id)
    return render(request, "participation/aspiration_report.html", {"aspiration": aspiration, "form": form})


@route(HANDLE, post=HANDLE, target=by(Aspiration, "public_id"))
def aspiration_review(request, public_id):
    """A handler shows a reported text again or hides it for good."""
    aspiration = _visible(request, public_id)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.review_reports(aspiration, keep_shown=form.cleaned_data["keep_shown"], acting_user=request.user)
        messages.success(request, _("Tinjauan tersimpan."))
        return redirect("participation:aspiration-detail", aspiration.public_id)
    reports = aspiration.abuse_reports.filter(reviewed=False)
    return render(
        request, "participation/aspiration_review.html", {"aspiration": aspiration, "form": form, "reports": reports}
    )
