"""Writes for empowerment programs: programs, cohorts, sessions, enrolment, attendance and outcomes."""

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gotong.collaboration.access import organization_choices as collaboration_organizations
from gotong.core.policy import can
from gotong.core.policy.decide import Place
from gotong.core.validation import already_held, whole_rupiah
from gotong.programs.models import Cohort, Enrolment, EnrolmentStatus, Program, Session, SessionAttendance
from gotong.registry.models import Person

MANAGE = "programs.manage"


def _require(user, program):
    if not can(user, MANAGE, program):
        raise ValidationError(_("Anda tidak berwenang mengelola program ini."))


@transaction.atomic
def create_program(*, name, kind, organization, area, description="", partners=(), acting_user) -> Program:
    if not can(acting_user, MANAGE, Place(area_code=area.code, organization_id=organization.pk)):
        raise ValidationError({"area": _("Anda tidak berwenang membuat program di wilayah ini.")})
    if Program.objects.filter(name__iexact=name.strip(), organization=organization).exists():
        raise ValidationError({"name": _("Penyelenggara ini sudah punya program dengan nama itu.")})
    partners = [p for p in partners if p.pk != organization.pk]
    if acting_user is not None and partners:
        allowed = set(collaboration_organizations(acting_user, MANAGE).filter(pk__in=[p.pk for p in partners])
                      .values_list("pk", flat=True))  # fmt: skip
        if any(p.pk not in allowed for p in partners):
            message = _("Mitra program harus organisasi di wilayah kerja Anda atau di atasnya.")
            raise ValidationError({"partners": message})
    program = Program(name=name.strip(), kind=kind, organization=organization, area=area,
                      description=(description or "").strip(), area_code=area.code)  # fmt: skip
    program.full_clean()
    with set_actor(acting_user):
        program.save()
        program.partners.set(partners)
    return program


@transaction.atomic
def create_cohort(program: Program, *, name, starts_on, ends_on, capacity=None, acting_user) -> Cohort:
    _require(acting_user, program)
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("Tanggal selesai tidak boleh sebelum tanggal mulai.")})
    if program.cohorts.filter(name__iexact=name.strip()).exists():
        raise ValidationError({"name": _("Program ini sudah punya angkatan bernama itu.")})
    cohort = Cohort(program=program, name=name.strip(), starts_on=starts_on, ends_on=ends_on, capacity=capacity)
    cohort.area_code = program.area_code
    cohort.full_clean()
    with set_actor(acting_user):
        cohort.save()
    return cohort


@transaction.atomic
def add_session(cohort: Cohort, *, held_on, topic, hours, acting_user) -> Session:
    _require(acting_user, cohort.program)
    if not cohort.starts_on <= held_on <= cohort.ends_on:
        raise ValidationError({"held_on": _("Tanggal pertemuan harus di antara mulai dan selesai angkatan.")})
    session = Session(cohort=cohort, held_on=held_on, topic=topic.strip(), hours=hours)
    session.area_code = cohort.area_code
    session.full_clean()
    with set_actor(acting_user):
        session.save()
    return session


@transaction.atomic
def enrol(cohort: Cohort, *, person, enrolled_on, acting_user) -> Enrolment:
    _require(acting_user, cohort.program)
    if not Person.objects.visible_to(acting_user).filter(pk=person.pk).exists():
        raise ValidationError({"person": _("Penduduk ini tidak ada dalam lingkup Anda.")})
    if cohort.enrolments.filter(person=person).exists():
        raise ValidationError({"person": _("%(name)s sudah terdaftar di angkatan ini.") % {"name": person.name}})
    if cohort.capacity is not None and cohort.enrolments.count() >= cohort.capacity:
        raise ValidationError({"person": _("Kuota angkatan ini (%(n)s orang) sudah penuh.") % {"n": cohort.capacity}})
    enrolment = Enrolment(cohort=cohort, person=person, enrolled_on=enrolled_on)
    enrolment.area_code = cohort.area_code
    enrolment.full_clean()
    with set_actor(acting_user):
        enrolment.save()
    return enrolment


@transaction.atomic
def record_session_attendance(session: Session, *, present_enrolments, acting_user) -> int:
    """Set who attended the session among the participants the user sees: those given are present, the others the
    user sees are not; a participant outside the user's view keeps their row. Idempotent: a retried submit changes
    nothing."""
    _require(acting_user, session.cohort.program)
    already_held(session.held_on, "session")
    wanted = {e.pk for e in present_enrolments}
    seen = set(
        Enrolment.objects.visible_to(acting_user).filter(cohort_id=session.cohort_id).values_list("pk", flat=True)
    )
    if wanted - seen:
        raise ValidationError(_("Ada peserta yang bukan anggota angkatan ini."))
    with set_actor(acting_user):
        for row in session.attendance.filter(enrolment_id__in=seen).exclude(enrolment_id__in=wanted):
            row.delete()
        have = set(session.attendance.values_list("enrolment_id", flat=True))
        for pk in wanted - have:
            SessionAttendance.objects.create(session=session, enrolment_id=pk)
    return len(wanted)


@transaction.atomic
def record_outcome(
    enrolment: Enrolment, *, status, certified=False, started_business=False, income_before=None,
    income_after=None, outcome_note="", acting_user,
) -> Enrolment:  # fmt: skip
    _require(acting_user, enrolment.cohort.program)
    errors = {}
    if certified and status != EnrolmentStatus.COMPLETED:
        errors["certified"] = _("Sertifikat hanya untuk peserta yang selesai.")
    for field, value in (("income_before", income_before), ("income_after", income_after)):
        if value is not None:
            try:
                whole_rupiah(value, field, allow_zero=True)
            except ValidationError as exc:
                errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    enrolment.status, enrolment.certified, enrolment.started_business = status, certified, started_business
    enrolment.income_before, enrolment.income_after = income_before, income_after
    enrolment.outcome_note = (outcome_note or "").strip()
    enrolment.full_clean()
    with set_actor(acting_user):
        enrolment.save()
    return enrolment
