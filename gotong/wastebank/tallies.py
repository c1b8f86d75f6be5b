"""Keep the waste-bank tallies exactly equal to the deposits, and read them.

Contract: any code that creates, cancels or deletes deposits or their lines calls `refresh_banks(bank_ids,
months)` inside its transaction (`record_deposit` and `cancel_record` do); bulk loads (COPY) call `rebuild()`.

Each touched row is recomputed from the live rows (never incremented). A bank's `BankTally` row is locked first
and is the lock for all of that bank's tallies: month and category rows are only written while holding it, so
two transactions touching the same bank run one after the other and the second counts what the first committed.
Cost depends on the touched banks (and months) only: every live query is filtered by bank.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _

from gotong.core.months import add_months, month_start
from gotong.core.province_code import province_of_area_code
from gotong.wastebank.models import (
    BankMonthTally,
    BankTally,
    CategoryMonthTally,
    Deposit,
    DepositLine,
    WasteBank,
    WasteCategory,
)

BANK_FIELDS = ("deposits", "grams", "depositors")
MONTH_FIELDS = ("deposits", "grams")
CHUNK = 500
TALLY_MODELS = (BankTally, BankMonthTally, CategoryMonthTally)


@dataclass
class Live:
    """What the tallies should hold: banks {bank: counts}, months {(bank, month): counts},
    categories {(bank, category, month): grams}. Groups without deposits are absent."""

    banks: dict[int, dict] = field(default_factory=dict)
    months: dict[tuple[int, datetime.date], dict] = field(default_factory=dict)
    categories: dict[tuple[int, int, datetime.date], int] = field(default_factory=dict)


def live(bank_ids: list[int] | None, months: list[datetime.date] | None = None) -> Live:
    """Counted from the deposits of these banks (None: all), in these months (None: all; bank totals always
    cover all months)."""
    result = Live()
    deposits = Deposit.objects.filter(cancellation__isnull=True)
    lines = DepositLine.objects.filter(deposit__cancellation__isnull=True)
    if bank_ids is not None:
        deposits = deposits.filter(bank_id__in=bank_ids)
        lines = lines.filter(deposit__bank_id__in=bank_ids)
    for row in (
        deposits.values("bank")
        .order_by()
        .annotate(deposits=Count("*"), grams=Sum("total_grams"), depositors=Count("member", distinct=True))
    ):
        pk = row.pop("bank")
        result.banks[pk] = {name: int(value) for name, value in row.items()}
    if months is not None:
        if not months:
            return result
        in_months, line_months = Q(), Q()
        for month in months:
            in_months |= Q(occurred_on__gte=month, occurred_on__lt=add_months(month, 1))
            line_months |= Q(deposit__occurred_on__gte=month, deposit__occurred_on__lt=add_months(month, 1))
        deposits, lines = deposits.filter(in_months), lines.filter(line_months)
    by_month = deposits.values("bank", month=TruncMonth("occurred_on")).order_by()
    for row in by_month.annotate(deposits=Count("*"), grams=Sum("total_grams")):
        result.months[(row["bank"], row["month"])] = {"deposits": int(row["deposits"]), "grams": int(row["grams"])}
    by_category = lines.values("category", bank=F("deposit__bank"), month=TruncMonth("deposit__occurred_on"))
    for row in by_category.order_by().annotate(total=Sum("grams")):
        result.categories[(row["bank"], row["category"], row["month"])] = int(row["total"])
    return result


def refresh_banks(bank_ids: Iterable[int], months: Iterable[datetime.date] | None = None) -> int:
    """Recompute the tallies of these banks: all their months, or only the months of the given days.
    Returns how many banks were refreshed."""
    wanted = sorted({pk for pk in bank_ids if pk})
    touched = None if months is None else sorted({month_start(day) for day in months})
    for start in range(0, len(wanted), CHUNK):
        _refresh_chunk(wanted[start : start + CHUNK], touched)
    return len(wanted)


@transaction.atomic
def _refresh_chunk(bank_ids: list[int], months: list[datetime.date] | None) -> None:
    codes = dict(WasteBank.objects.filter(pk__in=bank_ids).order_by().values_list("pk", "area_code"))
    bank_ids = [pk for pk in bank_ids if pk in codes]
    if not bank_ids:
        return
    # A row to lock (a concurrent insert of the same bank waits here until the other commits). It stays, with
    # zeros, when the bank's last deposit is cancelled: deleting a locked row would let a waiter pass unlocked.
    BankTally.objects.bulk_create(
        [BankTally(bank_id=pk, province_code=province_of_area_code(codes[pk])) for pk in bank_ids],
        ignore_conflicts=True,
    )
    list(BankTally.objects.select_for_update().filter(bank_id__in=bank_ids).order_by("bank_id").values_list("pk"))
    fresh = live(bank_ids, months)
    zero = dict.fromkeys(BANK_FIELDS, 0)
    # INSERT … ON CONFLICT DO UPDATE: one statement for all banks (see aggregates._refresh_chunk).
    BankTally.objects.bulk_create(
        [
            BankTally(bank_id=pk, area_code=codes[pk], province_code=province_of_area_code(codes[pk]), **counts)
            for pk, counts in ((pk, fresh.banks.get(pk, zero)) for pk in bank_ids)
        ],
        update_conflicts=True,
        unique_fields=["bank"],
        update_fields=["area_code", "province_code", *BANK_FIELDS],
        batch_size=CHUNK,
    )
    stale_months = BankMonthTally.objects.filter(bank_id__in=bank_ids)
    stale_categories = CategoryMonthTally.objects.filter(bank_id__in=bank_ids)
    if months is not None:
        stale_months = stale_months.filter(month__in=months)
        stale_categories = stale_categories.filter(month__in=months)
    # Replaced whole under the bank's lock: a month or category that lost its last deposit disappears.
    stale_months.delete()
    stale_categories.delete()
    _write(fresh, codes)


def _write(fresh: Live, codes: dict[int, str], *, banks: bool = False) -> int:
    # province_code given with each row (the bank's area code's first digits): no look-up of the bank per row
    if banks:
        BankTally.objects.bulk_create(
            [
                BankTally(bank_id=pk, area_code=codes[pk], province_code=province_of_area_code(codes[pk]), **counts)
                for pk, counts in fresh.banks.items()
            ],
            batch_size=CHUNK,
        )
    BankMonthTally.objects.bulk_create(
        [
            BankMonthTally(
                bank_id=pk, month=month, area_code=codes[pk], province_code=province_of_area_code(codes[pk]), **counts
            )
            for (pk, month), counts in fresh.months.items()
        ],
        batch_size=CHUNK,
    )
    CategoryMonthTally.objects.bulk_create(
        [
            CategoryMonthTally(
                bank_id=pk,
                category_id=category,
                month=month,
                area_code=codes[pk],
                province_code=province_of_area_code(codes[pk]),
                grams=grams,
            )
            for (pk, category, month), grams in fresh.categories.items()
        ],
        batch_size=CHUNK,
    )
    return (len(fresh.banks) if banks else 0) + len(fresh.months) + len(fresh.categories)


def rebuild() -> int:
    """Recompute every tally from scratch (after a raw load or to repair); returns the number of rows."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for model in TALLY_MODELS:
                    cursor.execute(f"LOCK TABLE {model._meta.db_table} IN EXCLUSIVE MODE")
        fresh = live(None)
        codes = dict(WasteBank.objects.order_by().values_list("pk", "area_code"))
        for model in TALLY_MODELS:
            model.objects.all().delete()
        return _write(fresh, codes, banks=True)


def differences() -> list[str]:
    """Every tally that differs from the live deposits, described; empty when all are exact.

    A stored row of zeros equals a missing one: both say "no deposits".
    """
    fresh = live(None)
    codes = dict(WasteBank.objects.order_by().values_list("pk", "area_code"))
    names = dict(WasteBank.objects.order_by().values_list("pk", "organization__name"))
    categories = dict(WasteCategory.objects.values_list("pk", "name"))
    problems: list[str] = []

    def label(model, name: str) -> str:
        return str(model._meta.get_field(name).verbose_name)

    def compare(where: str, model, row, counts: dict, fields: tuple[str, ...], bank_id: int) -> None:
        if row is not None and row.area_code != codes.get(bank_id):
            counts = {**counts, "area_code": codes.get(bank_id)}
            fields = (*fields, "area_code")
        for name in fields:
            stored = getattr(row, name) if row is not None else 0
            if stored != counts.get(name, 0):
                problems.append(
                    _("%(where)s: %(field)s di rekap %(stored)s, seharusnya %(live)s")
                    % {"where": where, "field": label(model, name), "stored": stored, "live": counts.get(name, 0)}
                )

    def bank_name(pk: int) -> str:
        return names.get(pk, str(pk))

    stored_banks = {t.bank_id: t for t in BankTally.objects.all()}
    for pk in sorted(set(fresh.banks) | set(stored_banks)):
        compare(bank_name(pk), BankTally, stored_banks.get(pk), fresh.banks.get(pk, {}), BANK_FIELDS, pk)
    stored_months = {(t.bank_id, t.month): t for t in BankMonthTally.objects.all()}
    for key in sorted(set(fresh.months) | set(stored_months)):
        where = f"{bank_name(key[0])}, {key[1]:%m-%Y}"
        compare(where, BankMonthTally, stored_months.get(key), fresh.months.get(key, {}), MONTH_FIELDS, key[0])
    stored_categories = {(t.bank_id, t.category_id, t.month): t for t in CategoryMonthTally.objects.all()}
    for key in sorted(set(fresh.categories) | set(stored_categories)):
        pk, category, month = key
        where = f"{bank_name(pk)}, {month:%m-%Y}, {categories.get(category, category)}"
        counts = {"grams": fresh.categories[key]} if key in fresh.categories else {}
        compare(where, CategoryMonthTally, stored_categories.get(key), counts, ("grams",), pk)
    return problems


def year_figures(banks, year: int) -> dict:
    """Non-cancelled deposits of these banks (a queryset or ids) in `year`: their number, their grams and the
    grams per category name, largest first (several banks' categories of one name add up under it).

    Summed per category id, without the join to the categories' names (a province's year is 387,000 rows: the
    join and a GROUP BY on text took 270 ms); the few thousand categories are then named and merged by name."""
    in_year = {"month__gte": datetime.date(year, 1, 1), "month__lt": datetime.date(year + 1, 1, 1)}
    rows = (
        CategoryMonthTally.objects.filter(bank__in=banks, **in_year)
        .values_list("category_id")
        .annotate(total=Sum("grams"))
        .order_by()
    )
    per_category = dict(rows)
    # Without the default ordering, which joins every category to its bank and organisation; by the banks'
    # subquery, not a list of a province's 39,000 category ids (planning that list took 350 ms).
    names = dict(WasteCategory.objects.filter(bank__in=banks).order_by().values_list("pk", "name"))
    by_name: dict[str, int] = {}
    for pk, grams in per_category.items():
        by_name[names[pk]] = by_name.get(names[pk], 0) + int(grams)
    categories = sorted(by_name.items(), key=lambda item: (-item[1], item[0]))
    deposits = BankMonthTally.objects.filter(bank__in=banks, **in_year).aggregate(n=Sum("deposits"))["n"]
    return {"deposits": int(deposits or 0), "grams": sum(g for _n, g in categories), "categories": categories}


def bank_totals(banks) -> dict[int, dict]:
    """All-time grams and distinct depositors per bank, {bank id: {"grams", "members"}}; a bank without a
    tally (no deposits yet) is absent."""
    rows = BankTally.objects.filter(bank__in=banks).values_list("bank_id", "grams", "depositors")
    return {pk: {"grams": grams, "members": depositors} for pk, grams, depositors in rows}
