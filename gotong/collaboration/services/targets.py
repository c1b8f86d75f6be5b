"""Shared targets, their current value and status, action plans and activities with a progress timeline.

Progress follows Decidim accountability: a leaf activity's progress is recorded (with a dated update), a
parent's is the weighted mean of its children's, and a plan's the weighted mean of its top-level activities.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gotong.collaboration.access import require_record
from gotong.collaboration.models import ActionPlan, Activity, ActivityStatus, ActivityUpdate, Indicator, Target
from gotong.collaboration.services import collect_errors
from gotong.core.area_codes import code_inside
from gotong.core.validation import not_in_future, whole_rupiah
from gotong.slums.services import latest_assessment

STATUS_LABELS = {
    "achieved": gettext_lazy("Tercapai"),
    "on_track": gettext_lazy("Sesuai jalur"),
    "behind": gettext_lazy("Tertinggal"),
    "no_data": gettext_lazy("Belum ada data"),
}


def with_current_values(targets):
    """Targets with what `current_value` reads (their slum location and its assessments) in two more queries,
    not two per target."""
    return targets.select_related("location").prefetch_related("location__assessments")


def current_value(target: Target) -> tuple[Decimal | None, datetime.date | None]:
    """For a slum-area target: the latest assessment's remaining hectares; otherwise the last reported value.
    Reads the location's assessments whole (`with_current_values` prefetches them for a list)."""
    if target.indicator == Indicator.SLUM_HA and target.location_id:
        latest = latest_assessment(target.location)
        if latest is None:
            return target.location.area_ha, target.location.decree_date
        return latest.affected_area_ha, latest.assessed_on
    return target.reported_value, target.reported_on


def target_status(target: Target, today: datetime.date | None = None) -> dict:
    """Value now, share of the way from baseline to target, and whether that keeps pace with the time passed."""
    today = today or timezone.localdate()
    value, as_of = current_value(target)
    result = {"value": value, "as_of": as_of, "percent": None, "expected": None, "status": "no_data"}
    span = target.target_value - target.baseline_value
    if value is None:
        result["label"] = STATUS_LABELS["no_data"]
        return result
    done = Decimal(1) if span == 0 else (value - target.baseline_value) / span
    done = max(Decimal(0), min(Decimal(1), done))
    years = target.target_year - target.baseline_year
    # Time passed up to today, not up to the last measurement: no news for years is falling behind.
    elapsed = Decimal(max(0, min(years, today.year - target.baseline_year))) / years
    result["percent"] = (done * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    result["expected"] = (elapsed * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    result["status"] = "achieved" if done >= 1 else ("on_track" if done >= elapsed else "behind")
    result["label"] = STATUS_LABELS[result["status"]]
    return result


def _check_target(target: Target) -> None:
    errors = {}
    if (
        target.target_year is not None
        and target.baseline_year is not None
        and target.target_year <= target.baseline_year
    ):
        errors["target_year"] = _("Tahun sasaran harus setelah tahun nilai awal.")
    if target.indicator == Indicator.SLUM_HA:
        if target.location_id is None:
            errors["location"] = _("Sasaran luas kumuh harus dikaitkan dengan lokasi kumuh.")
        elif not code_inside(target.location.area_code, [target.area.code]):
            errors["location"] = _("Lokasi kumuh harus berada di wilayah sasaran.")
    if target.indicator in (Indicator.SAFE_WATER_PCT, Indicator.SANITATION_PCT):
        for name in ("baseline_value", "target_value", "reported_value"):
            value = getattr(target, name)
            if value is not None and not 0 <= value <= 100:
                errors[name] = _("Persentase harus antara 0 dan 100.")
    if (target.reported_value is None) != (target.reported_on is None):
        errors["reported_on"] = _("Isi nilai terakhir dan tanggalnya bersama-sama.")
    for name in ("baseline_value", "target_value"):
        value = getattr(target, name)
        if value is not None and value < 0:
            errors[name] = _("Nilai tidak boleh negatif.")
    if errors:
        raise ValidationError(errors)
    target.full_clean()


TARGET_FIELDS = (
    "title",
    "area",
    "location",
    "indicator",
    "unit",
    "baseline_value",
    "baseline_year",
    "target_value",
    "target_year",
    "reported_value",
    "reported_on",
)


@transaction.atomic
def save_target(target: Target | None = None, *, acting_user, **values) -> Target:
    """Create (target=None) or update a shared target."""
    unknown = set(values) - set(TARGET_FIELDS)
    if unknown:
        raise TypeError(f"unknown target fields: {sorted(unknown)}")
    if target is not None:
        require_record(acting_user, target)
    if values.get("area") is not None:
        require_record(acting_user, values["area"])
    target = target or Target()
    for key, value in values.items():
        setattr(target, key, value.strip() if isinstance(value, str) else value)
    if target.indicator == Indicator.SLUM_HA and not target.unit:
        target.unit = "ha"
    target.area_code = target.area.code
    _check_target(target)
    with set_actor(acting_user):
        target.save()
    return target


@transaction.atomic
def save_action_plan(
    plan: ActionPlan | None = None, *, target, title, start_year, end_year, approved_at=None, acting_user
) -> ActionPlan:
    require_record(acting_user, target if plan is None else plan)
    errors = {}
    if end_year < start_year:
        errors["end_year"] = _("Tahun selesai tidak boleh sebelum tahun mulai.")
    if (
        approved_at is not None
        and not code_inside(target.area_code, [approved_at.area_code])
        and not code_inside(approved_at.area_code, [target.area_code])
    ):
        errors["approved_at"] = _("Pertemuan yang menyetujui harus dari forum di wilayah sasaran.")
    if errors:
        raise ValidationError(errors)
    plan = plan or ActionPlan()
    plan.target, plan.title, plan.start_year, plan.end_year = target, title.strip(), start_year, end_year
    plan.approved_at, plan.area_code = approved_at, target.area_code
    plan.full_clean()
    with set_actor(acting_user):
        plan.save()
    return plan


@transaction.atomic
def add_activity(
    plan: ActionPlan,
    *,
    what,
    organization=None,
    starts_on=None,
    ends_on=None,
    budget_rupiah=0,
    weight=1,
    parent=None,
    projects=(),
    acting_user,
) -> Activity:
    require_record(acting_user, plan)
    errors = {}
    if parent is not None and parent.plan_id != plan.pk:
        errors["parent"] = _("Induk harus aktivitas dari rencana tindak yang sama.")
    collect_errors(errors, whole_rupiah, budget_rupiah, "budget_rupiah", allow_zero=True)
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = _("Tanggal selesai tidak boleh sebelum tanggal mulai.")
    projects = list(projects)
    if any(not code_inside(p.area_code, [plan.area_code]) for p in projects):
        errors["projects"] = _("Kegiatan fisik harus berada di wilayah sasaran.")
    if errors:
        raise ValidationError(errors)
    activity = Activity(
        plan=plan,
        area_code=plan.area_code,
        parent=parent,
        what=what.strip(),
        organization=organization,
        starts_on=starts_on,
        ends_on=ends_on,
        budget_rupiah=budget_rupiah,
        weight=weight,
    )
    activity.full_clean()
    with set_actor(acting_user):
        activity.save()
        activity.projects.set(projects)
    return activity


@transaction.atomic
def record_progress(activity: Activity, *, on, status, progress, note="", acting_user) -> ActivityUpdate:
    """A dated status/progress entry for a leaf activity; the activity shows the latest entry."""
    require_record(acting_user, activity)
    errors = {}
    if activity.children.exists():
        errors["progress"] = _("Kemajuan aktivitas induk dihitung dari sub-aktivitasnya.")
    if status not in ActivityStatus.values:
        errors["status"] = _("Status tidak dikenal.")
    if isinstance(progress, bool) or not isinstance(progress, int) or not 0 <= progress <= 100:
        errors["progress"] = _("Kemajuan harus bilangan bulat 0–100%.")
    elif status == ActivityStatus.DONE and progress != 100:
        errors["progress"] = _("Aktivitas selesai harus 100%.")
    collect_errors(errors, not_in_future, on, "on")
    if errors:
        raise ValidationError(errors)
    update = ActivityUpdate(
        activity=activity,
        area_code=activity.area_code,
        on=on,
        status=status,
        progress=progress,
        note=(note or "").strip(),
        recorded_by=acting_user,
    )
    update.full_clean()
    with set_actor(acting_user):
        update.save()
        latest = activity.updates.order_by("-on", "-pk").first()
        activity.status, activity.progress = latest.status, latest.progress
        activity.save(update_fields=["status", "progress", "updated_at"])
    return update


def activity_progress(activity: Activity, children_of: dict) -> Decimal:
    """Leaf: its recorded progress. Parent: weighted mean of its children's (dropped ones left out)."""
    children = [c for c in children_of.get(activity.pk, []) if c.status != ActivityStatus.DROPPED]
    if not children:
        return Decimal(activity.progress)
    total_weight = sum(c.weight for c in children)
    return sum(activity_progress(c, children_of) * c.weight for c in children) / total_weight


def _derived_status(progress: Decimal) -> ActivityStatus:
    """A parent's status follows its children's progress."""
    if progress >= 100:
        return ActivityStatus.DONE
    return ActivityStatus.ONGOING if progress > 0 else ActivityStatus.PLANNED


def plan_tree(plan: ActionPlan) -> tuple[list[dict], Decimal | None]:
    """Activities as an indented list with derived progress, and the plan's overall progress (one decimal)."""
    activities = list(plan.activities.select_related("organization").prefetch_related("projects", "updates"))
    children_of = {}
    for activity in activities:
        children_of.setdefault(activity.parent_id, []).append(activity)
    rows = []

    def walk(parent_id, depth):
        for activity in children_of.get(parent_id, []):
            progress = activity_progress(activity, children_of).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            is_parent = bool(children_of.get(activity.pk))
            rows.append(
                {
                    "activity": activity,
                    "depth": depth,
                    "progress": progress,
                    "is_parent": is_parent,
                    "status_label": _derived_status(progress).label if is_parent else activity.get_status_display(),
                    "latest": max(activity.updates.all(), key=lambda u: (u.on, u.pk), default=None),
                }
            )
            walk(activity.pk, depth + 1)

    walk(None, 0)
    top = [a for a in children_of.get(None, []) if a.status != ActivityStatus.DROPPED]
    if not top:
        return rows, None
    overall = sum(activity_progress(a, children_of) * a.weight for a in top) / sum(a.weight for a in top)
    return rows, overall.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
