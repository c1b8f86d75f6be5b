"""Members and their savings: pokok and wajib stay in while one is a member; sukarela can be withdrawn."""

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from gotong.core.money import format_rupiah
from gotong.core.validation import whole_rupiah
from gotong.ledger import services as ledger
from gotong.ledger.models import AccountKind
from gotong.treasury.models import Member, SavingsKind, SavingsMovement
from gotong.treasury.services.books import CASH, ensure_setup, standing_account, treasury_book
from gotong.treasury.services.closing import check_open_month
from gotong.treasury.services.common import check_not_future, clean_key, lock_books, require_bookkeeper


@transaction.atomic
def add_member(organization, *, person, joined_on, acting_user) -> Member:
    require_bookkeeper(acting_user, organization)
    lock_books(organization)
    existing = Member.objects.filter(organization=organization, person=person).first()
    if existing:
        existing.replayed = True
        return existing
    check_not_future(joined_on, "joined_on")
    ensure_setup(organization, acting_user=acting_user)
    last = Member.objects.filter(organization=organization).aggregate(n=Max("number"))["n"] or 0
    member = Member(organization=organization, person=person, number=last + 1, joined_on=joined_on)
    member.area_code = organization.area_code
    member.full_clean()
    with set_actor(acting_user):
        member.save()
    member.replayed = False
    return member


def savings_account(member, kind, *, acting_user):
    book = treasury_book(member.organization, acting_user=acting_user)
    label = SavingsKind(kind).label
    return ledger.open_account(
        book,
        code=f"SIMP-{member.number:04d}-{kind}",
        name=f"{label} {member.person.name}",
        kind=AccountKind.LIABILITY,
        holder=member.person,
        acting_user=acting_user,
    )


def savings_balances(member) -> dict[str, int]:
    """Balance per kind, read from the ledger (0 for a kind never used)."""
    from gotong.ledger.models import Account

    codes = {f"SIMP-{member.number:04d}-{kind}": kind for kind in SavingsKind.values}
    balances = dict.fromkeys(SavingsKind.values, 0)
    accounts = Account.objects.filter(book__organization_id=member.organization_id, code__in=codes)
    for account in accounts:
        balances[codes[account.code]] = ledger.balance(account)
    return balances


def savings_balances_of(members) -> dict[int, dict[str, int]]:
    """`savings_balances` of many members (a page of the member list) in one query, not one per member."""
    from gotong.ledger.models import Account

    members = list(members)
    result = {m.pk: dict.fromkeys(SavingsKind.values, 0) for m in members}
    by_code = {(m.organization_id, f"SIMP-{m.number:04d}-{kind}"): (m.pk, kind) for m in members
               for kind in SavingsKind.values}  # fmt: skip
    accounts = Account.objects.filter(
        book__organization_id__in={m.organization_id for m in members}, code__startswith="SIMP-"
    ).values_list("book__organization_id", "code", "balance")
    for organization_id, code, balance in accounts:
        found = by_code.get((organization_id, code))
        if found is not None:
            result[found[0]][found[1]] += balance
    return result


def record_savings(member, *, kind, amount, withdrawal=False, occurred_on, key, acting_user) -> SavingsMovement:
    """A deposit (cash in, the member's savings up) or a withdrawal of voluntary savings.

    Recorded once per key: a replay of the same form (double click, a resent request, ten at once) gets the first
    movement back with `replayed` set, never an error.
    """
    try:
        return _record_savings(
            member, kind=kind, amount=amount, withdrawal=withdrawal, occurred_on=occurred_on, key=key,
            acting_user=acting_user,
        )  # fmt: skip
    except IntegrityError:
        # A concurrent replay committed the same key between our look-up and our insert: answer with its record.
        existing = SavingsMovement.objects.filter(member=member, idempotency_key=clean_key(key)).first()
        if existing is None:
            raise
        existing.replayed = True
        return existing


@transaction.atomic
def _record_savings(member, *, kind, amount, withdrawal, occurred_on, key, acting_user) -> SavingsMovement:
    require_bookkeeper(acting_user, member.organization)
    key = clean_key(key)
    # Replays of one member's form queue on the member's row, so each sees what the first one committed.
    Member.objects.select_for_update().filter(pk=member.pk).values_list("pk", flat=True).first()
    existing = SavingsMovement.objects.filter(member=member, idempotency_key=key).first()
    if existing:
        existing.replayed = True
        return existing
    if kind not in SavingsKind.values:
        raise ValidationError({"kind": _("Jenis simpanan tidak dikenal.")})
    whole_rupiah(amount, "amount")
    check_not_future(occurred_on, "occurred_on")
    check_open_month(member.organization, occurred_on, "occurred_on")
    if occurred_on < member.joined_on:
        raise ValidationError({"occurred_on": _("Tanggal sebelum anggota bergabung.")})
    organization = member.organization
    ensure_setup(organization, acting_user=acting_user)
    savings = savings_account(member, kind, acting_user=acting_user)
    if withdrawal:
        if kind != SavingsKind.SUKARELA:
            raise ValidationError(
                {"kind": _("Simpanan pokok dan wajib tidak dapat ditarik selama masih menjadi anggota.")}
            )
        available = ledger.balance(savings)
        if amount > available:
            raise ValidationError(
                {
                    "amount": _("Penarikan %(amount)s melebihi saldo simpanan sukarela %(available)s.")
                    % {"amount": format_rupiah(amount), "available": format_rupiah(available)}
                }
            )
    cash = standing_account(organization, CASH, acting_user=acting_user)
    signed = -amount if withdrawal else amount
    verb = _("Penarikan") if withdrawal else _("Setoran")
    try:
        txn = ledger.post(
            treasury_book(organization, acting_user=acting_user),
            key=f"simpanan:{member.pk}:{key}",
            lines=[(cash, signed), (savings, -signed)],
            occurred_on=occurred_on,
            memo=f"{verb} {SavingsKind(kind).label.lower()} — {member.person.name}",
            kind="simpanan",
            acting_user=acting_user,
        )
    except ledger.InsufficientBalance as exc:
        raise ValidationError({"amount": exc.messages}) from exc
    already = SavingsMovement.objects.filter(transaction=txn).first()
    if already is not None:  # the ledger had this key: a replay that got past the look-up above
        already.replayed = True
        return already
    movement = SavingsMovement(
        member=member,
        kind=kind,
        amount=signed,
        occurred_on=occurred_on,
        transaction=txn,
        idempotency_key=key,
        recorded_by=acting_user,
    )
    movement.area_code = member.area_code
    movement.full_clean()
    with set_actor(acting_user):
        movement.save()
    movement.replayed = False
    return movement
