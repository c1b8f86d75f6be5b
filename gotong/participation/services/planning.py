"""Every write to planning rounds, proposals and supports goes through these functions: views, demo and API alike.

Each takes the acting user, asks the access policy (`participation.plan` to open, close and choose;
`participation.raise` to propose; `participation.support` to support), validates, and raises ValidationError with
Indonesian messages; nothing is written on error. See `gotong.participation.models.planning` for the voting rule.
"""

import datetime

from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gotong.areas.models import Level
from gotong.core.area_codes import code_inside
from gotong.core.policy import can
from gotong.participation.models import (
    PlanningRound,
    Proposal,
    ProposalSource,
    ProposalStatus,
    Support,
)

PLAN = "participation.plan"
RAISE = "participation.raise"
SUPPORT = "participation.support"


def _require(user, capability: str, target) -> None:
    """Services do not trust their caller; `None` is the system itself (commands and the demo)."""
    if user is not None and not can(user, capability, target):
        raise PermissionDenied


def _today() -> datetime.date:
    return timezone.localdate()


@transaction.atomic
def open_round(
    *, title: str, kind: str, area, opens_on: datetime.date, closes_on: datetime.date, description: str = "",
    acting_user,
) -> PlanningRound:  # fmt: skip
    """A facilitator opens a round for an RW (its RPLP priorities) or a kelurahan (its musrenbang)."""
    _require(acting_user, PLAN, area)
    errors = {}
    if area.level not in (Level.VILLAGE, Level.RW):
        errors["area"] = _("Putaran perencanaan dibuka untuk satu RW atau satu kelurahan/desa.")
    if closes_on < opens_on:
        errors["closes_on"] = _("Tanggal ditutup tidak boleh sebelum tanggal dibuka.")
    if errors:
        raise ValidationError(errors)
    planning_round = PlanningRound(
        title=title.strip(),
        kind=kind,
        area=area,
        description=description.strip(),
        opens_on=opens_on,
        closes_on=closes_on,
        opened_by=acting_user,
    )
    planning_round.area_code = area.code
    planning_round.full_clean()
    with set_actor(acting_user):
        planning_round.save()
    return planning_round


@transaction.atomic
def add_proposal(
    planning_round: PlanningRound,
    *,
    title: str,
    description: str = "",
    meeting=None,
    aspiration=None,
    acting_user,
) -> Proposal:
    """A proposal from a resident (or recorded for one), from a forum's meeting, or from an aspiration."""
    needed = PLAN if aspiration is not None else RAISE
    _require(acting_user, needed, planning_round)
    # Lock the round so a proposal cannot slip in beside a close or a choice made at the same moment.
    planning_round = PlanningRound.objects.select_for_update().get(pk=planning_round.pk)
    errors = {}
    if planning_round.is_closed:
        errors["__all__"] = _("Putaran ini sudah ditutup; usulan baru tidak diterima lagi.")
    if meeting is not None and not (
        code_inside(meeting.area_code, [planning_round.area_code])
        or code_inside(planning_round.area_code, [meeting.area_code])
    ):
        errors["meeting"] = _("Pertemuan harus dari forum di wilayah putaran ini.")
    if aspiration is not None:
        if not code_inside(aspiration.area_code, [planning_round.area_code]):
            errors["aspiration"] = _("Aspirasi ini berasal dari luar wilayah putaran.")
        elif Proposal.objects.filter(round=planning_round, aspiration=aspiration).exists():
            errors["aspiration"] = _("Aspirasi ini sudah menjadi usulan di putaran ini.")
    if errors:
        raise ValidationError(errors)
    if aspiration is not None:
        source = ProposalSource.ASPIRATION
    elif meeting is not None:
        source = ProposalSource.FORUM
    else:
        source = ProposalSource.RESIDENT
    proposal = Proposal(
        round=planning_round,
        title=title.strip(),
        description=description.strip(),
        source=source,
        meeting=meeting,
        aspiration=aspiration,
        proposed_by=acting_user,
    )
    proposal.area_code = planning_round.area_code
    proposal.full_clean(validate_constraints=False)
    with set_actor(acting_user):
        try:
            with transaction.atomic():
                proposal.save()
        except IntegrityError:
            # The same aspiration turned into a proposal by two facilitators at once: the constraint kept one.
            raise ValidationError({"aspiration": _("Aspirasi ini sudah menjadi usulan di putaran ini.")}) from None
    return proposal


def proposal_from_aspiration(aspiration, planning_round: PlanningRound, *, title: str, description: str = "",
                             acting_user) -> Proposal:  # fmt: skip
    """ "Jadikan usulan": the facilitator carries an aspiration into a round, keeping the link."""
    _require(acting_user, PLAN, aspiration)
    return add_proposal(
        planning_round, title=title, description=description, aspiration=aspiration, acting_user=acting_user
    )


def rounds_for_aspiration(aspiration, user):
    """The open rounds a facilitator may carry this aspiration into: around its RT, not closed, not over."""
    rounds = PlanningRound.objects.reached_by(user, PLAN, named_only=True).filter(
        closed_on__isnull=True, closes_on__gte=_today()
    )
    return [r for r in rounds.order_by("closes_on", "pk") if code_inside(aspiration.area_code, [r.area_code])]


def _person_of(user):
    if not user.person_id:
        raise ValidationError(_("Akun ini tidak terhubung ke data warga, jadi tidak dapat memberi dukungan."))
    return user.person


@transaction.atomic
def support_proposal(proposal: Proposal, *, acting_user, today: datetime.date | None = None) -> tuple[Support, bool]:
    """Record the acting resident's support; (support, False) when their person already supports it."""
    _require(acting_user, SUPPORT, proposal)
    return record_support(proposal, _person_of(acting_user), recorded_by=acting_user, today=today)


@transaction.atomic
def record_support(proposal: Proposal, person, *, recorded_by=None, today: datetime.date | None = None):
    """Store one registry person's support (the rules, not the access check: `support_proposal` is the page's door;
    the demo and imports of a rembug's tally call this directly as the system).

    One support per person and proposal, whatever the account: the unique constraint decides, so two submits at the
    same moment (a double tap, two phones) store one row on PostgreSQL and SQLite alike.
    """
    planning_round = proposal.round
    today = today or _today()
    if not code_inside(person.area_code, [planning_round.area_code]):
        raise ValidationError(_("Hanya warga yang tinggal di wilayah putaran ini yang dapat memberi dukungan."))
    if not planning_round.accepts_support_on(today):
        raise ValidationError(_("Dukungan hanya dapat diberikan selama putaran dibuka."))
    if proposal.status != ProposalStatus.PROPOSED:
        raise ValidationError(_("Usulan ini sudah diputuskan; dukungan tidak dapat ditambah."))
    existing = Support.objects.filter(proposal=proposal, person=person).first()
    if existing is not None:
        return existing, False
    support = Support(proposal=proposal, person=person, area_code=proposal.area_code, recorded_by=recorded_by)
    try:
        with transaction.atomic():
            support.save()
    except IntegrityError:
        # Another submit for the same person committed between our check and our insert.
        return Support.objects.get(proposal=proposal, person=person), False
    return support, True


@transaction.atomic
def withdraw_support(proposal: Proposal, *, acting_user, today: datetime.date | None = None) -> bool:
    """Take one's support back while the round is open; True when there was one."""
    _require(acting_user, SUPPORT, proposal)
    person = _person_of(acting_user)
    if not proposal.round.accepts_support_on(today or _today()) or proposal.status != ProposalStatus.PROPOSED:
        raise ValidationError(_("Dukungan hanya dapat diubah selama putaran dibuka."))
    deleted, _rows = Support.objects.filter(proposal=proposal, person=person).delete()
    return bool(deleted)


@transaction.atomic
def close_round(planning_round: PlanningRound, *, acting_user, today: datetime.date | None = None) -> PlanningRound:
    """Stop supports (on or before the planned closing date); choosing the proposals comes next."""
    _require(acting_user, PLAN, planning_round)
    planning_round = PlanningRound.objects.select_for_update().get(pk=planning_round.pk)
    today = today or _today()
    if planning_round.is_closed:
        raise ValidationError(_("Putaran ini sudah ditutup."))
    if today < planning_round.opens_on:
        raise ValidationError(_("Putaran yang belum dibuka tidak dapat ditutup."))
    planning_round.closed_on = today
    with set_actor(acting_user):
        planning_round.save(update_fields=["closed_on", "updated_at"])
    return planning_round


@transaction.atomic
def choose_proposals(planning_round: PlanningRound, *, chosen, acting_user) -> int:
    """After closing, the facilitator records the rembug's choice: the chosen proposals and, by elimination, the
    rest. Returns how many were chosen. Can be revised until a chosen proposal has become a project."""
    _require(acting_user, PLAN, planning_round)
    planning_round = PlanningRound.objects.select_for_update().get(pk=planning_round.pk)
    if not planning_round.is_closed:
        raise ValidationError(_("Tutup putaran dulu sebelum memilih usulan."))
    proposals = list(planning_round.proposals.all())
    chosen_ids = {p.pk for p in chosen}
    if not chosen_ids <= {p.pk for p in proposals}:
        raise ValidationError({"chosen": _("Usulan yang dipilih harus dari putaran ini.")})
    carried = [p for p in proposals if p.pk not in chosen_ids and (p.project_id or p.activity_id)]
    if carried:
        raise ValidationError(
            {"chosen": _("Usulan yang sudah menjadi kegiatan tidak dapat dibatalkan: %(title)s.") % {
                "title": carried[0].title}}
        )  # fmt: skip
    with set_actor(acting_user):
        for proposal in proposals:
            status = ProposalStatus.CHOSEN if proposal.pk in chosen_ids else ProposalStatus.NOT_CHOSEN
            if proposal.status != status:
                proposal.status = status
                proposal.save(update_fields=["status", "updated_at"])
    return len(chosen_ids)


def _check_carried(proposal: Proposal, acting_user) -> None:
    _require(acting_user, PLAN, proposal)
    if proposal.status != ProposalStatus.CHOSEN:
        raise ValidationError(_("Hanya usulan terpilih yang dapat dijadikan kegiatan."))


@transaction.atomic
def proposal_to_project(proposal: Proposal, *, acting_user, **project_values):
    """A chosen proposal becomes a project ("small win") in the collaboration module, keeping the link; the
    collaboration service checks the project itself (and `collaboration.record` at its place)."""
    from gotong.collaboration.services import create_project

    _check_carried(proposal, acting_user)
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.project_id:
        raise ValidationError(_("Usulan ini sudah menjadi kegiatan fisik."))
    area = project_values["area"]
    if not code_inside(area.code, [proposal.area_code]):
        raise ValidationError({"area": _("Lokasi kegiatan harus di dalam wilayah putaran usulan ini.")})
    project = create_project(acting_user=acting_user, **project_values)
    proposal.project = project
    with set_actor(acting_user):
        proposal.save(update_fields=["project", "updated_at"])
    if proposal.activity_id:
        proposal.activity.projects.add(project)
    return project


@transaction.atomic
def link_project(proposal: Proposal, project, *, acting_user):
    """A chosen proposal whose work is already recorded as a project (entered before the round was, or funded
    from another channel): keep the link so its status and photos show on the proposal."""
    _check_carried(proposal, acting_user)
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.project_id:
        raise ValidationError(_("Usulan ini sudah menjadi kegiatan fisik."))
    if not code_inside(project.area_code, [proposal.area_code]):
        raise ValidationError({"project": _("Kegiatan fisik harus berada di dalam wilayah putaran usulan ini.")})
    proposal.project = project
    with set_actor(acting_user):
        proposal.save(update_fields=["project", "updated_at"])
    return proposal


@transaction.atomic
def proposal_to_activity(proposal: Proposal, *, plan, starts_on=None, ends_on=None, budget_rupiah=0, acting_user):
    """A chosen proposal becomes an activity of an action plan (rencana tindak) covering the round's area."""
    from gotong.collaboration.services.targets import add_activity

    _check_carried(proposal, acting_user)
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.activity_id:
        raise ValidationError(_("Usulan ini sudah menjadi aktivitas rencana tindak."))
    if not (code_inside(proposal.area_code, [plan.area_code]) or code_inside(plan.area_code, [proposal.area_code])):
        raise ValidationError({"plan": _("Rencana tindak harus mencakup wilayah putaran usulan ini.")})
    projects = [proposal.project] if proposal.project_id else []
    projects = [p for p in projects if code_inside(p.area_code, [plan.area_code])]
    activity = add_activity(
        plan,
        what=proposal.title,
        starts_on=starts_on,
        ends_on=ends_on,
        budget_rupiah=budget_rupiah,
        projects=projects,
        acting_user=acting_user,
    )
    proposal.activity = activity
    with set_actor(acting_user):
        proposal.save(update_fields=["activity", "updated_at"])
    return activity


def with_support_counts(proposals):
    """Proposals with `support_count`: a count of persons, never who."""
    return proposals.annotate(support_count=Count("supports", distinct=True))


def supported_ids(user, proposals) -> set[int]:
    """Which of these proposals the user's own person supports (to show "Anda mendukung"), nobody else's."""
    if not user.is_authenticated or not user.person_id:
        return set()
    return set(
        Support.objects.filter(person_id=user.person_id, proposal__in=proposals).values_list("proposal_id", flat=True)
    )


def chain(proposal: Proposal) -> list[dict]:
    """The steps aspiration → proposal → project → photos → done, each with whether it is reached."""
    from gotong.collaboration.models import ProjectStatus

    project = proposal.project
    photos = project.photos.count() if project else 0
    return [
        {"key": "aspiration", "label": _("Aspirasi"), "done": proposal.aspiration_id is not None,
         "detail": proposal.aspiration.number if proposal.aspiration_id else ""},
        {"key": "proposal", "label": _("Usulan"), "done": True, "detail": proposal.get_status_display()},
        {"key": "project", "label": _("Kegiatan fisik"), "done": project is not None,
         "detail": project.get_status_display() if project else ""},
        {"key": "photos", "label": _("Foto"), "done": photos > 0,
         "detail": ngettext("%(n)s foto", "%(n)s foto", photos) % {"n": photos} if project else ""},
        {"key": "done", "label": _("Selesai"), "done": bool(project and project.status == ProjectStatus.DONE),
         "detail": ""},
    ]  # fmt: skip
