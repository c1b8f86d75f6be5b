"""Keep `YearTally` and `ParticipantTally` exactly equal to what the dashboard counts live, and read them.

The dashboard's gotong royong block (`gotong.dashboards.figures.activities`) shows, for an area and this year:
the events held in it, their guests, attendance rows and hours (`YearTally`, per event area and year), and the
adult residents of the area who attended at least one of those events, counted once each (`ParticipantTally`).

Every change to an attendance row, an event, a person's birth date or area, or a household's area recomputes the
touched (area, year) groups from the live rows (never incremented), inside the transaction of the change, after
locking one row per group: two recorders of the same RT run one after the other, and the second counts what the
first committed (`gotong.activities.signals`). Bulk writers call `refresh_years` / `refresh_participants`
themselves (or `rebuild`); `gotong dashboards check` compares every row with the live records.
"""

import contextlib
import contextvars
import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import ExtractYear

from gotong.activities.models import Attendance, Event, ParticipantTally, YearTally
from gotong.activities.stats import ADULT_AGE
from gotong.core.area_codes import code_inside
from gotong.core.policy.decide import reaches
from gotong.core.scoping import area_code_filter

CHUNK = 500  # areas per recount: a province's RTs in rounds of two queries
YEAR_FIELDS = ("events", "guests", "attendances", "hours")


# --- what the rows hold -------------------------------------------------------------------------------------


def before_boundary(year: int) -> datetime.date:
    """The `born` of everyone adult all through `year`: the last day before the year in which one turns 17 then."""
    return datetime.date(year - ADULT_AGE - 1, 12, 31)


def born_key(born: datetime.date, year: int) -> datetime.date | None:
    """The `born` a resident is counted under in `year`; None when they are not yet 17 on its last day."""
    boundary = year - ADULT_AGE
    if born.year > boundary:
        return None
    return born if born.year == boundary else before_boundary(year)


def common_code(home: str, place: str) -> str:
    """The deepest area holding both area codes ("" when they share no province)."""
    shared = []
    for mine, theirs in zip(home.split("."), place.split("."), strict=False):
        if mine != theirs:
            break
        shared.append(mine)
    return ".".join(shared)


class Year(ExtractYear):
    """The year of a date; on SQLite read from the stored ISO text (ExtractYear calls back into Python per row)."""

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.lhs)
        return f"CAST(substr({sql}, 1, 4) AS integer)", params


def _in_years(field: str, years: Iterable[int] | None) -> Q:
    """Dates in one of `years` (None: any) as ranges an index on the date serves."""
    if years is None:
        return Q()
    query = Q(pk__in=[])
    for year in sorted(set(years)):
        query |= Q(**{f"{field}__range": (datetime.date(year, 1, 1), datetime.date(year, 12, 31))})
    return query


def live_years(codes: Iterable[str] | None, years: Iterable[int] | None = None, *, event_model=Event,
               attendance_model=Attendance) -> dict[tuple[str, int], dict]:  # fmt: skip
    """(event area code, year) → events, guests, attendances and hours, for these codes (None: all) and years
    (None: all). The models can be a migration's historical ones."""
    events = event_model.objects.filter(_in_years("held_on", years))
    attendance = attendance_model.objects.filter(_in_years("event__held_on", years))
    if codes is not None:
        codes = sorted(set(codes))
        events, attendance = events.filter(area_code__in=codes), attendance.filter(event__area_code__in=codes)
    result: dict[tuple[str, int], dict] = {}
    for code, year, n, guests in (
        events.order_by().values_list("area_code", Year("held_on")).annotate(n=Count("pk"), guests=Sum("guests"))
    ):
        result[(code, year)] = {"events": n, "guests": guests or 0, "attendances": 0, "hours": Decimal(0)}
    for code, year, n, hours in (
        attendance.order_by()
        .values_list("event__area_code", Year("event__held_on"))
        .annotate(n=Count("pk"), hours=Sum("hours"))
    ):
        result[(code, year)].update(attendances=n, hours=hours or Decimal(0))
    return result


def live_participants(codes: Iterable[str] | None, years: Iterable[int] | None = None, *,
                      attendance_model=Attendance) -> dict[tuple[str, int], Counter]:  # fmt: skip
    """(resident area code, year) → Counter {(reach code, born): adults}, for the residents of these areas (None:
    all) and these years (None: all): each adult who attended an event that year once, under the deepest area
    holding their home and one of their events (see `ParticipantTally`)."""
    rows = attendance_model.objects.filter(_in_years("event__held_on", years))
    if codes is not None:
        rows = rows.filter(person__area_code__in=sorted(set(codes)))
    reach: dict[tuple[int, int], tuple[str, datetime.date, str]] = {}
    values = rows.order_by().values_list("person_id", "person__area_code", "person__birth_date", "event__area_code",
                                         "event__held_on")  # fmt: skip
    for person_id, home, born, place, held_on in values.iterator(chunk_size=10_000):
        key, shared = (person_id, held_on.year), common_code(home, place)
        # The shared areas of one resident's events all hold their home: the deepest one lies inside the others.
        if key not in reach or len(shared) > len(reach[key][2]):
            reach[key] = (home, born, shared)
    result: dict[tuple[str, int], Counter] = defaultdict(Counter)
    for (_person, year), (home, born, shared) in reach.items():
        counted = born_key(born, year)
        if counted is not None:
            result[(home, year)][(shared, counted)] += 1
    return dict(result)


# --- writing ------------------------------------------------------------------------------------------------

_batch: contextvars.ContextVar[dict | None] = contextvars.ContextVar("activity_tally_batch", default=None)


@contextlib.contextmanager
def batched():
    """Collect the groups touched inside the block and recount each once at its end (still inside the caller's
    transaction): a list of 60 ticked residents recounts its RT once, not 60 times."""
    if _batch.get() is not None:
        yield
        return
    pending = {"years": set(), "participants": set()}
    token = _batch.set(pending)
    try:
        yield
    finally:
        _batch.reset(token)
    refresh_years(pending["years"])
    refresh_participants(pending["participants"])


def touch(*, years: Iterable[tuple[str, int]] = (), participants: Iterable[tuple[str, int]] = ()) -> None:
    """Recount these (event area, year) and (resident area, year) groups now, or at the end of `batched()`."""
    pending = _batch.get()
    if pending is not None:
        pending["years"].update(years)
        pending["participants"].update(participants)
        return
    refresh_years(years)
    refresh_participants(participants)


def _by_year(keys: Iterable[tuple[str, int]]) -> dict[int, list[str]]:
    grouped: dict[int, set[str]] = defaultdict(set)
    for code, year in keys:
        if code and year:
            grouped[year].add(code)
    return {year: sorted(codes) for year, codes in sorted(grouped.items())}


def refresh_years(keys: Iterable[tuple[str, int]]) -> None:
    """Recompute the `YearTally` rows of these (event area code, year) pairs inside the caller's transaction."""
    for year, codes in _by_year(keys).items():
        for start in range(0, len(codes), CHUNK):
            _refresh_years_chunk(year, codes[start : start + CHUNK])


@transaction.atomic
def _refresh_years_chunk(year: int, codes: list[str]) -> None:
    YearTally.objects.bulk_create([YearTally(area_code=c, year=year) for c in codes], ignore_conflicts=True)
    list(YearTally.objects.select_for_update().filter(year=year, area_code__in=codes).order_by("area_code"))
    fresh = live_years(codes, [year])
    empty = dict.fromkeys(YEAR_FIELDS, 0)
    YearTally.objects.bulk_create(
        [YearTally(area_code=c, year=year, **fresh.get((c, year), empty)) for c in codes],
        update_conflicts=True,
        unique_fields=["year", "area_code"],
        update_fields=YEAR_FIELDS,
        batch_size=CHUNK,
    )


def refresh_participants(keys: Iterable[tuple[str, int]]) -> None:
    """Recompute the `ParticipantTally` rows of these (resident area code, year) pairs inside the caller's
    transaction."""
    for year, codes in _by_year(keys).items():
        for start in range(0, len(codes), CHUNK):
            _refresh_participants_chunk(year, codes[start : start + CHUNK])


@transaction.atomic
def _refresh_participants_chunk(year: int, codes: list[str]) -> None:
    before = before_boundary(year)
    # The lock rows: (code, year, code, before) exists for every group, even at 0.
    locks = [ParticipantTally(area_code=c, year=year, reach_code=c, born=before) for c in codes]
    ParticipantTally.objects.bulk_create(locks, ignore_conflicts=True)
    mine = ParticipantTally.objects.filter(year=year, area_code__in=codes)
    list(mine.select_for_update().filter(born=before).order_by("area_code", "reach_code"))
    fresh = live_participants(codes, [year])
    rows = {(c, c, before): 0 for c in codes}
    for (code, _year), counts in fresh.items():
        for (reach, born), n in counts.items():
            rows[(code, reach, born)] = n
    mine.exclude(reach_code=F("area_code"), born=before).delete()
    ParticipantTally.objects.bulk_create(
        [ParticipantTally(area_code=c, year=year, reach_code=r, born=b, persons=n) for (c, r, b), n in rows.items()],
        update_conflicts=True,
        unique_fields=["area_code", "year", "reach_code", "born"],
        update_fields=["persons"],
        batch_size=CHUNK,
    )


def _resident_codes(person_model) -> list[str]:
    return sorted(person_model.objects.order_by().values_list("area_code", flat=True).distinct())


def rebuild(*, event_model=Event, attendance_model=Attendance, person_model=None, year_model=YearTally,
            participant_model=ParticipantTally) -> int:  # fmt: skip
    """Recompute every row (after a raw load or to repair), residents' areas in chunks; returns rows written.
    The models can be a migration's historical ones."""
    if person_model is None:
        from gotong.registry.models import Person as person_model
    written = 0
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for model in (year_model, participant_model):
                    cursor.execute(f"LOCK TABLE {model._meta.db_table} IN EXCLUSIVE MODE")
        year_model.objects.all().delete()
        participant_model.objects.all().delete()
        years = live_years(None, event_model=event_model, attendance_model=attendance_model)
        year_model.objects.bulk_create(
            [year_model(area_code=code, year=year, **counts) for (code, year), counts in years.items()],
            batch_size=CHUNK,
        )
        written += len(years)
        codes = _resident_codes(person_model)
        for start in range(0, len(codes), CHUNK):
            fresh = live_participants(codes[start : start + CHUNK], attendance_model=attendance_model)
            rows = [
                participant_model(area_code=code, year=year, reach_code=reach, born=born, persons=n)
                for (code, year), counts in fresh.items()
                for (reach, born), n in counts.items()
            ]
            participant_model.objects.bulk_create(rows, batch_size=CHUNK)
            written += len(rows)
    return written


def differences() -> list[str]:
    """Every row that differs from the live records, described; empty when all are exact (rows at 0 are no
    difference: a lock row, or what a group kept after its last event went)."""
    problems = []
    stored = {(t.area_code, t.year): t for t in YearTally.objects.all()}
    fresh = live_years(None)
    for key in sorted(set(stored) | set(fresh)):
        counts = fresh.get(key, dict.fromkeys(YEAR_FIELDS, 0))
        row = stored.get(key)
        for field in YEAR_FIELDS:
            have = getattr(row, field) if row else 0
            if have != counts[field]:
                problems.append(f"gotong royong {key[0]} {key[1]}: {field} {have} ≠ {counts[field]}")
    stored_people: dict[tuple, int] = {}
    for code, year, reach, born, n in ParticipantTally.objects.filter(persons__gt=0).values_list(
        "area_code", "year", "reach_code", "born", "persons"
    ):
        stored_people[(code, year, reach, born)] = n
    live_people = {
        (code, year, reach, born): n
        for (code, year), counts in live_participants(None).items()
        for (reach, born), n in counts.items()
    }
    for key in sorted(set(stored_people) | set(live_people)):
        have, want = stored_people.get(key, 0), live_people.get(key, 0)
        if have != want:
            problems.append(f"peserta gotong royong {key[0]} {key[1]} ({key[2]}, {key[3]}): {have} ≠ {want}")
    return problems


# --- reading ------------------------------------------------------------------------------------------------


def serves(user, code: str) -> bool:
    """True when the tallies give `user` the same numbers as the live records for area `code`: the user sees
    every event and every resident inside it (`activities.view` and `registry.view` reach the whole area, as
    `ScopedQuerySet.reached_by` reads an area reach). An organisation's officers or members, who see their own
    organisation's events, and anyone seeing part of the area keep the live count."""
    for capability in ("activities.view", "registry.view"):
        reached = reaches(user, capability)
        if not (reached.everything or code_inside(code, reached.area_codes | reached.organization_area_codes)):
            return False
    return True


def year_totals(code: str, year: int) -> dict:
    """Events, guests, attendance rows and hours of the events held inside area `code` in `year`."""
    rows = YearTally.objects.filter(year=year).filter(area_code_filter([code]))
    totals = rows.aggregate(**{field: Sum(field) for field in YEAR_FIELDS})
    return {field: value or 0 for field, value in totals.items()}


def adults_took_part(code: str, year: int, born_by: datetime.date) -> int:
    """Residents of area `code` born on or before `born_by` (a day of `year` − 17) who attended an event held
    inside it in `year`, each once."""
    rows = ParticipantTally.objects.filter(year=year, born__lte=born_by).filter(area_code_filter([code], "reach_code"))
    return rows.aggregate(n=Sum("persons"))["n"] or 0
