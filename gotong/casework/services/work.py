"""The team's work on an open case: assessments, visits, assistance (booked in the ledger) and referrals."""

from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.casework import access
from gotong.casework.models import (
    Adherence,
    Assistance,
    AssistanceSource,
    NeedDomain,
    NeedRating,
    NeedsAssessment,
    Referral,
    ReferralStatus,
    Visit,
)
from gotong.core.dates import short_date
from gotong.core.policy import can
from gotong.core.validation import not_in_future


def _require_team(case, user) -> None:
    if not access.can_record(user, case):
        raise PermissionDenied(_("Hanya tim pendamping yang mencatat pada kasus yang masih terbuka."))


def _check_date(value, case, field, label) -> None:
    not_in_future(value, field, label=label)
    if value < case.opened_on:
        raise ValidationError({field: _("%(label)s tidak boleh sebelum kasus dibuka.") % {"label": label}})


@transaction.atomic
def record_assessment(case, *, assessed_on, ratings, note="", acting_user) -> NeedsAssessment:
    """`ratings` maps each NeedDomain to (rating 1–4, note); every domain must be rated."""
    _require_team(case, acting_user)
    _check_date(assessed_on, case, "assessed_on", _("Tanggal asesmen"))
    missing = [NeedDomain(d).label for d in NeedDomain.values if d not in ratings]
    if missing:
        raise ValidationError(_("Beri nilai untuk bidang: %(names)s.") % {"names": ", ".join(str(m) for m in missing)})
    with set_actor(acting_user):
        assessment = NeedsAssessment(case=case, assessed_on=assessed_on, assessed_by=acting_user, note=note.strip())
        assessment.full_clean()
        assessment.save()
        for domain in NeedDomain.values:
            rating, domain_note = ratings[domain]
            row = NeedRating(assessment=assessment, domain=domain, rating=rating, note=(domain_note or "").strip())
            row.full_clean()
            row.save()
    return assessment


def compare_needs(case) -> list[dict]:
    """First vs latest rating per domain; `change` < 0 means the need is better met than at the start."""
    assessments = list(case.assessments.prefetch_related("ratings"))
    if not assessments:
        return []
    first, latest = assessments[0], assessments[-1]
    first_by = {r.domain: r for r in first.ratings.all()}
    latest_by = {r.domain: r for r in latest.ratings.all()}
    rows = []
    for domain in NeedDomain:
        a, b = first_by.get(domain.value), latest_by.get(domain.value)
        rows.append(
            {
                "domain": domain,
                "first": a,
                "latest": b if latest.pk != first.pk else None,
                "change": (b.rating - a.rating) if a and b and latest.pk != first.pk else None,
            }
        )
    return rows


def visit_defaults(case, *, today=None) -> dict:
    """What the quick visit form starts with: today, the person met last time, and last time's next step."""
    last = case.visits.order_by("-visited_on", "-pk").first()
    return {
        "visited_on": today or timezone.localdate(),
        "met_with": last.met_with if last else case.subject_name,
        "previous_next_step": last.next_step if last else "",
        "previous_visit": last,
    }


@transaction.atomic
def log_visit(case, *, visited_on, met_with, condition="", adherence="", issues="", next_step="", acting_user) -> Visit:
    _require_team(case, acting_user)
    _check_date(visited_on, case, "visited_on", _("Tanggal kunjungan"))
    if case.is_tb and adherence not in Adherence.values:
        # Also a value outside the list (ODK, the field app): refused, never bent into one of the three.
        raise ValidationError({"adherence": _("Isi kepatuhan minum obat: ya, sebagian atau tidak.")})
    if not case.is_tb:
        adherence = ""
    if Visit.objects.filter(case=case, worker=acting_user, visited_on=visited_on).exists():
        raise ValidationError(
            {"visited_on": _("Kunjungan Anda tanggal %(date)s sudah tercatat.") % {"date": short_date(visited_on)}}
        )
    visit = Visit(
        case=case,
        visited_on=visited_on,
        worker=acting_user,
        met_with=(met_with or "").strip(),
        condition=(condition or "").strip(),
        adherence=adherence,
        issues=(issues or "").strip(),
        next_step=(next_step or "").strip(),
    )
    visit.full_clean()
    with set_actor(acting_user):
        visit.save()
    return visit


CASE_EXPENSE_ACCOUNT = ("beban-bantuan-kasus", "Bantuan kepada penerima pendampingan")
CASH_ACCOUNT = ("kas", "Kas")


def _source_income_account(source: str) -> tuple[str, str]:
    label = AssistanceSource(source).label
    return f"dana-bantuan-{source}", f"Dana bantuan diterima: {label}"


def _book_in_ledger(assistance, *, acting_user):
    """Money handed to a client is an expense of the organisation running the case.

    From its own cash (source = organisation) it credits Kas, which may not go below zero; money passed on from a
    program, partner or health facility is credited to an income account for that source (received and paid out).
    """
    from gotong.ledger import services as ledger
    from gotong.ledger.models import AccountKind

    organization = assistance.case.organization
    book = ledger.get_or_create_book(organization, acting_user=acting_user)
    expense = ledger.open_account(
        book,
        code=CASE_EXPENSE_ACCOUNT[0],
        name=CASE_EXPENSE_ACCOUNT[1],
        kind=AccountKind.EXPENSE,
        acting_user=acting_user,
    )
    if assistance.source == AssistanceSource.ORGANIZATION:
        credit = ledger.open_account(
            book, code=CASH_ACCOUNT[0], name=CASH_ACCOUNT[1], kind=AccountKind.ASSET, acting_user=acting_user
        )
    else:
        code, name = _source_income_account(assistance.source)
        credit = ledger.open_account(book, code=code, name=name, kind=AccountKind.INCOME, acting_user=acting_user)
    memo = f"{assistance.get_kind_display()}: {assistance.case.subject_name}"[:255]
    return ledger.post(
        book,
        key=f"casework-assistance-{assistance.public_id}",
        lines=[(expense, assistance.value), (credit, -assistance.value)],
        occurred_on=assistance.given_on,
        memo=memo,
        kind="bantuan_kasus",
        acting_user=acting_user,
    )


@transaction.atomic
def give_assistance(case, *, given_on, kind, value, source, source_name="", description="", acting_user) -> Assistance:
    """Record assistance; money (transport, cash) of a case run by an organisation is booked in its ledger."""
    _require_team(case, acting_user)
    _check_date(given_on, case, "given_on", _("Tanggal bantuan"))
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValidationError({"value": _("Nilai bantuan harus rupiah bulat lebih dari nol.")})
    if source == AssistanceSource.ORGANIZATION and case.organization_id is None:
        raise ValidationError({"source": _("Kasus ini tidak punya lembaga pendamping, jadi tidak ada kas lembaga.")})
    assistance = Assistance(
        case=case,
        given_on=given_on,
        kind=kind,
        value=value,
        source=source,
        source_name=(source_name or "").strip(),
        description=(description or "").strip(),
        given_by=acting_user,
    )
    assistance.full_clean()
    with set_actor(acting_user):
        assistance.save()
        if assistance.is_money and case.organization_id:
            assistance.ledger_transaction = _book_in_ledger(assistance, acting_user=acting_user)
            assistance.save(update_fields=["ledger_transaction", "updated_at"])
    return assistance


@transaction.atomic
def refer(case, *, service, service_name, reason, referred_on, acting_user) -> Referral:
    _require_team(case, acting_user)
    _check_date(referred_on, case, "referred_on", _("Tanggal rujukan"))
    referral = Referral(
        case=case,
        service=service,
        service_name=(service_name or "").strip(),
        reason=(reason or "").strip(),
        referred_on=referred_on,
        status=ReferralStatus.REFERRED,
        status_on=referred_on,
        referred_by=acting_user,
    )
    referral.full_clean()
    with set_actor(acting_user):
        referral.save()
    return referral


# Dirujuk → diterima → selesai; a referral may be refused (ditolak) before it is completed.
ALLOWED_NEXT = {
    ReferralStatus.REFERRED: {ReferralStatus.ACCEPTED, ReferralStatus.REJECTED, ReferralStatus.COMPLETED},
    ReferralStatus.ACCEPTED: {ReferralStatus.COMPLETED, ReferralStatus.REJECTED},
    ReferralStatus.COMPLETED: set(),
    ReferralStatus.REJECTED: set(),
}


@transaction.atomic
def update_referral(referral, *, status, status_on, outcome="", acting_user) -> Referral:
    referral = Referral.objects.select_for_update().select_related("case").get(pk=referral.pk)
    if not can(acting_user, "casework.record", referral.case):
        raise PermissionDenied(_("Hanya tim pendamping yang memperbarui rujukan."))
    if status not in ALLOWED_NEXT[referral.status]:
        raise ValidationError(
            {
                "status": _("Rujukan berstatus %(old)s tidak bisa menjadi %(new)s.")
                % {"old": referral.get_status_display(), "new": ReferralStatus(status).label}
            }
        )
    if status_on < referral.referred_on:
        raise ValidationError({"status_on": _("Tanggal status tidak boleh sebelum tanggal dirujuk.")})
    if status_on > timezone.localdate():
        raise ValidationError({"status_on": _("Tanggal status tidak boleh di masa depan.")})
    referral.status, referral.status_on = status, status_on
    if outcome:
        referral.outcome = outcome.strip()
    referral.full_clean()
    with set_actor(acting_user):
        referral.save()
    return referral
