"""Opening and closing cases and setting their visit plan."""

from datetime import timedelta

from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.casework import access
from gotong.casework.colleagues import check_team
from gotong.casework.models import Case, Frequency, SingleVisit, VisitPlan
from gotong.core.policy import can
from gotong.core.policy.decide import Place
from gotong.registry.models import Household


def case_organizations(user):
    """The organisations a case may be run by: for a case opened through an organisation (its ketua, pengelola or
    staf), that organisation; for an area worker, the organisations working in or above their areas (a city's TB
    support group for a village's patient)."""
    from gotong.core.policy.decide import reaches
    from gotong.organizations.models import Organization
    from gotong.organizations.people import overlapping

    reached = reaches(user, "casework.open")
    if reached.everything:
        return Organization.objects.all()
    codes = reached.area_codes | reached.organization_area_codes
    query = overlapping(codes, "area_code")
    if reached.organization_ids:
        query |= Q(pk__in=sorted(reached.organization_ids))
    return Organization.objects.filter(query)


@transaction.atomic
def open_case(
    *,
    program,
    household,
    person=None,
    summary,
    opened_reason,
    opened_on=None,
    worker=None,
    team=(),
    supervisor=None,
    organization=None,
    health_condition="",
    acting_user,
) -> Case:
    """Open a case for a household (or one person in it) the acting user may see; they are the worker by default.

    `casework.open` must reach the case's place: its area (area workers) or the organisation running it (its ketua,
    pengelola or staf). The supervisor, the helpers and another worker must work where the case is."""
    organization_id = organization.pk if organization is not None else None
    if not can(acting_user, "casework.open", Place(area_code=household.area_code, organization_id=organization_id)):
        if not can(acting_user, "casework.open"):
            raise PermissionDenied(_("Peran Anda tidak membuka kasus pendampingan."))
        if not Household.objects.visible_to(acting_user).filter(pk=household.pk).exists():
            raise ValidationError({"household": _("Rumah tangga ini di luar wilayah kerja Anda.")})
        raise ValidationError(
            {"organization": _("Pilih lembaga Anda sebagai lembaga pendamping: kasus ini di luar wilayah kerja Anda.")}
        )
    if not Household.objects.visible_to(acting_user).filter(pk=household.pk).exists():
        raise ValidationError({"household": _("Rumah tangga ini di luar wilayah kerja Anda.")})
    if organization is not None and not case_organizations(acting_user).filter(pk=organization.pk).exists():
        raise ValidationError({"organization": _("Lembaga ini tidak bekerja di wilayah Anda.")})
    if person is not None and person.household_id != household.pk:
        raise ValidationError({"person": _("%(name)s bukan anggota rumah tangga ini.") % {"name": person.name}})
    other_worker = worker if worker is not None and worker.pk != acting_user.pk else None
    worker = worker or acting_user
    if supervisor is not None and supervisor.pk == worker.pk:
        raise ValidationError({"supervisor": _("Supervisor harus orang lain, bukan pendamping utama.")})
    check_team(
        area_code=household.area_code, organization_id=organization_id, supervisor=supervisor,
        team=[u for u in team if u.pk != worker.pk], worker=other_worker,
    )  # fmt: skip
    case = Case(
        program=program,
        household=household,
        person=person,
        summary=(summary or "").strip(),
        opened_reason=(opened_reason or "").strip(),
        opened_on=opened_on or timezone.localdate(),
        worker=worker,
        supervisor=supervisor,
        organization=organization,
        health_condition=(health_condition or "").strip(),
    )
    case.full_clean()
    with set_actor(acting_user):
        case.save()
        helpers = [u for u in team if u.pk != worker.pk]
        if helpers:
            case.team.set(helpers)
    return case


@transaction.atomic
def close_case(case, *, closed_on=None, reason, note="", acting_user) -> Case:
    if not access.leads(acting_user, case):
        raise PermissionDenied(_("Hanya pendamping utama atau supervisor yang menutup kasus yang masih terbuka."))
    case = Case.objects.select_for_update().get(pk=case.pk)
    case.closed_on = closed_on or timezone.localdate()
    case.close_reason = reason or ""
    case.close_note = (note or "").strip()
    if not case.close_reason:
        raise ValidationError({"close_reason": _("Pilih alasan penutupan kasus.")})
    if case.closed_on < case.opened_on:
        raise ValidationError({"closed_on": _("Tanggal ditutup tidak boleh sebelum tanggal dibuka.")})
    case.full_clean()
    with set_actor(acting_user):
        case.save()
        # No more visits are due on a closed case.
        for plan in case.plans.filter(is_active=True):
            plan.is_active, plan.stopped_on = False, case.closed_on
            plan.save(update_fields=["is_active", "stopped_on", "updated_at"])
    return case


@transaction.atomic
def set_visit_plan(case, *, frequency, start_on, end_on=None, interval_days=None, acting_user) -> VisitPlan:
    """The case's new plan; the previous one stops (its past visits stay in the record)."""
    if not access.can_record(acting_user, case):
        raise PermissionDenied(_("Hanya tim pendamping yang mengatur rencana kunjungan kasus yang terbuka."))
    if frequency == Frequency.EVERY_N_DAYS and not interval_days:
        raise ValidationError({"interval_days": _("Isi setiap berapa hari kunjungan dilakukan.")})
    if frequency != Frequency.EVERY_N_DAYS:
        interval_days = None
    if end_on and end_on < start_on:
        raise ValidationError({"end_on": _("Tanggal berakhir tidak boleh sebelum kunjungan pertama.")})
    if start_on < case.opened_on:
        raise ValidationError({"start_on": _("Kunjungan pertama tidak boleh sebelum kasus dibuka.")})
    with set_actor(acting_user):
        for old in case.plans.select_for_update().filter(is_active=True):
            # The old plan owes visits until the day before the new one starts.
            old.is_active, old.stopped_on = False, max(old.start_on, start_on - timedelta(days=1))
            old.save(update_fields=["is_active", "stopped_on", "updated_at"])
        plan = VisitPlan(case=case, frequency=frequency, start_on=start_on, end_on=end_on, interval_days=interval_days)
        plan.full_clean()
        plan.save()
    return plan


@transaction.atomic
def update_team(case, *, team, supervisor=None, acting_user) -> Case:
    """Change the helpers and the supervisor; the responsible worker or the supervisor does it."""
    if not access.leads(acting_user, case):
        raise PermissionDenied(_("Hanya pendamping utama atau supervisor yang mengubah tim kasus yang terbuka."))
    if supervisor is not None and supervisor.pk == case.worker_id:
        raise ValidationError({"supervisor": _("Supervisor harus orang lain, bukan pendamping utama.")})
    team = [u for u in team if u.pk != case.worker_id]
    check_team(area_code=case.area_code, organization_id=case.organization_id, supervisor=supervisor, team=team)
    with set_actor(acting_user):
        case.supervisor = supervisor
        case.full_clean()
        case.save(update_fields=["supervisor", "updated_at"])
        case.team.set(team)
    return case


@transaction.atomic
def plan_single_visit(case, *, planned_on, purpose="", acting_user) -> SingleVisit:
    """One home visit planned on a date (besides or without a recurring plan): in the agenda on that day, overdue
    after it until a visit is logged."""
    if not access.can_record(acting_user, case):
        raise PermissionDenied(_("Hanya tim pendamping yang merencanakan kunjungan kasus yang terbuka."))
    if planned_on < case.opened_on:
        raise ValidationError({"planned_on": _("Tanggal kunjungan tidak boleh sebelum kasus dibuka.")})
    if case.single_visits.filter(planned_on=planned_on).exists():
        raise ValidationError({"planned_on": _("Sudah ada kunjungan yang direncanakan pada tanggal ini.")})
    with set_actor(acting_user):
        single = SingleVisit(case=case, planned_on=planned_on, purpose=purpose, planned_by=acting_user)
        single.full_clean()
        single.save()
    return single
