"""Read-only figures for the pages, PDFs and spreadsheets: the overview, the passbook and the monthly report.

Money comes from the ledger (balances as of a date are summed from entries); kilograms from the weighed lines.
Cancelled deposits and sales are left out of the kilograms; their reversal counts in the ledger on the day of
cancellation.
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Sum

from gotong.ledger.models import Account, Entry
from gotong.ledger.services import balance, statement
from gotong.wastebank.models import CashIn, Deposit, DepositLine, Member, Sale, SaleLine, Withdrawal, WithdrawalKind
from gotong.wastebank.services import CASH, SAVINGS_PREFIX, bank_account, price_list


def month_bounds(year: int, month: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])


def savings_total(bank, *, as_of=None) -> int:
    """What the bank owes all its members together (natural sign of the liability accounts)."""
    accounts = Account.objects.filter(book_id=bank.book_id, code__startswith=SAVINGS_PREFIX)
    if as_of is None:
        return accounts.aggregate(total=Sum("balance"))["total"] or 0
    total = Entry.objects.filter(account__in=accounts, transaction__occurred_on__lte=as_of).aggregate(t=Sum("amount"))
    return -(total["t"] or 0)


def _grams_value(lines) -> tuple[int, int]:
    row = lines.aggregate(grams=Sum("grams"), value=Sum("value"))
    return row["grams"] or 0, row["value"] or 0


@dataclass
class Overview:
    cash: int
    savings: int
    members: int
    month_grams: int
    month_value: int
    month_start: datetime.date
    recent_deposits: list
    recent_withdrawals: list
    recent_sales: list
    prices: list


def overview(bank, today: datetime.date) -> Overview:
    start, end = month_bounds(today.year, today.month)
    month_lines = DepositLine.objects.filter(
        deposit__bank=bank, deposit__cancellation__isnull=True, deposit__occurred_on__range=(start, end)
    )
    grams, value = _grams_value(month_lines)
    return Overview(
        cash=balance(bank_account(bank, CASH)),
        savings=savings_total(bank),
        members=Member.objects.filter(bank=bank, is_active=True).count(),
        month_grams=grams,
        month_value=value,
        month_start=start,
        recent_deposits=list(Deposit.objects.filter(bank=bank).select_related("member__person")[:5]),
        recent_withdrawals=list(Withdrawal.objects.filter(bank=bank).select_related("member__person")[:5]),
        recent_sales=list(Sale.objects.filter(bank=bank)[:3]),
        prices=price_list(bank, today),
    )


@dataclass(frozen=True)
class PassbookLine:
    date: datetime.date
    memo: str
    kg: object  # Decimal kg for deposits, None otherwise
    deposit: int  # credit: what the member brought in
    withdrawal: int  # debit: what the member took out
    balance: int


def passbook(member, *, start=None, end=None) -> list[PassbookLine]:
    """The member's buku tabungan: each movement with its weight and the running balance."""
    grams = dict(Deposit.objects.filter(member=member).values_list("transaction_id", "total_grams"))
    lines = []
    for line in statement(member.account, start=start, end=end):
        weight = grams.get(line.transaction_id)
        lines.append(
            PassbookLine(
                date=line.date,
                memo=line.memo,
                kg=None if weight is None else weight / 1000,
                deposit=line.credit,
                withdrawal=line.debit,
                balance=line.balance,
            )  # fmt: skip
        )
    return lines


@dataclass
class CategoryRow:
    name: str
    deposited_grams: int = 0
    deposited_value: int = 0
    sold_grams: int = 0
    sold_value: int = 0


@dataclass
class MonthlyReport:
    bank: object
    start: datetime.date
    end: datetime.date
    rows: list[CategoryRow] = field(default_factory=list)
    deposits: int = 0
    members_active: int = 0
    members_new: int = 0
    members_total: int = 0
    withdrawals_cash: int = 0
    withdrawals_goods: int = 0
    cash_in: int = 0
    cash_open: int = 0
    cash_close: int = 0
    savings_close: int = 0

    @property
    def deposited_grams(self) -> int:
        return sum(r.deposited_grams for r in self.rows)

    @property
    def deposited_value(self) -> int:
        return sum(r.deposited_value for r in self.rows)

    @property
    def sold_grams(self) -> int:
        return sum(r.sold_grams for r in self.rows)

    @property
    def sold_value(self) -> int:
        return sum(r.sold_value for r in self.rows)

    @property
    def margin(self) -> int:
        """Sales minus what members were credited for waste, this month."""
        return self.sold_value - self.deposited_value


def monthly_report(bank, year: int, month: int) -> MonthlyReport:
    start, end = month_bounds(year, month)
    report = MonthlyReport(bank=bank, start=start, end=end)
    deposits = Deposit.objects.filter(bank=bank, cancellation__isnull=True, occurred_on__range=(start, end))
    rows: dict[int, CategoryRow] = {}
    for category, _price in price_list(bank, end, active_only=False):
        rows[category.pk] = CategoryRow(category.name)
    for row in (
        DepositLine.objects.filter(deposit__in=deposits)
        .values("category_id")
        .annotate(grams=Sum("grams"), value=Sum("value"))
    ):
        rows[row["category_id"]].deposited_grams, rows[row["category_id"]].deposited_value = row["grams"], row["value"]
    sales = Sale.objects.filter(bank=bank, cancellation__isnull=True, occurred_on__range=(start, end))
    for row in SaleLine.objects.filter(sale__in=sales).values("category_id").annotate(g=Sum("grams"), v=Sum("value")):
        rows[row["category_id"]].sold_grams, rows[row["category_id"]].sold_value = row["g"], row["v"]
    report.rows = [r for r in rows.values() if r.deposited_grams or r.sold_grams]
    report.deposits = deposits.count()
    report.members_active = deposits.aggregate(n=Count("member", distinct=True))["n"]
    report.members_new = Member.objects.filter(bank=bank, joined_on__range=(start, end)).count()
    report.members_total = Member.objects.filter(bank=bank, joined_on__lte=end, is_active=True).count()
    withdrawals = Withdrawal.objects.filter(bank=bank, cancellation__isnull=True, occurred_on__range=(start, end))
    for kind, total in withdrawals.values_list("kind").annotate(total=Sum("amount")):
        if kind == WithdrawalKind.GOODS:
            report.withdrawals_goods = total
        else:
            report.withdrawals_cash = total
    cash_in = CashIn.objects.filter(bank=bank, cancellation__isnull=True, occurred_on__range=(start, end))
    report.cash_in = cash_in.aggregate(t=Sum("amount"))["t"] or 0
    cash = bank_account(bank, CASH)
    report.cash_open = balance(cash, as_of=start - datetime.timedelta(days=1))
    report.cash_close = balance(cash, as_of=end)
    report.savings_close = savings_total(bank, as_of=end)
    return report
