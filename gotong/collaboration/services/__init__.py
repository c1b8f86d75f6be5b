"""Every write to agreements, commitments and projects goes through these functions: views, demo and API alike.

Each takes the acting user (recorded in the audit log), asks the access policy whether that user may record there
(`collaboration.access.require_record`), validates, and raises ValidationError with Indonesian messages; nothing is
written on error. `overdue_commitments` and `kept_on_time_rate` are pure
reads used by the pages.
"""

from decimal import ROUND_HALF_UP, Decimal

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.areas.models import Level
from gotong.collaboration.access import require_record
from gotong.collaboration.models import (
    Agreement,
    BudgetSource,
    Commitment,
    CommitmentStatus,
    Project,
    ProjectBudget,
    ProjectStatus,
)
from gotong.core.validation import not_in_future, whole_rupiah
from gotong.organizations.choices import PARTNER_KINDS

CLOSED = (CommitmentStatus.DONE, CommitmentStatus.DROPPED)


def collect_errors(errors: dict, rule, *args, **kwargs) -> None:
    """Run one of `gotong.core.validation`'s rules, adding its message to `errors` instead of raising at once."""
    try:
        rule(*args, **kwargs)
    except ValidationError as exc:
        errors.update({key: messages[0] for key, messages in exc.message_dict.items()})


@transaction.atomic
def create_agreement(*, title, kind, signed_on, area, parties, document_note="", acting_user) -> Agreement:
    require_record(acting_user, area)
    parties = list(parties)
    if len(parties) < 2:
        raise ValidationError({"parties": _("Kesepakatan butuh sedikitnya dua pihak.")})
    agreement = Agreement(
        title=title.strip(), kind=kind, signed_on=signed_on, area=area, area_code=area.code, document_note=document_note
    )
    agreement.full_clean()
    with set_actor(acting_user):
        agreement.save()
        agreement.parties.set(parties)
    return agreement


@transaction.atomic
def add_commitment(agreement: Agreement, *, actor, what, due_on, acting_user) -> Commitment:
    require_record(acting_user, agreement)
    if not agreement.parties.filter(pk=actor.pk).exists():
        raise ValidationError({"actor": _("Pelaku komitmen harus salah satu pihak dalam kesepakatan.")})
    commitment = Commitment(
        agreement=agreement, area_code=agreement.area_code, actor=actor, what=what.strip(), due_on=due_on
    )
    commitment.full_clean()
    with set_actor(acting_user):
        commitment.save()
    return commitment


@transaction.atomic
def update_commitment_status(commitment: Commitment, *, status, done_on=None, evidence="", acting_user) -> Commitment:
    require_record(acting_user, commitment)
    errors = {}
    if status not in CommitmentStatus.values:
        errors["status"] = _("Status tidak dikenal.")
    elif status == CommitmentStatus.DONE and done_on is None:
        errors["done_on"] = _("Isi tanggal selesai bila status komitmen selesai.")
    elif status != CommitmentStatus.DONE and done_on is not None:
        errors["done_on"] = _("Tanggal selesai hanya diisi bila status komitmen selesai.")
    else:
        collect_errors(errors, not_in_future, done_on, "done_on", label=_("Tanggal selesai"))
    if errors:
        raise ValidationError(errors)
    commitment.status = status
    commitment.done_on = done_on
    commitment.evidence = (evidence or "").strip()
    commitment.full_clean()
    with set_actor(acting_user):
        commitment.save()
    return commitment


def _check_csr_funder(errors: dict, budgets: dict, csr_funder) -> None:
    """A CSR line may name the partner organisation that pays it (shown to that partner as its contribution)."""
    if csr_funder is None:
        return
    if not budgets.get(BudgetSource.CSR):
        errors["csr_funder"] = _("Pemberi dana CSR hanya diisi bila ada anggaran CSR.")
    elif csr_funder.kind not in PARTNER_KINDS:
        errors["csr_funder"] = _("Pemberi dana CSR harus organisasi mitra (CSR/perusahaan, perguruan tinggi, media).")


@transaction.atomic
def create_project(
    *,
    name,
    kind,
    area,
    volume,
    unit,
    year,
    budgets: dict[str, int],
    executor=None,
    coordinator=None,
    status=ProjectStatus.PLANNED,
    csr_funder=None,
    acting_user,
) -> Project:
    require_record(acting_user, area)
    errors = {}
    _check_csr_funder(errors, budgets, csr_funder)
    if area.level < Level.VILLAGE:
        errors["area"] = _("Lokasi kegiatan harus kelurahan/desa, RW atau RT.")
    unknown = sorted(set(budgets) - set(BudgetSource.values))
    if unknown:
        errors["budgets"] = _("Sumber dana tidak dikenal: %(sources)s.") % {"sources": ", ".join(unknown)}
    for amount in budgets.values():
        # Whole rupiah only: a float or Decimal with a fraction would silently lose or invent money.
        collect_errors(errors, whole_rupiah, amount, "budgets", allow_zero=True)
    if errors:
        raise ValidationError(errors)
    project = Project(
        name=name.strip(),
        kind=kind,
        area=area,
        area_code=area.code,
        volume=Decimal(str(volume)),
        unit=unit.strip(),
        year=year,
        executor=executor,
        coordinator=coordinator,
        status=status,
    )
    project.full_clean()
    with set_actor(acting_user):
        project.save()
        for source, amount in budgets.items():
            budget = ProjectBudget(project=project, area_code=project.area_code, source=source, amount_rupiah=amount)
            if source == BudgetSource.CSR:
                budget.funder = csr_funder
            budget.full_clean()
            budget.save()
    return project


@transaction.atomic
def update_agreement(agreement: Agreement, *, title, kind, signed_on, area, parties, document_note="", acting_user):
    require_record(acting_user, agreement)
    require_record(acting_user, area)
    parties = list(parties)
    if len(parties) < 2:
        raise ValidationError({"parties": _("Kesepakatan butuh sedikitnya dua pihak.")})
    dropped = {c.actor.name for c in agreement.commitments.select_related("actor") if c.actor not in parties}
    if dropped:
        raise ValidationError(
            {
                "parties": _("Pihak yang masih punya komitmen tidak bisa dihapus: %(names)s.")
                % {"names": ", ".join(sorted(dropped))}
            }
        )
    if area.code != agreement.area_code and agreement.commitments.exists():
        raise ValidationError({"area": _("Wilayah tidak bisa diubah setelah ada komitmen.")})
    agreement.title, agreement.kind, agreement.signed_on, agreement.area = title.strip(), kind, signed_on, area
    agreement.document_note = (document_note or "").strip()
    agreement.full_clean()
    with set_actor(acting_user):
        agreement.save()
        agreement.parties.set(parties)
    return agreement


@transaction.atomic
def update_project(
    project: Project,
    *,
    name,
    kind,
    area,
    volume,
    unit,
    year,
    budgets: dict[str, int],
    executor=None,
    coordinator=None,
    status=ProjectStatus.PLANNED,
    csr_funder=None,
    acting_user,
) -> Project:
    """Change a project and replace its budget lines (a source left out or zero is removed)."""
    require_record(acting_user, project)
    require_record(acting_user, area)
    errors = {}
    _check_csr_funder(errors, budgets, csr_funder)
    if area.level < Level.VILLAGE:
        errors["area"] = _("Lokasi kegiatan harus kelurahan/desa, RW atau RT.")
    for source, amount in budgets.items():
        if source not in BudgetSource.values:
            errors["budgets"] = _("Sumber dana tidak dikenal: %(sources)s.") % {"sources": source}
        else:
            collect_errors(errors, whole_rupiah, amount, "budgets", allow_zero=True)
    if errors:
        raise ValidationError(errors)
    project.name, project.kind, project.area, project.area_code = name.strip(), kind, area, area.code
    project.volume, project.unit, project.year = Decimal(str(volume)), unit.strip(), year
    project.executor, project.coordinator, project.status = executor, coordinator, status
    project.full_clean()
    with set_actor(acting_user):
        project.save()
        existing = {b.source: b for b in project.budgets.all()}
        for source in BudgetSource.values:
            amount = budgets.get(source) or 0
            budget = existing.get(source)
            funder = csr_funder if source == BudgetSource.CSR else None
            if amount and budget is None:
                ProjectBudget.objects.create(
                    project=project, area_code=project.area_code, source=source, amount_rupiah=amount, funder=funder
                )
            elif amount and (
                budget.amount_rupiah != amount or budget.area_code != project.area_code or budget.funder != funder
            ):
                budget.amount_rupiah, budget.funder = amount, funder
                budget.save()
            elif not amount and budget is not None:
                budget.delete()
    return project


def overdue_commitments(queryset, today):
    """Commitments still open (not done, not dropped) whose due date has passed."""
    return queryset.exclude(status__in=CLOSED).filter(due_on__lt=today)


def kept_on_time_rate(actor, queryset, today=None) -> Decimal | None:
    """Percentage (one decimal) of an actor's due-or-done commitments that were done by their due date.

    The denominator counts commitments that are done, or whose due date has passed (`due_on < today`,
    the same line as `overdue_commitments`) whatever their status, so a dropped or late one counts against.
    None when nothing is due yet.
    """
    today = today or timezone.localdate()
    mine = queryset.filter(actor=actor)
    counted = mine.filter(Q(status=CommitmentStatus.DONE) | Q(due_on__lt=today))
    total = counted.count()
    if not total:
        return None
    kept = mine.filter(status=CommitmentStatus.DONE, done_on__lte=F("due_on")).count()
    return (Decimal(100) * kept / total).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def commitment_figures_by_actor(queryset, today=None) -> dict[int, dict]:
    """actor id → {"count", "done", "rate"} for the commitments of `queryset`, in one grouped query; "rate" is
    `kept_on_time_rate` of that actor (same denominator and rounding)."""
    today = today or timezone.localdate()
    done = Q(status=CommitmentStatus.DONE)
    rows = (
        queryset.order_by()
        .values("actor")
        .annotate(
            n=Count("pk"),
            done=Count("pk", filter=done),
            counted=Count("pk", filter=done | Q(due_on__lt=today)),
            kept=Count("pk", filter=done & Q(done_on__lte=F("due_on"))),
        )
    )
    return {
        row["actor"]: {
            "count": row["n"],
            "done": row["done"],
            "rate": (Decimal(100) * row["kept"] / row["counted"]).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            if row["counted"]
            else None,
        }
        for row in rows
    }
