"""Forums and meetings: list, detail, create/edit, participants, attendance (phone-first), decisions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from gotong.areas.models import Level
from gotong.collaboration.access import area_choices, organization_choices
from gotong.collaboration.forms.edit import ForumForm
from gotong.collaboration.forms.meetings import (
    AttendanceForm,
    DecisionCommitmentForm,
    DecisionForm,
    MeetingForm,
    ParticipantForm,
)
from gotong.collaboration.lists import forum_rows
from gotong.collaboration.models import Agreement, Decision, Forum, Meeting
from gotong.collaboration.services import forums as services
from gotong.collaboration.services.network import network_context
from gotong.collaboration.views.common import RECORD, VIEW, save_or_errors
from gotong.core.forms import add_service_errors
from gotong.core.policy import can
from gotong.core.policy.routes import by, route


@route(VIEW)
def forum_list(request):
    forums = forum_rows(request.user, request.GET)
    return render(request, "collaboration/forum_list.html", {"forums": forums})


@route(VIEW, target=by(Forum))
def forum_detail(request, pk):
    forum = get_object_or_404(
        Forum.objects.visible_to(request.user).select_related("area", "convener").prefetch_related("members"), pk=pk
    )
    meetings = forum.meetings.annotate(
        invited=Count("participants"),
        present=Count("participants", filter=Q(participants__attended=True)),
        decision_count=Count("decisions", distinct=True),
    )
    context = {"forum": forum, "meetings": meetings, **network_context(request.user, forum=forum)}
    return render(request, "collaboration/forum_detail.html", context)


def _forum_page(request, forum=None):
    initial = {}
    if forum is not None:
        initial = {
            "name": forum.name,
            "kind": forum.kind,
            "area": forum.area,
            "convener": forum.convener,
            "members": list(forum.members.all()),
            "description": forum.description,
            "meetings_per_year": forum.meetings_per_year,
        }
    form = ForumForm(
        request.POST or None,
        initial=initial,
        areas=area_choices(request.user, max_level=Level.VILLAGE),
        organizations=organization_choices(request.user),
    )

    def call():
        if forum is None:
            return services.create_forum(**form.cleaned_data, acting_user=request.user)
        return services.update_forum(forum, **form.cleaned_data, acting_user=request.user)

    done = save_or_errors(request, form, call, _("Forum tersimpan."), lambda f: ("collaboration:forum-detail", f.pk))
    back = reverse("collaboration:forum-detail", args=[forum.pk]) if forum else reverse("collaboration:forum-list")
    title = _("Ubah forum") if forum else _("Forum baru")
    return done or render(request, "collaboration/form.html", {"form": form, "title": title, "back_url": back})


@route(RECORD, post=RECORD)
def forum_create(request):
    return _forum_page(request)


@route(RECORD, post=RECORD, target=by(Forum))
def forum_edit(request, pk):
    return _forum_page(request, get_object_or_404(Forum.objects.visible_to(request.user), pk=pk))


@route(RECORD, post=RECORD, target=by(Forum))
def meeting_create(request, pk):
    forum = get_object_or_404(Forum.objects.visible_to(request.user), pk=pk)
    form = MeetingForm(request.POST or None)
    done = save_or_errors(
        request,
        form,
        lambda: services.create_meeting(forum, **form.cleaned_data, acting_user=request.user),
        _("Pertemuan dicatat; anggota forum sudah diundang."),
        lambda m: ("collaboration:meeting-detail", m.pk),
    )
    back = reverse("collaboration:forum-detail", args=[forum.pk])
    return done or render(
        request,
        "collaboration/form.html",
        {"form": form, "title": _("Pertemuan baru"), "subtitle": forum.name, "back_url": back},
    )


def _meeting(request, pk):
    return get_object_or_404(Meeting.objects.visible_to(request.user).select_related("forum__area"), pk=pk)


@route(VIEW, target=by(Meeting))
def meeting_detail(request, pk):
    meeting = _meeting(request, pk)
    participants = list(meeting.participants.select_related("organization", "person"))
    decisions = meeting.decisions.select_related("owner", "commitment__agreement")
    writable = can(request.user, RECORD, meeting)
    context = {
        "meeting": meeting,
        "participants": participants,
        "present": sum(1 for p in participants if p.attended),
        "absent": sum(1 for p in participants if p.attended is False),
        "decisions": decisions,
        "can_update": writable,
        "decision_form": DecisionForm(organizations=organization_choices(request.user)) if writable else None,
        "approved_plans": meeting.approved_plans.all(),
    }
    return render(request, "collaboration/meeting_detail.html", context)


@route(RECORD, post=RECORD, target=by(Meeting))
def meeting_edit(request, pk):
    meeting = _meeting(request, pk)
    initial = {"held_on": meeting.held_on, "place": meeting.place, "agenda": meeting.agenda, "minutes": meeting.minutes}
    form = MeetingForm(request.POST or None, initial=initial)
    done = save_or_errors(
        request,
        form,
        lambda: services.update_meeting(meeting, **form.cleaned_data, acting_user=request.user),
        _("Agenda dan notulen tersimpan."),
        ("collaboration:meeting-detail", meeting.pk),
    )
    back = reverse("collaboration:meeting-detail", args=[meeting.pk])
    return done or render(
        request,
        "collaboration/form.html",
        {"form": form, "title": _("Agenda dan notulen"), "subtitle": str(meeting), "back_url": back},
    )


@route(RECORD, post=RECORD, target=by(Meeting))
def participant_add(request, pk):
    meeting = _meeting(request, pk)
    form = ParticipantForm(
        request.POST or None,
        organizations=organization_choices(request.user),
        user=request.user,
        area_code=meeting.area_code,
    )
    done = save_or_errors(
        request,
        form,
        lambda: services.add_participant(meeting, **form.cleaned_data, acting_user=request.user),
        _("Peserta ditambahkan."),
        ("collaboration:meeting-detail", meeting.pk),
    )
    back = reverse("collaboration:meeting-detail", args=[meeting.pk])
    return done or render(
        request,
        "collaboration/form.html",
        {"form": form, "title": _("Tambah peserta"), "subtitle": str(meeting), "back_url": back},
    )


@route(RECORD, post=RECORD, target=by(Meeting))
def attendance(request, pk):
    meeting = _meeting(request, pk)
    participants = meeting.participants.select_related("organization", "person")
    form = AttendanceForm(request.POST or None, participants=participants)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_attendance(meeting, attendance=form.attendance(), acting_user=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            present = meeting.participants.filter(attended=True).count()
            messages.success(request, _("Kehadiran tersimpan: %(n)s hadir.") % {"n": present})
            return redirect("collaboration:meeting-detail", meeting.pk)
    return render(request, "collaboration/attendance.html", {"meeting": meeting, "form": form})


@route(RECORD, post=RECORD, target=by(Meeting))
def decision_add(request, pk):
    meeting = _meeting(request, pk)
    form = DecisionForm(request.POST or None, organizations=organization_choices(request.user))
    done = save_or_errors(
        request,
        form,
        lambda: services.add_decision(meeting, **form.cleaned_data, acting_user=request.user),
        _("Keputusan dicatat."),
        ("collaboration:meeting-detail", meeting.pk),
    )
    back = reverse("collaboration:meeting-detail", args=[meeting.pk])
    return done or render(
        request,
        "collaboration/form.html",
        {"form": form, "title": _("Keputusan baru"), "subtitle": str(meeting), "back_url": back},
    )


@route(RECORD, post=RECORD, target=by(Decision))
def decision_commitment(request, pk):
    decision = get_object_or_404(Decision.objects.visible_to(request.user).select_related("meeting", "owner"), pk=pk)
    agreements = Agreement.objects.visible_to(request.user).filter(parties=decision.owner_id)
    form = DecisionCommitmentForm(request.POST or None, agreements=agreements)
    done = save_or_errors(
        request,
        form,
        lambda: services.decision_to_commitment(decision, form.cleaned_data["agreement"], acting_user=request.user),
        _("Keputusan menjadi komitmen."),
        lambda c: ("collaboration:agreement-detail", c.agreement_id),
    )
    back = reverse("collaboration:meeting-detail", args=[decision.meeting_id])
    return done or render(
        request,
        "collaboration/form.html",
        {"form": form, "title": _("Jadikan komitmen"), "subtitle": decision.text, "back_url": back},
    )
