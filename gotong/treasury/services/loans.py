"""Loan products, disbursement with a stored schedule, repayments (interest before principal) and arrears."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.core.money import format_rupiah
from gotong.core.validation import whole_rupiah
from gotong.ledger import services as ledger
from gotong.ledger.models import AccountKind
from gotong.treasury.models import Installment, Loan, LoanProduct, Repayment
from gotong.treasury.schedule import Due, add_months, allocate, build_schedule
from gotong.treasury.services.books import ADMIN_FEES, CASH, INTEREST, ensure_setup, standing_account, treasury_book
from gotong.treasury.services.closing import check_open_month
from gotong.treasury.services.common import check_not_future, clean_key, lock_books, replayed, require_bookkeeper


@transaction.atomic
def create_product(
    organization,
    *,
    name,
    rate,
    rate_period,
    method,
    max_term_months,
    max_amount,
    admin_fee=0,
    acting_user,
) -> LoanProduct:
    """A loan product with its rate as the lender states it (`rate` % `rate_period`: per month or per year)."""
    require_bookkeeper(acting_user, organization)
    product = LoanProduct(
        organization=organization,
        name=(name or "").strip(),
        rate=Decimal(rate),
        rate_period=rate_period,
        method=method,
        max_term_months=max_term_months,
        max_amount=max_amount,
        admin_fee=admin_fee,
    )
    product.full_clean()
    if admin_fee >= max_amount:
        raise ValidationError({"admin_fee": _("Biaya administrasi harus lebih kecil dari plafon.")})
    with set_actor(acting_user):
        product.save()
    return product


@transaction.atomic
def disburse_loan(
    member,
    *,
    product,
    principal,
    term_months,
    disbursed_on,
    first_due_on=None,
    purpose="",
    key,
    acting_user,
) -> Loan:
    """Pay a loan out of cash (less the admin fee) and store its schedule."""
    require_bookkeeper(acting_user, member.organization)
    key = clean_key(key)
    organization = member.organization
    lock_books(organization)
    existing = Loan.objects.filter(organization=organization, idempotency_key=key).first()
    if existing:
        return replayed(existing)
    if product.organization_id != organization.pk:
        raise ValidationError({"product": _("Produk ini bukan milik organisasi ini.")})
    if not product.is_active:
        raise ValidationError({"product": _("Produk pinjaman ini sudah tidak aktif.")})
    whole_rupiah(principal, "principal")
    if principal > product.max_amount:
        raise ValidationError(
            {
                "principal": _("Pinjaman %(amount)s melebihi plafon produk %(max)s.")
                % {"amount": format_rupiah(principal), "max": format_rupiah(product.max_amount)}
            }
        )
    if principal <= product.admin_fee:
        raise ValidationError({"principal": _("Pinjaman harus lebih besar dari biaya administrasi.")})
    if not 1 <= term_months <= product.max_term_months:
        raise ValidationError(
            {"term_months": _("Jangka waktu 1 sampai %(max)s bulan.") % {"max": product.max_term_months}}
        )
    check_not_future(disbursed_on, "disbursed_on")
    check_open_month(organization, disbursed_on, "disbursed_on")
    if disbursed_on < member.joined_on:
        raise ValidationError({"disbursed_on": _("Tanggal sebelum anggota bergabung.")})
    first_due_on = first_due_on or add_months(disbursed_on, 1)
    if first_due_on <= disbursed_on:
        raise ValidationError({"first_due_on": _("Angsuran pertama harus setelah tanggal pencairan.")})

    ensure_setup(organization, acting_user=acting_user)
    book = treasury_book(organization, acting_user=acting_user)
    loan = Loan(
        organization=organization,
        member=member,
        product=product,
        principal=principal,
        rate=product.rate,
        rate_period=product.rate_period,
        method=product.method,
        term_months=term_months,
        admin_fee=product.admin_fee,
        disbursed_on=disbursed_on,
        first_due_on=first_due_on,
        purpose=(purpose or "").strip(),
        idempotency_key=key,
        recorded_by=acting_user,
    )
    # The receivable is opened per loan so its ledger balance is exactly the principal still owed.
    receivable = ledger.open_account(
        book,
        code=receivable_code(member.number, Loan.objects.filter(member=member).count() + 1),
        name=receivable_name(member.person.name, disbursed_on),
        kind=AccountKind.ASSET,
        holder=member.person,
        acting_user=acting_user,
    )
    cash = standing_account(organization, CASH, acting_user=acting_user)
    lines = [(receivable, principal), (cash, -(principal - product.admin_fee))]
    if product.admin_fee:
        lines.append((standing_account(organization, ADMIN_FEES, acting_user=acting_user), -product.admin_fee))
    try:
        txn = ledger.post(
            book,
            key=f"pinjaman:{key}",
            lines=lines,
            occurred_on=disbursed_on,
            memo=disbursement_memo(product.name, member.person.name),
            kind="pinjaman",
            acting_user=acting_user,
        )
    except ledger.InsufficientBalance as exc:
        raise ValidationError({"principal": exc.messages}) from exc
    loan.receivable, loan.transaction = receivable, txn
    loan.area_code = organization.area_code
    loan.full_clean()
    with set_actor(acting_user):
        loan.save()
        for row in build_schedule(
            principal, loan.rate, term_months, loan.method, first_due_on, rate_period=loan.rate_period
        ):
            Installment.objects.create(
                loan=loan,
                number=row.number,
                due_on=row.due_on,
                principal_due=row.principal,
                interest_due=row.interest,
            )
    return replayed(loan, False)


@transaction.atomic
def record_repayment(loan, *, amount, paid_on, key, acting_user) -> Repayment:
    """Take a payment; it settles the oldest instalment first, its interest before its principal."""
    require_bookkeeper(acting_user, loan.organization)
    key = clean_key(key)
    lock_books(loan.organization)
    existing = Repayment.objects.filter(loan=loan, idempotency_key=key).first()
    if existing:
        return replayed(existing)
    whole_rupiah(amount, "amount")
    check_not_future(paid_on, "paid_on")
    check_open_month(loan.organization, paid_on, "paid_on")
    if paid_on < loan.disbursed_on:
        raise ValidationError({"paid_on": _("Tanggal bayar sebelum pinjaman dicairkan.")})
    installments = list(Installment.objects.select_for_update().filter(loan=loan).order_by("number"))
    outstanding = sum(i.remaining for i in installments)
    if outstanding == 0:
        raise ValidationError({"amount": _("Pinjaman ini sudah lunas.")})
    if amount > outstanding:
        raise ValidationError(
            {
                "amount": _("Pembayaran %(amount)s melebihi sisa pinjaman %(outstanding)s.")
                % {"amount": format_rupiah(amount), "outstanding": format_rupiah(outstanding)}
            }
        )
    dues = [
        Due(i, i.interest_due - i.interest_paid, i.principal_due - i.principal_paid)
        for i in installments
        if i.remaining
    ]
    parts = allocate(amount, dues)
    interest = sum(p[1] for p in parts)
    principal = sum(p[2] for p in parts)
    organization = loan.organization
    cash = standing_account(organization, CASH, acting_user=acting_user)
    lines = [(cash, amount)]
    if principal:
        lines.append((loan.receivable, -principal))
    if interest:
        lines.append((standing_account(organization, INTEREST, acting_user=acting_user), -interest))
    txn = ledger.post(
        treasury_book(organization, acting_user=acting_user),
        key=f"angsuran:{loan.pk}:{key}",
        lines=lines,
        occurred_on=paid_on,
        memo=repayment_memo(loan.member.person.name),
        kind="angsuran",
        acting_user=acting_user,
    )
    repayment = Repayment(
        loan=loan,
        paid_on=paid_on,
        amount=amount,
        interest_part=interest,
        principal_part=principal,
        transaction=txn,
        idempotency_key=key,
        recorded_by=acting_user,
    )
    repayment.full_clean()
    with set_actor(acting_user):
        repayment.save()
        for installment, interest_part, principal_part in parts:
            installment.interest_paid += interest_part
            installment.principal_paid += principal_part
            installment.save(update_fields=["interest_paid", "principal_paid"])
    return replayed(repayment, False)


@dataclass(frozen=True)
class LoanState:
    total_due: int
    paid: int
    outstanding: int  # principal + interest still to pay
    principal_outstanding: int
    overdue_amount: int
    overdue_count: int
    days_late: int  # of the oldest unpaid instalment past due

    @property
    def status(self) -> str:
        if self.outstanding == 0:
            return _("Lunas")
        return _("Menunggak") if self.overdue_count else _("Lancar")


def loan_state(loan, *, today: date | None = None, installments=None) -> LoanState:
    today = today or timezone.localdate()
    rows = installments if installments is not None else list(loan.installments.all())
    late = [i for i in rows if i.remaining and i.due_on < today]
    return LoanState(
        total_due=sum(i.total_due for i in rows),
        paid=sum(i.principal_paid + i.interest_paid for i in rows),
        outstanding=sum(i.remaining for i in rows),
        principal_outstanding=sum(i.principal_due - i.principal_paid for i in rows),
        overdue_amount=sum(i.remaining for i in late),
        overdue_count=len(late),
        days_late=(today - late[0].due_on).days if late else 0,
    )


@dataclass(frozen=True)
class ArrearsRow:
    loan: Loan
    installment: Installment
    days_late: int


def arrears(loans, *, today: date | None = None) -> list[ArrearsRow]:
    """Every instalment past its due date and not fully paid, the longest late first."""
    today = today or timezone.localdate()
    late = (
        Installment.objects.filter(loan__in=loans, due_on__lt=today)
        .exclude(principal_paid=F("principal_due"), interest_paid=F("interest_due"))
        .select_related("loan__member__person", "loan__product")
        .order_by("due_on", "loan_id", "number")
    )
    return [ArrearsRow(i.loan, i, (today - i.due_on).days) for i in late]


# The ledger's texts and codes for loans, in one place for the services and for anything else writing the same
# records (the synthetic city of `gotong bench generate`).
def disbursement_memo(product_name: str, person_name: str) -> str:
    return _("Pencairan pinjaman %(product)s — %(name)s") % {"product": product_name, "name": person_name}


def repayment_memo(person_name: str) -> str:
    return _("Angsuran pinjaman — %(name)s") % {"name": person_name}


def receivable_code(member_number: int, loan_number: int) -> str:
    """The receivable account of a member's n-th loan: PINJ-0007-02."""
    return f"PINJ-{member_number:04d}-{loan_number:02d}"


def receivable_name(person_name: str, disbursed_on) -> str:
    return f"Piutang pinjaman {person_name} ({disbursed_on:%d/%m/%Y})"
