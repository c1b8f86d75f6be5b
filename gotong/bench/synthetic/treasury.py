"""Synthetic BKM revolving funds: about 30 % of villages keep a simpan-pinjam book with members, loans and repayments.

A BKM starts the window with its revolving fund (dana bergulir BLM, booked as partner aid into cash), lends it to
members with the treasury demo's loan products, and collects monthly instalments: most members pay on the due
date, some late (a week or three, now and then two instalments at once), a few stop paying and fall into arrears.
Every rupiah is booked as `gotong.treasury.services` books it: the same book, standing accounts, default
categories, keys, memos, kinds and fingerprints; schedules come from `treasury.schedule.build_schedule` and
payments are split by `treasury.schedule.allocate`, so a loan's receivable equals the principal still owed and
`gotong ledger check` passes.
"""

import heapq
import itertools
import random
from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace

from gotong.accounts.roles import Role
from gotong.areas.models import Area
from gotong.bench.synthetic.casework import bench_user
from gotong.bench.synthetic.modules import new_uuid, post_transaction, stamp
from gotong.ledger.models import AccountKind, natural_sign
from gotong.ledger.services import default_may_go_negative
from gotong.organizations.choices import MemberRole, OrganizationKind
from gotong.organizations.models import Membership, Organization
from gotong.registry.models import Person
from gotong.treasury.demo import PRODUCTS
from gotong.treasury.models import Direction
from gotong.treasury.schedule import Due, add_months, allocate, build_schedule
from gotong.treasury.services.books import ADMIN_FEES, BOOK_NAME, CASH, DEFAULT_CATEGORIES, INTEREST, STANDING_ACCOUNTS
from gotong.treasury.services.loans import disbursement_memo, receivable_code, receivable_name, repayment_memo

BOOK_SHARE = 0.3  # villages whose BKM keeps a revolving-fund book
SUFFIXES = ("Mandiri", "Sejahtera", "Bersatu", "Maju Bersama", "Berkah", "Harapan")
CAPITAL_CATEGORY = "Bantuan mitra"
MEMBERS = (15, 45)
BORROWERS = 0.55  # members with a loan in the window
# Repayment habits: on time, late (a week or three), stops paying (arrears).
HABITS = (("on_time", 70), ("late", 22), ("arrears", 8))


def generate(sink, villages, *, seed: int, persons_from: int, window) -> None:
    rng = random.Random(f"{seed}-treasury")
    codes = [v.code for v in villages]
    taken = set(
        Organization.objects.filter(kind=OrganizationKind.BKM, area_code__in=codes).values_list("area_code", flat=True)
    )
    area_ids = dict(Area.objects.filter(code__in=codes).values_list("code", "id"))
    for village in sorted(villages, key=lambda v: v.code):
        if rng.random() >= BOOK_SHARE or village.code in taken:  # an earlier run's BKM keeps its own book
            continue
        fund = Fund(sink, village, area_ids[village.code], random.Random(f"{seed}-treasury-{village.code}"), window)
        fund.run(persons_from, seed)


class Fund:
    """One BKM's year, simulated in memory in date order and streamed to the sink."""

    def __init__(self, sink, village, area_id: int, rng, window):
        self.sink, self.village, self.area_id, self.rng, self.window = sink, village, area_id, rng, window
        self.code = village.code
        self.made = stamp(window.start - timedelta(days=rng.randint(200, 2000)))
        self.accounts: dict[int, list] = {}  # account id → its row (balance filled at the end)
        self.balances: dict[int, int] = {}  # account id → balance in its natural sign
        self.installments: list[list] = []

    def run(self, persons_from: int, seed: int) -> None:
        self._set_up(seed)
        members = self._members(persons_from)
        self._capital()
        self._lend(members)
        for account_id, balance in sorted(self.balances.items()):
            self.accounts[account_id][9] = balance
            self.sink.add("ledger.Account", tuple(self.accounts[account_id]))
        for row in self.installments:
            self.sink.add("treasury.Installment", tuple(row))

    # Setting up: the BKM, its treasurer, the book (as `ensure_setup` leaves it) and its loan products.

    def _set_up(self, seed: int) -> None:
        sink, rng, made = self.sink, self.rng, self.made
        self.org_id = sink.new_id("organizations.Organization")
        name = f"BKM {self.village.name} {rng.choice(SUFFIXES)}"
        sink.add(
            "organizations.Organization",
            (self.org_id, made, made, name, OrganizationKind.BKM, self.area_id, self.code, None,
             "Lembaga keswadayaan masyarakat: dana bergulir simpan pinjam warga.", rng.choice(self.village.streets),
             ""),
        )  # fmt: skip
        sink.flush()  # the treasurer's membership below points at it
        treasurer = bench_user(
            f"bendahara-bkm-{self.code}", Role.ORG_STAFF, f"Bendahara {name}", seed=f"{seed}-bkm-{self.code}",
            joined=made.date(),
        )  # fmt: skip
        Membership.objects.get_or_create(
            organization_id=self.org_id, user=treasurer, role=MemberRole.TREASURER,
            defaults={"started_on": made.date()},
        )  # fmt: skip
        self.treasurer = treasurer.pk
        self.book_id = sink.new_id("ledger.Book")
        sink.add("ledger.Book", (self.book_id, made, made, self.code, self.org_id, BOOK_NAME))
        self.standing = {code: self._account(code, name, kind, None) for code, name, kind in STANDING_ACCOUNTS}
        self.categories = {}
        for number, (cat_name, direction) in enumerate(DEFAULT_CATEGORIES, start=1):
            kind = AccountKind.INCOME if direction == Direction.INCOME else AccountKind.EXPENSE
            account = self._account(f"KAT-{number:03d}", cat_name, kind, None, may_go_negative=True)
            pk = sink.new_id("treasury.Category")
            sink.add("treasury.Category", (pk, made, made, self.org_id, cat_name, direction, account))
            self.categories[cat_name] = SimpleNamespace(pk=pk, account=account, direction=direction)
        self.products = []
        for product_name, rate, rate_period, method, term, ceiling, fee in PRODUCTS:
            pk, rate = sink.new_id("treasury.LoanProduct"), Decimal(rate)
            row = (pk, made, made, self.org_id, product_name, rate, rate_period, method, term, ceiling, fee, True)
            sink.add("treasury.LoanProduct", row)
            self.products.append(
                SimpleNamespace(
                    pk=pk,
                    name=product_name,
                    rate=rate,
                    rate_period=rate_period,
                    method=method,
                    term=term,
                    ceiling=ceiling,
                    fee=fee,
                )
            )

    def _account(self, code, name, kind, holder_id, may_go_negative=None) -> int:
        if may_go_negative is None:
            may_go_negative = default_may_go_negative(kind, holder_id)
        pk = self.sink.new_id("ledger.Account")
        self.accounts[pk] = [pk, self.made, self.made, self.book_id, code, name, kind, holder_id, may_go_negative, 0,
                             True]  # fmt: skip
        self.balances[pk] = 0
        return pk

    def _members(self, persons_from: int) -> list[SimpleNamespace]:
        """Heads of some of the village's new households, numbered in the order they joined."""
        heads = list(
            Person.objects.filter(id__gte=persons_from, relationship="kepala", area_code__startswith=f"{self.code}.")
            .order_by("id")
            .values_list("id", "name")
        )
        chosen = self.rng.sample(heads, min(len(heads), self.rng.randint(*MEMBERS)))
        joined = [
            self.window.start - timedelta(days=self.rng.randint(1, 700))
            if self.rng.random() < 0.6
            else self.window.start + timedelta(days=self.rng.randint(0, 270))
            for _person in chosen
        ]
        members = []
        for number, (day, (person_id, name)) in enumerate(sorted(zip(joined, chosen, strict=True)), start=1):
            pk = self.sink.new_id("treasury.Member")
            self.sink.add(
                "treasury.Member",
                (pk, stamp(day), stamp(day), new_uuid(self.rng), self.code, self.org_id, person_id, number, day),
            )
            members.append(SimpleNamespace(pk=pk, number=number, person_id=person_id, name=name, joined=day, loans=0))
        return members

    # Money movements, each one ledger transaction as the services post it.

    def _post(self, day, key, lines, memo, kind) -> int:
        pk = post_transaction(self.sink, book_id=self.book_id, day=day, key=key, lines=lines, memo=memo, kind=kind,
                              created_by_id=self.treasurer)  # fmt: skip
        for account, amount in lines:
            self.balances[account] += amount * natural_sign(self.accounts[account][6])
        return pk

    def _capital(self) -> None:
        """The revolving fund arrives as partner aid in cash (`record_cash_entry` with an income category)."""
        day, key = self.window.start, "bench-dana-bergulir"
        amount = self.rng.randint(20, 60) * 1_000_000
        description = f"Dana bergulir BLM untuk simpan pinjam BKM {self.village.name}"
        category = self.categories[CAPITAL_CATEGORY]
        lines = [(self.standing[CASH], amount), (category.account, -amount)]
        txn = self._post(day, f"kas:{key}", lines, description, CAPITAL_CATEGORY)
        self.sink.add(
            "treasury.CashEntry",
            (self.sink.new_id("treasury.CashEntry"), stamp(day), stamp(day), self.code, self.org_id, category.pk,
             category.direction, day, amount, description, False, None, txn, key, self.treasurer, None, ""),
        )  # fmt: skip

    def _lend(self, members) -> None:
        """Disbursements and repayments in date order, so a loan is paid out only while the cash box has it."""
        events, order = [], itertools.count()  # the counter keeps same-day events in the order they were planned
        for member in members:
            if self.rng.random() < BORROWERS:
                first = max(member.joined, self.window.start) + timedelta(days=1)
                last = self.window.end - timedelta(days=20)
                if first <= last:
                    day = first + timedelta(days=self.rng.randint(0, (last - first).days))
                    heapq.heappush(events, (day, 0, next(order), ("pinjam", member)))
        while events:
            day, _order, _seq, event = heapq.heappop(events)
            if event[0] == "pinjam":
                loan = self._disburse(event[1], day)
                for paid_on, upto in self._payment_plan(loan) if loan else ():
                    heapq.heappush(events, (paid_on, 1, next(order), ("bayar", loan, upto)))
            else:
                self._repay(event[1], day, event[2])

    def _disburse(self, member, day):
        rng = self.rng
        product = self.products[0] if rng.random() < 0.7 else self.products[1]
        step = 250_000
        principal = rng.randint(2, product.ceiling // step) * step
        term = rng.randint(max(3, product.term // 2), product.term)
        cash = self.standing[CASH]
        if self.balances[cash] < principal - product.fee:
            return None  # the fund is lent out: the member waits for repayments
        member.loans += 1
        key = f"bench-pinjaman-{member.number:04d}-{member.loans:02d}"
        receivable = self._account(
            receivable_code(member.number, member.loans), receivable_name(member.name, day), AccountKind.ASSET,
            member.person_id,
        )  # fmt: skip
        lines = [(receivable, principal), (cash, -(principal - product.fee))]
        if product.fee:
            lines.append((self.standing[ADMIN_FEES], -product.fee))
        txn = self._post(day, f"pinjaman:{key}", lines, disbursement_memo(product.name, member.name), "pinjaman")
        loan_id, first_due = self.sink.new_id("treasury.Loan"), add_months(day, 1)
        purpose = "Modal usaha warung dan dagang keliling" if product is self.products[0] else "Keperluan mendesak"
        self.sink.add(
            "treasury.Loan",
            (loan_id, stamp(day), stamp(day), new_uuid(rng), self.code, self.org_id, member.pk, product.pk, principal,
             product.rate, product.rate_period, product.method, term, product.fee, day, first_due, purpose, receivable,
             txn, key, self.treasurer),
        )  # fmt: skip
        rows = []
        for row in build_schedule(
            principal, product.rate, term, product.method, first_due, rate_period=product.rate_period
        ):
            rows.append([self.sink.new_id("treasury.Installment"), loan_id, row.number, row.due_on, row.principal,
                         row.interest, 0, 0])  # fmt: skip
        self.installments.extend(rows)
        return SimpleNamespace(pk=loan_id, member=member, receivable=receivable, rows=rows, disbursed=day, payments=0)

    def _payment_plan(self, loan) -> list[tuple[date, date]]:
        """(paid on, pay every instalment due up to this date) by the borrower's habit.

        Payments run up to the day before `until`, past the window's last month: otherwise every loan would show
        the current month's instalment as overdue on the day the city is generated.
        """
        rng, end = self.rng, self.window.until - timedelta(days=1)
        habit = rng.choices(*zip(*HABITS, strict=True))[0]
        dues = [row[3] for row in loan.rows if row[3] <= end]
        stop = rng.randint(0, max(0, len(dues) - 1)) if habit == "arrears" else len(dues)
        plan = []
        for index, due in enumerate(dues[:stop]):
            if habit == "late" and rng.random() < 0.3 and index + 1 < stop:
                continue  # skipped: paid with the next one
            shift = rng.randint(5, 25) if habit == "late" else -rng.randint(0, 3)
            paid_on = max(loan.disbursed + timedelta(days=1), due + timedelta(days=shift))
            if paid_on <= end:
                plan.append((paid_on, due))
        return plan

    def _repay(self, loan, day, upto) -> None:
        dues = [Due(row, row[5] - row[7], row[4] - row[6]) for row in loan.rows if row[4] + row[5] > row[6] + row[7]]
        amount = sum(d.interest + d.principal for d in dues if d.key[3] <= upto)
        if not amount:
            return
        parts = allocate(amount, dues)
        interest, principal = sum(p[1] for p in parts), sum(p[2] for p in parts)
        lines = [(self.standing[CASH], amount)]
        if principal:
            lines.append((loan.receivable, -principal))
        if interest:
            lines.append((self.standing[INTEREST], -interest))
        loan.payments += 1
        key = f"bench-angsuran-{loan.payments:02d}"
        txn = self._post(day, f"angsuran:{loan.pk}:{key}", lines, repayment_memo(loan.member.name), "angsuran")
        self.sink.add(
            "treasury.Repayment",
            (self.sink.new_id("treasury.Repayment"), stamp(day), stamp(day), loan.pk, day, amount, interest, principal,
             txn, key, self.treasurer),
        )  # fmt: skip
        for row, interest_part, principal_part in parts:
            row[7] += interest_part
            row[6] += principal_part
