"""Forums and meetings: list, detail, create/edit, participants, attendance (phone-first), decisions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from gotong.areas.models import Level
from gotong.collaboration.access import area_choices, can_update, may_update_at_all, organization_choices
from gotong.collaboration.forms import add_service_errors
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
from gotong.collaboration.views.common import require_scope, require_worker, save_or_errors
from gotong.core.scoping import area_code_filter
from gotong.registry.models import Person


@login_required
def forum_list(request):
    forums = forum_rows(request.user, request.GET)
    context = {"forums": forums, "can_add": may_update_at_all(request.user)}
    return render(request, "collaboration/forum_list.html", context)


@login_required
def forum_detail(request, pk):
    forum = get_object_or_404(
        Forum.objects.visible_to(request.user).select_related("area", "convener").prefetch_related("members"), pk=pk
    )
    meetings = forum.meetings.annotate(
        invited=Count("participants"),
        present=Count("participants", filter=Q(participants__attended=True)),
        decision_count=Count("decisions", distinct=True),
    )
    context = {"forum": forum, "meetings": meetings, "can_update": can_update(request.user, forum)}
    return render(request, "collaboration/forum_detail.html", context)


def _forum_page(request, forum=None):
    require_worker(request.user)
    initial = {}
    if forum is not None:
        require_scope(request.user, forum)
        initial = {
            "name": forum.name,
            "kind": forum.kind,
            "area": forum.area,
            "convener": forum.convener,
            "members": list(forum.members.all()),
            "description": forum.description,
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


@login_required
def forum_create(request):
    return _forum_page(request)


@login_required
def forum_edit(request, pk):
    require_worker(request.user)
    return _forum_page(request, get_object_or_404(Forum.objects.visible_to(request.user), pk=pk))


@login_required
def meeting_create(request, pk):
    require_worker(request.user)
    forum = get_object_or_404(Forum.objects.visible_to(request.user), pk=pk)
    require_scope(request.user, forum)
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


def _meeting(request, pk, *, write=False):
    if write:
        require_worker(request.user)
    meeting = get_object_or_404(Meeting.objects.visible_to(request.user).select_related("forum__area"), pk=pk)
    if write:
        require_scope(request.user, meeting)
    return meeting


@login_required
def meeting_detail(request, pk):
    meeting = _meeting(request, pk)
    participants = list(meeting.participants.select_related("organization", "person"))
    decisions = meeting.decisions.select_related("owner", "commitment__agreement")
    writable = can_update(request.user, meeting)
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


@login_required
def meeting_edit(request, pk):
    meeting = _meeting(request, pk, write=True)
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


@login_required
def participant_add(request, pk):
    meeting = _meeting(request, pk, write=True)
    people = Person.objects.visible_to(request.user).filter(area_code_filter([meeting.area_code])).order_by("name")
    form = ParticipantForm(request.POST or None, organizations=organization_choices(request.user), people=people)
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


@login_required
def attendance(request, pk):
    meeting = _meeting(request, pk, write=True)
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


@login_required
def decision_add(request, pk):
    meeting = _meeting(request, pk, write=True)
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


@login_required
def decision_commitment(request, pk):
    require_worker(request.user)
    decision = get_object_or_404(Decision.objects.visible_to(request.user).select_related("meeting", "owner"), pk=pk)
    require_scope(request.user, decision)
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
