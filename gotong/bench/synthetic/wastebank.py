"""Synthetic waste banks: most villages have one, 10–15 % of its households save there, a year of weighing days.

The vocabulary and habits are the waste-bank demo's (its price list, weighing on the 2nd and 4th Saturday, a sale
to a pengepul at month end, sembako before Lebaran, cash before the school year). Every rupiah is booked as the
module's services book it (`gotong.wastebank.services`): the same accounts, keys, memos, fingerprints and
entries, and cached balances equal to the sum of the entries, so `gotong ledger check` passes.
"""

import random
from datetime import date, timedelta
from types import SimpleNamespace

from gotong.areas.models import Area
from gotong.bench.synthetic.modules import new_uuid, post_transaction, stamp
from gotong.ledger.models import AccountKind, natural_sign
from gotong.organizations.choices import OrganizationKind
from gotong.registry.models import Person
from gotong.wastebank.demo import CATEGORIES, SEMBAKO, weighing_days_between
from gotong.wastebank.models import WasteBank, WithdrawalKind
from gotong.wastebank.services import CAPITAL, CASH, PURCHASES, SALES, SAVINGS_PREFIX
from gotong.wastebank.services.records import cash_in_memo, deposit_memo, line_value, sale_memo, withdrawal_memo
from gotong.wastebank.services.setup import BOOK_NAME, FIXED_ACCOUNTS, savings_account_name

BANK_SHARE = 0.8  # villages with a waste bank
SUFFIXES = ("Bersih", "Berseri", "Lestari", "Mandiri", "Sejahtera", "Hijau", "Berkah")
COLLECTORS = ("UD Sinar Jaya (pengepul)", "CV Maju Bersama (pengepul)", "UD Berkah Plastik (pengepul)",
              "UD Sumber Rezeki (pengepul)")  # fmt: skip
STARTING_CAPITAL = 1_500_000
# The Saturday before Idul Fitri (1446, 1447, 1448 H) and before the new school year.
LEBARAN_DAYS = (date(2025, 3, 29), date(2026, 3, 14), date(2027, 3, 6))
SCHOOL_DAYS = (date(2025, 7, 12), date(2026, 7, 11), date(2027, 7, 10))


def generate(sink, villages, *, seed: int, persons_from: int, window) -> None:
    rng = random.Random(f"{seed}-wastebank")
    taken = set(WasteBank.objects.values_list("area_code", flat=True))
    area_ids = dict(Area.objects.filter(code__in=[v.code for v in villages]).values_list("code", "id"))
    for village in sorted(villages, key=lambda v: v.code):
        if rng.random() >= BANK_SHARE or village.code in taken:  # a bank of an earlier run keeps its own books
            continue
        bank = Bank(sink, village, area_ids[village.code], random.Random(f"{seed}-wastebank-{village.code}"), window)
        bank.run(persons_from)


class Bank:
    """One bank's year, simulated in memory in date order and streamed to the sink."""

    def __init__(self, sink, village, area_id: int, rng, window):
        self.sink, self.village, self.area_id, self.rng, self.window = sink, village, area_id, rng, window
        self.code = village.code
        self.balances: dict[int, int] = {}  # account id → balance in its natural sign
        self.month_grams: dict[int, int] = {}  # category id → grams deposited this month
        self.made = stamp(window.start - timedelta(days=rng.randint(30, 900)))

    def run(self, persons_from: int) -> None:
        self._set_up()
        members = self._members(persons_from)
        self._cash_in()
        weighing_days = set(weighing_days_between(self.window.start, self.window.end))
        day = self.window.start
        while day <= self.window.end:
            if day in weighing_days:
                for member in members:
                    self._maybe_deposit(member, day)
            if day in LEBARAN_DAYS:
                self._withdrawals(members, day, 0.75, 50_000, 25_000, WithdrawalKind.GOODS)
            if day in SCHOOL_DAYS:
                self._withdrawals(members, day, 0.35, 40_000, 10_000, WithdrawalKind.CASH)
            if (day + timedelta(days=1)).day == 1:
                self._sale(day)
            day += timedelta(days=1)
        for account_id, balance in sorted(self.balances.items()):
            self.accounts_row[account_id][9] = balance
            self.sink.add("ledger.Account", tuple(self.accounts_row[account_id]))
        self.sink.add(
            "wastebank.WasteBank",
            (self.bank_id, self.made, self.made, self.org_id, self.book_id, self.code, len(members) + 1),
        )

    # Setting up: organisation, book, fixed accounts, categories and their prices.

    def _set_up(self) -> None:
        sink, rng, made = self.sink, self.rng, self.made
        self.org_id = sink.new_id("organizations.Organization")
        name = f"Bank Sampah {self.village.name} {rng.choice(SUFFIXES)}"
        sink.add(
            "organizations.Organization",
            (
                self.org_id,
                made,
                made,
                name,
                OrganizationKind.WASTE_BANK,
                self.area_id,
                self.code,
                None,
                "Tabungan sampah warga: setoran ditimbang, dijual ke pengepul.",
                rng.choice(self.village.streets),
                "",
            ),
        )
        self.book_id = sink.new_id("ledger.Book")
        sink.add("ledger.Book", (self.book_id, made, made, self.code, self.org_id, BOOK_NAME))
        self.bank_id = sink.new_id("wastebank.WasteBank")
        self.accounts_row: dict[int, list] = {}
        self.fixed = {
            code: self._account(code, name, kind, None, negative) for code, name, kind, negative in FIXED_ACCOUNTS
        }
        self.collector = rng.choice(COLLECTORS)
        self.categories = []
        for order, (cat_name, description, price, changes, kg_range) in enumerate(CATEGORIES):
            pk = sink.new_id("wastebank.WasteCategory")
            sink.add("wastebank.WasteCategory", (pk, made, made, self.bank_id, cat_name, description, True, order))
            prices = [(self.window.start, price)] + [(self._in_window(day), p) for day, p in changes.items()]
            for valid_from, per_kg in sorted(prices):
                sink.add(
                    "wastebank.Price",
                    (
                        sink.new_id("wastebank.Price"),
                        stamp(valid_from),
                        stamp(valid_from),
                        pk,
                        valid_from,
                        per_kg,
                        None,
                    ),
                )
            self.categories.append(SimpleNamespace(pk=pk, prices=sorted(prices), kg_range=kg_range))

    def _in_window(self, day: date) -> date:
        """The demo's price-change day moved to the year where it falls inside the window."""
        moved = day.replace(year=self.window.start.year)
        return moved if moved >= self.window.start else moved.replace(year=moved.year + 1)

    def _account(self, code, name, kind, holder_id, may_go_negative) -> int:
        pk = self.sink.new_id("ledger.Account")
        self.accounts_row[pk] = [
            pk,
            self.made,
            self.made,
            self.book_id,
            code,
            name,
            kind,
            holder_id,
            may_go_negative,
            0,
            True,
        ]
        self.balances[pk] = 0
        return pk

    def _members(self, persons_from: int) -> list[SimpleNamespace]:
        """Heads of 10–15 % of the village's new households, most joined before the window."""
        share = self.rng.uniform(0.10, 0.15)
        heads = (
            Person.objects.filter(id__gte=persons_from, relationship="kepala", area_code__startswith=f"{self.code}.")
            .order_by("id")
            .values_list("id", "name")
        )
        members = []
        for person_id, name in heads.iterator(chunk_size=5000):
            if self.rng.random() >= share:
                continue
            number = f"{len(members) + 1:04d}"
            account = self._account(
                f"{SAVINGS_PREFIX}{number}",
                savings_account_name(number, name),
                AccountKind.LIABILITY,
                person_id,
                False,
            )
            if self.rng.random() < 0.6:
                joined = self.window.start - timedelta(days=self.rng.randint(1, 700))
            else:
                joined = self.window.start + timedelta(days=self.rng.randint(0, 330))
            pk = self.sink.new_id("wastebank.Member")
            self.sink.add(
                "wastebank.Member",
                (
                    pk,
                    stamp(joined),
                    stamp(joined),
                    new_uuid(self.rng),
                    self.bank_id,
                    person_id,
                    number,
                    joined,
                    account,
                    self.code,
                    True,
                ),
            )
            members.append(
                SimpleNamespace(
                    pk=pk, number=number, account=account, joined=joined, activity=self.rng.uniform(0.1, 0.8)
                )
            )
        return members

    # Money movements, each one ledger transaction as the services post it.

    def _post(self, day, key, lines, memo, kind) -> int:
        pk = post_transaction(self.sink, book_id=self.book_id, day=day, key=key, lines=lines, memo=memo, kind=kind)
        for account, amount in lines:
            self.balances[account] += amount * natural_sign(self.accounts_row[account][6])
        return pk

    def _record(self, label, day, key, txn, *rest) -> int:
        pk = self.sink.new_id(label)
        self.sink.add(
            label,
            (
                pk,
                stamp(day),
                stamp(day),
                new_uuid(self.rng),
                self.bank_id,
                day,
                txn,
                key,
                None,
                self.code,
                None,
                "",
                *rest,
            ),
        )
        return pk

    def _cash_in(self) -> None:
        day, key = self.window.start, "bench-modal"
        source = f"Hibah Kelurahan {self.village.name} (modal awal)"
        memo = cash_in_memo(source)
        lines = [(self.fixed[CASH], STARTING_CAPITAL), (self.fixed[CAPITAL], -STARTING_CAPITAL)]
        txn = self._post(day, f"wastebank.cash_in:{key}", lines, memo, "wastebank.cash_in")
        self._record("wastebank.CashIn", day, key, txn, source, STARTING_CAPITAL)

    def _maybe_deposit(self, member, day) -> None:
        if member.joined > day or self.rng.random() > member.activity:
            return
        lines = []
        for category in self.rng.sample(self.categories, self.rng.randint(1, 3)):
            low, high = category.kg_range
            grams = int(self.rng.uniform(low, high) * 1000) // 50 * 50  # the hanging scale reads to 50 g
            if grams:
                price = [p for valid_from, p in category.prices if valid_from <= day][-1]
                lines.append((category.pk, grams, price, line_value(grams, price)))
        total, weight = sum(line[3] for line in lines), sum(line[1] for line in lines)
        if total <= 0:
            return
        key = f"bench-setor-{day:%Y%m%d}-{member.number}"
        memo = deposit_memo(weight)
        ledger_lines = [(self.fixed[PURCHASES], total), (member.account, -total)]
        txn = self._post(day, f"wastebank.deposit:{key}", ledger_lines, memo, "wastebank.deposit")
        deposit = self._record("wastebank.Deposit", day, key, txn, member.pk, weight, total)
        for category_id, grams, price, value in lines:
            self.sink.add(
                "wastebank.DepositLine",
                (self.sink.new_id("wastebank.DepositLine"), category_id, grams, price, value, deposit),
            )
            self.month_grams[category_id] = self.month_grams.get(category_id, 0) + grams

    def _sale(self, day) -> None:
        """The month's waste to the pengepul, about 20 % above what members were paid."""
        lines = []
        for category in self.categories:
            grams = self.month_grams.get(category.pk, 0)
            if grams:
                price = round([p for valid_from, p in category.prices if valid_from <= day][-1] * 1.2 / 50) * 50
                lines.append((category.pk, grams, price, line_value(grams, price)))
        self.month_grams = {}
        total, weight = sum(line[3] for line in lines), sum(line[1] for line in lines)
        if total <= 0:
            return
        key = f"bench-jual-{day:%Y%m}"
        memo = sale_memo(weight, self.collector)
        txn = self._post(
            day,
            f"wastebank.sale:{key}",
            [(self.fixed[CASH], total), (self.fixed[SALES], -total)],
            memo,
            "wastebank.sale",
        )
        sale = self._record("wastebank.Sale", day, key, txn, self.collector, weight, total)
        for category_id, grams, price, value in lines:
            self.sink.add(
                "wastebank.SaleLine", (self.sink.new_id("wastebank.SaleLine"), category_id, grams, price, value, sale)
            )

    def _withdrawals(self, members, day, share, minimum, step, kind) -> None:
        """Members take savings out while the till has the cash (else they come back another day)."""
        for member in members:
            wants = self.rng.random() < share
            amount = self.balances[member.account] // step * step
            if kind == WithdrawalKind.GOODS:
                amount = min(150_000, amount)
            if not wants or amount < minimum or self.balances[self.fixed[CASH]] < amount:
                continue
            goods = SEMBAKO if kind == WithdrawalKind.GOODS else ""
            memo = withdrawal_memo(goods)
            key = f"bench-{'sembako' if goods else 'tarik'}-{day:%Y%m%d}-{member.number}"
            lines = [(member.account, amount), (self.fixed[CASH], -amount)]
            txn = self._post(day, f"wastebank.withdrawal:{key}", lines, memo, "wastebank.withdrawal")
            self._record("wastebank.Withdrawal", day, key, txn, member.pk, kind, amount, goods)
