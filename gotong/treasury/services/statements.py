"""Financial statements members can read, generated from the treasury's ledger book for a month, quarter or year.

Three statements, each from the book's entries and nothing else, so they cannot drift from the cash book:

- cash flows: opening cash, money in and out grouped by what moved it, closing cash;
- balance sheet at the period's end: cash, in-kind goods, loans outstanding (assets) = members' savings
  (liabilities) + equity (accumulated surplus);
- surplus/deficit: income minus expenses of the period. A group that saves and lends with its members shares its
  surplus with them as *sisa hasil usaha* (UU 25/1992 tentang Perkoperasian, Pasal 45: SHU is a year's income less
  its costs), so it is labelled SHU there and "surplus/defisit" elsewhere.

Why the balance sheet balances by construction: every transaction's entries sum to zero, so over all accounts
Σ debit-normal balances (assets + expenses) = Σ credit-normal balances (liabilities + equity + income), i.e.
assets = liabilities + equity + (income − expenses); the accumulated surplus is that last term.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.core.dates import month_year
from gotong.ledger.models import Account, AccountKind, Book, Entry, natural_sign
from gotong.treasury.models import Member, MonthClose, SavingsKind
from gotong.treasury.services.books import BOOK_NAME, CASH, GOODS
from gotong.treasury.services.closing import first_booked_month, last_close, month_end, month_start, next_month

MONTH, QUARTER, YEAR = "bulan", "triwulan", "tahun"
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class Period:
    kind: str
    start: date
    end: date

    @property
    def code(self) -> str:
        """What the `?periode=` parameter carries: 2026-03, 2026-T1 or 2026."""
        if self.kind == MONTH:
            return f"{self.start:%Y-%m}"
        if self.kind == QUARTER:
            return f"{self.start.year}-T{(self.start.month - 1) // 3 + 1}"
        return str(self.start.year)

    @property
    def label(self) -> str:
        if self.kind == MONTH:
            return month_year(self.start)
        if self.kind == QUARTER:
            quarter = ROMAN[(self.start.month - 1) // 3 + 1]
            return _("Triwulan %(q)s %(year)s") % {"q": quarter, "year": self.start.year}
        return _("Tahun %(year)s") % {"year": self.start.year}

    def months(self) -> list[date]:
        months, month = [], self.start
        while month <= self.end:
            months.append(month)
            month = next_month(month)
        return months


def month_period(month: date) -> Period:
    month = month_start(month)
    return Period(MONTH, month, month_end(month))


def quarter_period(year: int, quarter: int) -> Period:
    start = date(year, 3 * (quarter - 1) + 1, 1)
    return Period(QUARTER, start, month_end(date(year, 3 * quarter, 1)))


def year_period(year: int) -> Period:
    return Period(YEAR, date(year, 1, 1), date(year, 12, 31))


def parse_period(text) -> Period | None:
    """2026-03 → March 2026, 2026-T1 → first quarter, 2026 → the year; None for anything else."""
    text = str(text or "").strip().upper()
    try:
        if len(text) == 4 and text.isdigit():
            return year_period(int(text))
        year, _sep, rest = text.partition("-")
        if rest.startswith("T") and rest[1:] in ("1", "2", "3", "4"):
            return quarter_period(int(year), int(rest[1:]))
        if len(year) == 4 and rest.isdigit() and 1 <= int(rest) <= 12:
            return month_period(date(int(year), int(rest), 1))
    except ValueError:
        return None
    return None


def default_period(organization, *, today: date | None = None) -> Period:
    """The last closed month (what the members' meeting reads out); before any close, the last ended month."""
    today = today or timezone.localdate()
    closed = last_close(organization)
    if closed is not None:
        return month_period(closed.month)
    return month_period(month_start(today.replace(day=1) - _ONE_DAY))


def period_choices(organization, *, today: date | None = None) -> list[Period]:
    """Months from the first recorded one to the current one, then their quarters and years; newest first."""
    today = today or timezone.localdate()
    first = min(first_booked_month(organization) or today, today)
    months = Period(MONTH, month_start(first), today).months()
    quarters = sorted({(m.year, (m.month - 1) // 3 + 1) for m in months}, reverse=True)
    years = sorted({m.year for m in months}, reverse=True)
    return (
        [month_period(m) for m in reversed(months)]
        + [quarter_period(y, q) for y, q in quarters]
        + [year_period(y) for y in years]
    )


@dataclass(frozen=True)
class Line:
    label: str
    amount: int


@dataclass
class CashFlow:
    opening: int
    inflows: list[Line]
    outflows: list[Line]
    closing: int

    @property
    def total_in(self) -> int:
        return sum(line.amount for line in self.inflows)

    @property
    def total_out(self) -> int:
        return sum(line.amount for line in self.outflows)


@dataclass
class BalanceSheet:
    as_of: date
    assets: list[Line]
    liabilities: list[Line]
    equity: list[Line]

    @property
    def total_assets(self) -> int:
        return sum(line.amount for line in self.assets)

    @property
    def total_liabilities(self) -> int:
        return sum(line.amount for line in self.liabilities)

    @property
    def total_equity(self) -> int:
        return sum(line.amount for line in self.equity)

    @property
    def total_liabilities_and_equity(self) -> int:
        return self.total_liabilities + self.total_equity

    @property
    def balances(self) -> bool:
        return self.total_assets == self.total_liabilities_and_equity


@dataclass
class Surplus:
    label: str
    income: list[Line]
    expenses: list[Line]

    @property
    def total_income(self) -> int:
        return sum(line.amount for line in self.income)

    @property
    def total_expenses(self) -> int:
        return sum(line.amount for line in self.expenses)

    @property
    def amount(self) -> int:
        return self.total_income - self.total_expenses


@dataclass
class Statements:
    organization: object
    period: Period
    cash_flow: CashFlow
    balance_sheet: BalanceSheet
    surplus: Surplus
    closes: list[MonthClose] = field(default_factory=list)  # the period's months already signed off
    open_months: list[date] = field(default_factory=list)  # the period's months not yet signed off

    @property
    def is_closed(self) -> bool:
        return not self.open_months


_ONE_DAY = date(2000, 1, 2) - date(2000, 1, 1)


def financial_statements(organization, period: Period) -> Statements:
    """The three statements of `organization` for `period`, from its treasury ledger book."""
    book = Book.objects.filter(organization=organization, name=BOOK_NAME).first()
    accounts = list(Account.objects.filter(book=book)) if book else []
    before, during = _sums(book, period) if book else ({}, {})

    def closing(account) -> int:
        return (before.get(account.pk, 0) + during.get(account.pk, 0)) * natural_sign(account.kind)

    cash = next((a for a in accounts if a.code == CASH), None)
    opening_cash = before.get(cash.pk, 0) * natural_sign(cash.kind) if cash else 0
    cash_flow = CashFlow(
        opening=opening_cash,
        inflows=[],
        outflows=[],
        closing=closing(cash) if cash else 0,
    )
    if cash:
        cash_flow.inflows, cash_flow.outflows = _cash_movements(cash, period)

    surplus = Surplus(
        label=surplus_label(organization),
        income=_lines(
            (a.name, -during.get(a.pk, 0)) for a in accounts if a.kind == AccountKind.INCOME and during.get(a.pk)
        ),
        expenses=_lines(
            (a.name, during.get(a.pk, 0)) for a in accounts if a.kind == AccountKind.EXPENSE and during.get(a.pk)
        ),
    )
    closes = list(
        MonthClose.objects.filter(organization=organization, month__range=(period.start, period.end))
        .select_related("closed_by")
        .order_by("month")
    )
    closed_months = {c.month for c in closes}
    return Statements(
        organization=organization,
        period=period,
        cash_flow=cash_flow,
        balance_sheet=_balance_sheet(accounts, before, during, period, closing),
        surplus=surplus,
        closes=closes,
        open_months=[m for m in period.months() if m not in closed_months],
    )


def surplus_label(organization) -> str:
    if Member.objects.filter(organization=organization).exists():
        return _("Sisa hasil usaha (SHU)")
    return _("Surplus / defisit")


def _sums(book, period) -> tuple[dict[int, int], dict[int, int]]:
    """Per account: Σ entry amounts before the period and within it (raw sign: + debit, − credit)."""
    rows = (
        Entry.objects.filter(account__book=book, transaction__occurred_on__lte=period.end)
        .values("account_id")
        .annotate(
            before=Sum("amount", filter=Q(transaction__occurred_on__lt=period.start)),
            during=Sum("amount", filter=Q(transaction__occurred_on__gte=period.start)),
        )
        .order_by()
    )
    before = {r["account_id"]: r["before"] or 0 for r in rows}
    during = {r["account_id"]: r["during"] or 0 for r in rows}
    return before, during


def _balance_sheet(accounts, before, during, period, closing) -> BalanceSheet:
    assets: dict[str, int] = defaultdict(int)
    liabilities: dict[str, int] = defaultdict(int)
    equity: dict[str, int] = defaultdict(int)
    retained = current = 0
    for account in accounts:
        if account.kind == AccountKind.ASSET:
            if account.code == CASH:
                assets[_("Kas tunai")] += closing(account)
            elif account.code == GOODS:
                assets[_("Barang bantuan (natura)")] += closing(account)
            elif account.code.startswith("PINJ-"):
                assets[_("Piutang pinjaman anggota")] += closing(account)
            else:
                assets[account.name] += closing(account)
        elif account.kind == AccountKind.LIABILITY:
            liabilities[_savings_label(account.code) or account.name] += closing(account)
        elif account.kind == AccountKind.EQUITY:
            equity[account.name] += closing(account)
        else:
            # Income is credit-normal, expenses debit-normal: income − expenses = −Σ raw amounts.
            retained -= before.get(account.pk, 0)
            current -= during.get(account.pk, 0)
    equity[_("Surplus akumulasi s.d. %(month)s") % {"month": month_year(_previous_month(period.start))}] += retained
    equity[_("Surplus periode ini")] += current
    return BalanceSheet(
        as_of=period.end,
        # Cash is always shown; other headings only when they hold something at the period's end.
        assets=[Line(_("Kas tunai"), assets.pop(_("Kas tunai"), 0)), *_lines(assets.items())],
        liabilities=_lines(liabilities.items()),
        equity=_lines(equity.items(), keep_zero=True),
    )


def _previous_month(month: date) -> date:
    return month_start(month - _ONE_DAY)


def _savings_label(code: str) -> str | None:
    """Members' savings are grouped by kind (pokok, wajib, sukarela), never listed by name."""
    if not code.startswith("SIMP-"):
        return None
    kind = code.rsplit("-", 1)[-1]
    return str(SavingsKind(kind).label) if kind in SavingsKind.values else _("Simpanan anggota")


def _cash_movements(cash, period) -> tuple[list[Line], list[Line]]:
    """Money in and out of the cash account in the period, grouped by what the cash moved against.

    Each cash transaction's other lines say what moved it: a repayment of Rp545.000 is Rp500.000 principal and
    Rp45.000 interest; a loan of Rp1.500.000 paid out less its Rp15.000 fee is Rp1.500.000 out and Rp15.000 in.
    The cash moved by a transaction is minus the sum of its other lines, so opening + in − out = closing exactly.
    A reversal (a cancelled entry) counts against the group of what it cancels, as a negative amount.
    """
    in_period = Q(transaction__occurred_on__range=(period.start, period.end))
    cash_txns = Entry.objects.filter(in_period, account=cash).values("transaction_id")
    others = (
        Entry.objects.filter(transaction_id__in=cash_txns)
        .exclude(account=cash)
        .values_list("amount", "account__code", "account__kind", "account__name", "transaction__reverses_id")
        .order_by("transaction__occurred_on", "transaction_id", "id")
    )
    inflows: dict[str, int] = defaultdict(int)
    outflows: dict[str, int] = defaultdict(int)
    for amount, code, kind, name, reverses_id in others:
        moved = -amount  # cash moved by this line: + in, − out
        forward = moved if reverses_id is None else -moved  # the direction of the original movement
        if code.startswith("PINJ-"):
            target, label = (outflows, _("Pinjaman disalurkan")) if forward < 0 else (inflows, _("Angsuran pokok"))
        elif code.startswith("SIMP-"):
            saving = _savings_label(code)
            if forward > 0:
                target, label = inflows, _("Setoran %(kind)s") % {"kind": saving.lower()}
            else:
                target, label = outflows, _("Penarikan %(kind)s") % {"kind": saving.lower()}
        elif kind in (AccountKind.INCOME, AccountKind.LIABILITY, AccountKind.EQUITY):
            target, label = inflows, name
        else:
            target, label = outflows, name
        target[label] += moved if target is inflows else -moved
    return _lines(inflows.items()), _lines(outflows.items())


def _lines(pairs, *, keep_zero: bool = False) -> list[Line]:
    return [Line(str(label), amount) for label, amount in pairs if amount or keep_zero]
