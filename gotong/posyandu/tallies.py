"""Keep `MonthTally` exactly equal to what `gotong.posyandu.skdn` counts live, and read it.

A posyandu's rows run from the month its first child was registered through the current month. Every change
to a child, a weighing or a child's registry person recomputes the posyandu's rows from that month on
(`refresh_posyandus`, called by `gotong.posyandu.signals`), inside the transaction of the change, after locking
the posyandu: two cadres weighing in the same posyandu run one after the other, and the second counts what the
first committed.
Raw loads call `refresh_posyandus` (or `rebuild`) themselves. Months past the last row (a new month that has
begun, a report for next month) are counted live by the reader, so an answer is never stale, only slower;
`extend_to(month)` — `gotong dashboards extend`, daily — makes the rows of the new month for every posyandu.

The counts are computed here in Python from each posyandu's children and weighings, two queries per chunk of
posyandu; `gotong.posyandu.skdn.live_for_posyandus` is the same definition in SQL, and the tests and
`differences()` hold the two equal.
"""

import datetime
import functools
from collections import defaultdict
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from gotong.core.area_codes import ancestor_codes
from gotong.posyandu.coverage import is_followed, unfollowed_residents
from gotong.posyandu.dates import add_months, five_years_before, month_start
from gotong.posyandu.models import Child, MonthTally, Weighing
from gotong.posyandu.skdn import FIELDS as COUNT_FIELDS
from gotong.posyandu.skdn import STUNTED_BELOW, TREND_FIELDS, month_end

CHUNK = 100  # posyandu per computation: a city's 2,000 posyandu in 20 rounds of two queries


def compute(
    posyandu_ids: Iterable[int], until: datetime.date, *, child_model=Child, weighing_model=Weighing
) -> dict[tuple[int, datetime.date], dict]:
    """(posyandu id, month) → counts for every month from each posyandu's first registration month through
    `until`'s month (or a later month with a weighing). A posyandu without children has no rows.
    S also counts the registry's under-fives of the posyandu's area whom no posyandu follows (`coverage`).
    The models can be a migration's historical ones."""
    ids = sorted(set(posyandu_ids))
    last = month_start(until)
    children = (
        child_model.objects.filter(posyandu_id__in=ids)
        .order_by()
        .values_list("pk", "posyandu_id", "person__birth_date", "registered_on", "left_on")
    )
    weighings: dict[int, list[tuple]] = defaultdict(list)
    for child_id, *rest in (
        weighing_model.objects.filter(child__posyandu_id__in=ids)
        .order_by("child_id", "month")
        .values_list("child_id", "month", "growth_card", "trend", "two_t", "bgm", "haz")
    ):
        weighings[child_id].append(rest)
    result: dict[tuple[int, datetime.date], dict] = {}
    spans: dict[int, tuple[datetime.date, datetime.date]] = {}
    for child_id, posyandu_id, birth, registered, left in children:
        own = weighings.get(child_id, [])
        start, end = month_start(registered), max([last, *(w[0] for w in own[-1:])])
        first, final = spans.get(posyandu_id, (start, end))
        spans[posyandu_id] = (min(first, start), max(final, end))
        _count_child(result, posyandu_id, (birth, registered, left), own, start, end)
    for posyandu_id, residents in unfollowed_residents(spans, child_model=child_model).items():
        for birth, records in residents:
            _count_resident(result, posyandu_id, birth, records, *spans[posyandu_id])
    empty = dict.fromkeys(COUNT_FIELDS, 0)
    for posyandu_id, (month, end) in spans.items():
        while month <= end:
            result.setdefault((posyandu_id, month), dict(empty))
            month = add_months(month, 1)
    return result


def _count_child(result, posyandu_id, dates, own, start, end) -> None:
    """Add one child to the months between `start` and `end` in which it is followed (S), with its latest card (K)
    and that month's weighing (D, N, T, …)."""
    birth, registered, left = dates
    latest, index, month = None, 0, start
    while month <= end:
        on, five_years_ago, following = _calendar(month)
        if birth <= five_years_ago or (left is not None and left <= on):
            return  # aged five or left: never followed again
        while index < len(own) and own[index][0] <= month:
            latest, index = own[index], index + 1
        if birth <= on and registered <= on:
            counts = result.setdefault((posyandu_id, month), dict.fromkeys(COUNT_FIELDS, 0))
            counts["s"] += 1
            if latest is not None:
                counts["k"] += bool(latest[1])
                if latest[0] == month:
                    _add_weighing(counts, latest)
        month = following


def _count_resident(result, posyandu_id, birth, records, start, end) -> None:
    """Add to S the months in which a registry under-five of the posyandu's area is followed by no posyandu."""
    month = max(start, month_start(birth))  # nothing to count before the birth month (a city's rebuild)
    while month <= end:
        on, five_years_ago, following = _calendar(month)
        if birth <= five_years_ago:
            return
        if birth <= on and not is_followed(records, on):
            result.setdefault((posyandu_id, month), dict.fromkeys(COUNT_FIELDS, 0))["s"] += 1
        month = following


@functools.lru_cache(maxsize=1024)
def _calendar(month: datetime.date) -> tuple[datetime.date, datetime.date, datetime.date]:
    """The month's last day, five years before it, and the next month (asked millions of times by a rebuild)."""
    on = month_end(month)
    return on, five_years_before(on), add_months(month, 1)


def _add_weighing(counts: dict, weighing: tuple) -> None:
    _month, _card, trend, two_t, bgm, haz = weighing
    counts["d"] += 1
    if trend in TREND_FIELDS:
        counts[TREND_FIELDS[trend]] += 1
    counts["t2"] += bool(two_t)
    counts["bgm"] += bool(bgm)
    if haz is not None:
        counts["scored"] += 1
        counts["stunted"] += haz < STUNTED_BELOW


def refresh_posyandus(
    posyandu_ids: Iterable[int], from_month: datetime.date | None = None, until: datetime.date | None = None
) -> None:
    """Recompute these posyandu's rows from `from_month` (None: all months) through `until`'s month (default:
    the current one) inside the caller's transaction."""
    ids = sorted({pk for pk in posyandu_ids if pk})
    for start in range(0, len(ids), CHUNK):
        _refresh_chunk(ids[start : start + CHUNK], from_month, until or timezone.localdate())


@transaction.atomic
def _refresh_chunk(ids: list[int], from_month: datetime.date | None, until: datetime.date) -> None:
    # One refresh per posyandu at a time: a second transaction waits here, then counts what the first committed.
    areas = dict(_posyandus(ids).select_for_update().order_by("pk").values_list("pk", "area_code"))
    rows = MonthTally.objects.filter(posyandu_id__in=ids)
    # Rows made ahead (`extend_to`, a weighing dated in a later month) stay and are recomputed too.
    ahead = rows.aggregate(last=Max("month"))["last"]
    fresh = compute(ids, max(filter(None, [until, ahead])))
    if from_month is not None:
        fresh = {key: counts for key, counts in fresh.items() if key[1] >= from_month}
        rows = rows.filter(month__gte=from_month)
    gone: dict[int, list[datetime.date]] = defaultdict(list)
    for posyandu_id, month in set(rows.values_list("posyandu_id", "month")) - set(fresh):
        gone[posyandu_id].append(month)
    for posyandu_id, months in gone.items():
        MonthTally.objects.filter(posyandu_id=posyandu_id, month__in=months).delete()
    MonthTally.objects.bulk_create(
        [_tally(key, counts, areas) for key, counts in fresh.items()],
        update_conflicts=True,
        unique_fields=["posyandu", "month"],
        update_fields=["area_code", "province_code", *COUNT_FIELDS],
        batch_size=500,
    )


def posyandus_holding(codes: Iterable[str]) -> list[int]:
    """The posyandu whose area holds one of these homes' area codes (the areas themselves included): every posyandu
    that may count an under-five living there in S (`coverage.owners` picks one)."""
    from gotong.organizations.models import Organization

    wanted = {a for code in codes for a in [code, *ancestor_codes(code)]}
    return list(Organization.objects.filter(kind="posyandu", area_code__in=wanted).values_list("pk", flat=True))


def refresh_homes(area_codes: Iterable[str]) -> None:
    """After persons were loaded raw (bulk import, demo) into these areas: recompute the posyandu counting them."""
    refresh_posyandus(posyandus_holding(set(area_codes)))


def _posyandus(ids: list[int]):
    from gotong.organizations.models import Organization

    return Organization.objects.filter(pk__in=ids)


def _tally(key: tuple[int, datetime.date], counts: dict, areas: dict[int, str]) -> MonthTally:
    posyandu_id, month = key
    return MonthTally(posyandu_id=posyandu_id, month=month, area_code=areas[posyandu_id], **counts)


def rebuild() -> int:
    """Recompute every posyandu's rows from scratch (after a raw load or to repair); returns the number of rows."""
    ids = sorted(set(Child.objects.values_list("posyandu_id", flat=True).distinct()))
    today, written = timezone.localdate(), 0
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"LOCK TABLE {MonthTally._meta.db_table} IN EXCLUSIVE MODE")
        MonthTally.objects.all().delete()
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            areas = dict(_posyandus(chunk).values_list("pk", "area_code"))
            rows = [_tally(key, counts, areas) for key, counts in compute(chunk, today).items()]
            MonthTally.objects.bulk_create(rows, batch_size=1000)
            written += len(rows)
    return written


def extend_to(month: datetime.date) -> int:
    """Make the rows through `month` for every posyandu whose rows stop before it; returns how many posyandu."""
    month = month_start(month)
    behind = list(
        MonthTally.objects.values("posyandu_id")
        .order_by()
        .annotate(last=Max("month"))
        .filter(last__lt=month)
        .values_list("posyandu_id", "last")
    )
    by_last: dict[datetime.date, list[int]] = defaultdict(list)
    for posyandu_id, last in behind:
        by_last[last].append(posyandu_id)
    for last, ids in by_last.items():
        refresh_posyandus(ids, from_month=last, until=month)
    return len(behind)


def differences() -> list[str]:
    """Every row that differs from the posyandu's live children and weighings, described; empty when exact."""
    problems = []
    ids = sorted(
        set(Child.objects.values_list("posyandu_id", flat=True).distinct())
        | set(MonthTally.objects.values_list("posyandu_id", flat=True).distinct())
    )
    today = timezone.localdate()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        stored = {(t.posyandu_id, t.month): t for t in MonthTally.objects.filter(posyandu_id__in=chunk)}
        fresh = compute(chunk, max([today, *(m for _p, m in stored)]))
        last_stored = {p: m for p, m in sorted(stored)}
        for key in sorted(set(stored) | set(fresh)):
            posyandu_id, month = key
            label = f"posyandu {posyandu_id} {month:%m/%Y}"
            if key not in stored:
                # Months after a posyandu's last row are counted live by the readers (`extend_to` adds them).
                if month < last_stored.get(posyandu_id, add_months(month, 1)):
                    problems.append(f"{label}: tidak ada rekap SKDN")
                continue
            if key not in fresh:
                problems.append(f"{label}: rekap SKDN ada, padahal posyandu tidak punya balita bulan itu")
                continue
            for field in COUNT_FIELDS:
                if getattr(stored[key], field) != fresh[key][field]:
                    problems.append(f"{label}: {field} {getattr(stored[key], field)} ≠ {fresh[key][field]}")
    return problems


def rows_for(posyandu_ids: Iterable[int], month: datetime.date) -> dict[int, dict]:
    """Stored counts of these posyandu in `month`, posyandu id → counts; posyandu without a row are absent."""
    rows = MonthTally.objects.filter(posyandu_id__in=list(posyandu_ids), month=month_start(month))
    return {row["posyandu_id"]: row for row in rows.values("posyandu_id", *COUNT_FIELDS)}
