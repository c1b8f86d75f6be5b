"""Keep the waste-bank tallies exactly equal to the deposits, and read them.

Contract: any code that creates, cancels or deletes deposits or their lines calls `refresh_banks(bank_ids,
months)` inside its transaction (`record_deposit` and `cancel_record` do); bulk loads (COPY) call `rebuild()`.
A category's rename reaches `refresh_years` through `gotong.wastebank.signals` (its name is copied into the
year rows).

Each touched row is recomputed from the live rows (never incremented). A bank's `BankTally` row is locked first
and is the lock for all of that bank's tallies: month and category rows are only written while holding it, so
two transactions touching the same bank run one after the other and the second counts what the first committed.
Cost depends on the touched banks (and months) only: every live query is filtered by bank.

The year rows (`CategoryYearTally`) are recomputed, under the same lock, from the bank's month rows of the touched
years, which were just recomputed from the deposits: a province's year on the dashboard is then one GROUP BY name
over a row per bank, category and year instead of twelve per month and a look-up of every category's name.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import ExtractYear, TruncMonth
from django.utils.translation import gettext as _

from gotong.core.months import add_months, month_start
from gotong.core.province_code import province_of_area_code
from gotong.core.scoping import area_code_filter
from gotong.wastebank.models import (
    BankMonthTally,
    BankTally,
    CategoryMonthTally,
    CategoryYearTally,
    Deposit,
    DepositLine,
    WasteBank,
    WasteCategory,
)

BANK_FIELDS = ("deposits", "grams", "depositors")
MONTH_FIELDS = ("deposits", "grams")
CHUNK = 500
TALLY_MODELS = (BankTally, BankMonthTally, CategoryMonthTally, CategoryYearTally)


@dataclass
class Live:
    """What the tallies should hold: banks {bank: counts}, months {(bank, month): counts},
    categories {(bank, category, month): grams}. Groups without deposits are absent."""

    banks: dict[int, dict] = field(default_factory=dict)
    months: dict[tuple[int, datetime.date], dict] = field(default_factory=dict)
    categories: dict[tuple[int, int, datetime.date], int] = field(default_factory=dict)

    def years(self) -> dict[tuple[int, int, int], int]:
        """{(bank, category, year): grams}, summed from `categories` (whole years only when all months were
        counted)."""
        result: dict[tuple[int, int, int], int] = {}
        for (pk, category, month), grams in self.categories.items():
            key = (pk, category, month.year)
            result[key] = result.get(key, 0) + grams
        return result


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


def _lock(bank_ids: list[int]) -> tuple[list[int], dict[int, str]]:
    """Lock the banks' `BankTally` rows (made when missing); returns the banks that exist and their area codes."""
    codes = dict(WasteBank.objects.filter(pk__in=bank_ids).order_by().values_list("pk", "area_code"))
    bank_ids = [pk for pk in bank_ids if pk in codes]
    if not bank_ids:
        return bank_ids, codes
    # A row to lock (a concurrent insert of the same bank waits here until the other commits). It stays, with
    # zeros, when the bank's last deposit is cancelled: deleting a locked row would let a waiter pass unlocked.
    BankTally.objects.bulk_create(
        [BankTally(bank_id=pk, province_code=province_of_area_code(codes[pk])) for pk in bank_ids],
        ignore_conflicts=True,
    )
    list(BankTally.objects.select_for_update().filter(bank_id__in=bank_ids).order_by("bank_id").values_list("pk"))
    return bank_ids, codes


@transaction.atomic
def _refresh_chunk(bank_ids: list[int], months: list[datetime.date] | None) -> None:
    bank_ids, codes = _lock(bank_ids)
    if not bank_ids:
        return
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
    _write_years(bank_ids, None if months is None else sorted({month.year for month in months}), codes)


def refresh_years(bank_ids: Iterable[int]) -> int:
    """Recompute every year row of these banks from their month rows, names included (after a category's
    rename); returns how many banks were refreshed."""
    wanted = sorted({pk for pk in bank_ids if pk})
    for start in range(0, len(wanted), CHUNK):
        with transaction.atomic():
            chunk, codes = _lock(wanted[start : start + CHUNK])
            if chunk:
                _write_years(chunk, None, codes)
    return len(wanted)


def _in_years(years: list[int], field: str = "month") -> Q:
    query = Q(pk__in=[])
    for year in years:
        query |= Q(**{f"{field}__gte": datetime.date(year, 1, 1), f"{field}__lt": datetime.date(year + 1, 1, 1)})
    return query


def _write_years(bank_ids: list[int] | None, years: list[int] | None, codes: dict[int, str]) -> int:
    """Replace the year rows of these banks (None: all) in these years (None: all) by the sums of their month
    rows, with each category's current name. Call with the banks locked and their month rows up to date."""
    stale = CategoryYearTally.objects.all()
    months = CategoryMonthTally.objects.all()
    if bank_ids is not None:
        stale, months = stale.filter(bank_id__in=bank_ids), months.filter(bank_id__in=bank_ids)
    if years is not None:
        if not years:
            return 0
        stale, months = stale.filter(year__in=years), months.filter(_in_years(years))
    stale.delete()
    rows = (
        months.values_list("bank_id", "category_id", "category__name", ExtractYear("month"))
        .annotate(total=Sum("grams"))
        .order_by()
    )
    made = CategoryYearTally.objects.bulk_create(
        (
            CategoryYearTally(
                bank_id=pk,
                category_id=category,
                year=year,
                name=name,
                area_code=codes[pk],
                province_code=province_of_area_code(codes[pk]),
                grams=grams,
            )
            for pk, category, name, year, grams in rows
        ),
        batch_size=CHUNK,
    )
    return len(made)


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
        return _write(fresh, codes, banks=True) + _write_years(None, None, codes)


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
    live_years = fresh.years()
    stored_years = {(t.bank_id, t.category_id, t.year): t for t in CategoryYearTally.objects.all()}
    for key in sorted(set(live_years) | set(stored_years)):
        pk, category, year = key
        where = f"{bank_name(pk)}, {year}, {categories.get(category, category)}"
        counts = {"grams": live_years[key]} if key in live_years else {}
        fields: tuple[str, ...] = ("grams",)
        if key in live_years and key in stored_years:  # a missing or surplus row is told by its grams
            counts["name"] = categories.get(category)
            fields = ("grams", "name")
        compare(where, CategoryYearTally, stored_years.get(key), counts, fields, pk)
    return problems


def year_figures(user, area_code: str, year: int) -> dict:
    """Non-cancelled deposits in `year` of the banks `user` sees inside area `area_code`: their number, their grams
    and the grams per category name, largest first (several banks' categories of one name add up under it).

    The year rows carry the bank's area code and organisation (`TallyBase`): their `visible_to` is exactly the
    rows of the banks `WasteBank.objects.visible_to(user)` returns, with no list or subquery of a province's
    thousands of banks; for an officer of the area it is one range of the (year, area code) index. The category
    names are in the rows: one GROUP BY name, no look-up of a province's 39,000 categories (which, with the sum of
    the year's 160,000 month rows, took 264 ms)."""
    in_area = area_code_filter([area_code])
    rows = (
        CategoryYearTally.objects.visible_to(user)
        .filter(in_area, year=year)
        .values_list("name")
        .annotate(total=Sum("grams"))
        .order_by()
    )
    categories = sorted(((name, int(grams)) for name, grams in rows), key=lambda item: (-item[1], item[0]))
    deposits = (
        BankMonthTally.objects.visible_to(user)
        .filter(in_area, month__gte=datetime.date(year, 1, 1), month__lt=datetime.date(year + 1, 1, 1))
        .aggregate(n=Sum("deposits"))["n"]
    )
    return {"deposits": int(deposits or 0), "grams": sum(g for _n, g in categories), "categories": categories}


def bank_totals(banks) -> dict[int, dict]:
    """All-time grams and distinct depositors per bank, {bank id: {"grams", "members"}}; a bank without a
    tally (no deposits yet) is absent."""
    rows = BankTally.objects.filter(bank__in=banks).values_list("bank_id", "grams", "depositors")
    return {pk: {"grams": grams, "members": depositors} for pk, grams, depositors in rows}
