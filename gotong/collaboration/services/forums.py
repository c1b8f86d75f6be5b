"""Forums, meetings, participants, attendance and decisions (turned into commitments when agreed)."""

import datetime

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.collaboration.access import require_record
from gotong.collaboration.models import Decision, Forum, Meeting, Participant
from gotong.core.area_codes import code_inside


@transaction.atomic
def create_forum(
    *, name, kind, area, convener=None, members=(), description="", meetings_per_year=None, acting_user
) -> Forum:
    require_record(acting_user, area)
    forum = Forum(
        name=name.strip(),
        kind=kind,
        area=area,
        area_code=area.code,
        convener=convener,
        description=(description or "").strip(),
        meetings_per_year=meetings_per_year or None,
    )
    if Forum.objects.filter(name__iexact=forum.name, area=area).exists():
        raise ValidationError({"name": _("Sudah ada forum bernama itu di wilayah ini.")})
    forum.full_clean()
    with set_actor(acting_user):
        forum.save()
        forum.members.set(list(members))
    return forum


@transaction.atomic
def update_forum(
    forum: Forum, *, name, kind, area, convener=None, members=(), description="", meetings_per_year=None, acting_user
) -> Forum:
    require_record(acting_user, forum)
    require_record(acting_user, area)
    if Forum.objects.filter(name__iexact=name.strip(), area=area).exclude(pk=forum.pk).exists():
        raise ValidationError({"name": _("Sudah ada forum bernama itu di wilayah ini.")})
    if area.code != forum.area_code and forum.meetings.exists():
        raise ValidationError({"area": _("Wilayah forum tidak bisa diubah setelah ada pertemuan.")})
    forum.name, forum.kind, forum.area, forum.convener = name.strip(), kind, area, convener
    forum.description = (description or "").strip()
    forum.meetings_per_year = meetings_per_year or None
    forum.full_clean()
    with set_actor(acting_user):
        forum.save()
        forum.members.set(list(members))
    return forum


def _check_meeting_date(held_on):
    if held_on > timezone.localdate() + datetime.timedelta(days=366):
        raise ValidationError({"held_on": _("Tanggal pertemuan terlalu jauh di masa depan.")})


@transaction.atomic
def create_meeting(forum: Forum, *, held_on, place, agenda, minutes="", invite_members=True, acting_user) -> Meeting:
    """A meeting of the forum; its member organisations are invited (attendance not yet taken)."""
    require_record(acting_user, forum)
    _check_meeting_date(held_on)
    meeting = Meeting(
        forum=forum,
        area_code=forum.area_code,
        held_on=held_on,
        place=place.strip(),
        agenda=agenda.strip(),
        minutes=(minutes or "").strip(),
        recorded_by=acting_user,
    )
    meeting.full_clean()
    with set_actor(acting_user):
        meeting.save()
        if invite_members:
            for organization in forum.members.all():
                Participant.objects.create(meeting=meeting, area_code=meeting.area_code, organization=organization)
    return meeting


@transaction.atomic
def update_meeting(meeting: Meeting, *, held_on, place, agenda, minutes="", acting_user) -> Meeting:
    require_record(acting_user, meeting)
    _check_meeting_date(held_on)
    meeting.held_on, meeting.place, meeting.agenda = held_on, place.strip(), agenda.strip()
    meeting.minutes = (minutes or "").strip()
    meeting.full_clean()
    with set_actor(acting_user):
        meeting.save()
    return meeting


@transaction.atomic
def add_participant(meeting: Meeting, *, organization=None, person=None, name="", attended=None, acting_user):
    require_record(acting_user, meeting)
    name = (name or "").strip()
    if organization is None and person is None and not name:
        raise ValidationError(_("Pilih organisasi, penduduk, atau tulis nama peserta."))
    if person is not None and name:
        raise ValidationError({"name": _("Isi nama hanya untuk peserta yang tidak terdaftar sebagai penduduk.")})
    if person is not None and meeting.participants.filter(person=person).exists():
        raise ValidationError({"person": _("Orang ini sudah tercatat sebagai peserta.")})
    if (
        person is None
        and not name
        and meeting.participants.filter(organization=organization, person=None, name="").exists()
    ):
        raise ValidationError({"organization": _("Organisasi ini sudah diundang.")})
    participant = Participant(
        meeting=meeting,
        area_code=meeting.area_code,
        organization=organization,
        person=person,
        name=name,
        attended=attended,
    )
    participant.full_clean()
    with set_actor(acting_user):
        participant.save()
    return participant


@transaction.atomic
def record_attendance(meeting: Meeting, *, attendance: dict, acting_user) -> int:
    """Set hadir (True) / tidak hadir (False) for the meeting's participants by id; returns how many changed."""
    require_record(acting_user, meeting)
    # Plain pk order: the default ordering joins organisations, which PostgreSQL cannot lock FOR UPDATE.
    participants = {p.pk: p for p in meeting.participants.order_by("pk").select_for_update()}
    unknown = set(attendance) - set(participants)
    if unknown:
        raise ValidationError(_("Peserta tidak dikenal pada pertemuan ini."))
    if meeting.held_on > timezone.localdate():
        raise ValidationError(_("Kehadiran baru bisa dicatat pada atau setelah tanggal pertemuan."))
    changed = 0
    with set_actor(acting_user):
        for pk, attended in attendance.items():
            participant = participants[pk]
            if participant.attended is not attended:
                participant.attended = attended
                participant.save(update_fields=["attended"])
                changed += 1
    return changed


@transaction.atomic
def add_decision(meeting: Meeting, *, text, owner=None, due_on=None, acting_user) -> Decision:
    require_record(acting_user, meeting)
    if due_on is not None and due_on < meeting.held_on:
        raise ValidationError({"due_on": _("Tenggat tidak boleh sebelum tanggal pertemuan.")})
    decision = Decision(meeting=meeting, area_code=meeting.area_code, text=text.strip(), owner=owner, due_on=due_on)
    decision.full_clean()
    with set_actor(acting_user):
        decision.save()
    return decision


@transaction.atomic
def decision_to_commitment(decision: Decision, agreement, *, acting_user):
    """Record a decision as a commitment of an agreement: same owner, text and due date."""
    from gotong.collaboration.services import add_commitment

    require_record(acting_user, decision)
    errors = {}
    if decision.commitment_id:
        errors["agreement"] = _("Keputusan ini sudah menjadi komitmen.")
    elif decision.owner_id is None or decision.due_on is None:
        errors["agreement"] = _("Keputusan butuh penanggung jawab dan tenggat sebelum menjadi komitmen.")
    elif not code_inside(decision.area_code, [agreement.area_code]) and not code_inside(
        agreement.area_code, [decision.area_code]
    ):
        errors["agreement"] = _("Kesepakatan harus di wilayah yang sama dengan forum.")
    if errors:
        raise ValidationError(errors)
    try:
        commitment = add_commitment(
            agreement, actor=decision.owner, what=decision.text, due_on=decision.due_on, acting_user=acting_user
        )
    except ValidationError as exc:
        raise ValidationError({"agreement": exc.messages}) from None
    decision.commitment = commitment
    with set_actor(acting_user):
        decision.save(update_fields=["commitment"])
    return commitment
