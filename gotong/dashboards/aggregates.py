"""Keep `AreaTally` exactly equal to the registry, and read it.

Contract: any code that writes households or persons without `Model.save()` / `delete()` (bulk loads, COPY,
queryset updates) calls `refresh_areas(codes)` with every household area code it touched, inside its
transaction. Saves and deletes through the ORM are covered by the signal handlers in `gotong.dashboards.signals`.

Each touched row is recomputed from the live rows (never incremented), after locking it: two transactions
touching the same RT then run one after the other, and the second counts what the first committed.
"""

import datetime
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone

from gotong.dashboards.models import DECILE_FIELDS, AreaBirths, AreaTally
from gotong.registry.choices import Disability
from gotong.registry.models import Household, Person

COUNT_FIELDS = ("households", "pkh", "bpnt", *DECILE_FIELDS, "persons", "female", "with_disability")
ADULT_FIELDS = ("adult_year", "born_before_adult_year")
TALLY_FIELDS = (*COUNT_FIELDS, *ADULT_FIELDS)
BIRTH_FIELDS = ("birth_years", "adult_year_birthdays")
ADULT_AGE = 17  # the age of a KTP, as in gotong.activities.stats
# Codes refreshed together. Larger chunks were faster on PostgreSQL (its hash join scans every person once per
# chunk: 2,162 RTs of 320,000 persons in one chunk 2.5 s instead of 3.2 s) but held 65 MB more at once.
CHUNK = 500


def refresh_areas(codes: Iterable[str]) -> int:
    """Recompute the tallies of these household area codes; returns how many codes were refreshed."""
    wanted = sorted({code for code in codes if code})
    for start in range(0, len(wanted), CHUNK):
        _refresh_chunk(wanted[start : start + CHUNK])
    return len(wanted)


@transaction.atomic
def _refresh_chunk(codes: list[str]) -> None:
    # Make sure a row exists to lock (a concurrent insert of the same code waits here until the other commits).
    AreaTally.objects.bulk_create([AreaTally(area_code=code) for code in codes], ignore_conflicts=True)
    rows = {
        t.area_code: t for t in AreaTally.objects.select_for_update().filter(area_code__in=codes).order_by("area_code")
    }
    fresh = live_tallies(codes)
    for code, tally in rows.items():
        for field in TALLY_FIELDS:
            if code in fresh:
                setattr(tally, field, fresh[code][field])
    # INSERT … ON CONFLICT DO UPDATE on the locked rows: one plain statement, where bulk_update builds a CASE
    # expression per field and row (1.9 s of Python for 136 RTs in a profile of the bulk import).
    AreaTally.objects.bulk_create(
        [rows[c] for c in rows if c in fresh],
        update_conflicts=True,
        unique_fields=["area_code"],
        update_fields=TALLY_FIELDS,
        batch_size=CHUNK,
    )
    AreaTally.objects.filter(area_code__in=[c for c in rows if c not in fresh]).delete()
    AreaBirths.objects.filter(area_code__in=[c for c in codes if c not in fresh]).delete()
    AreaBirths.objects.bulk_create(
        [_births(code, counts) for code, counts in fresh.items()],
        update_conflicts=True,
        unique_fields=["area_code"],
        update_fields=BIRTH_FIELDS,
        batch_size=CHUNK,
    )


def _tally(code: str, counts: dict) -> AreaTally:
    return AreaTally(area_code=code, **{field: counts[field] for field in TALLY_FIELDS})


def _births(code: str, counts: dict) -> AreaBirths:
    return AreaBirths(area_code=code, **{field: counts[field] for field in BIRTH_FIELDS})


class BirthYear(ExtractYear):
    """The year of a date; on SQLite read from the stored ISO text (ExtractYear calls back into Python per row)."""

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.lhs)
        return f"CAST(substr({sql}, 1, 4) AS integer)", params


def live_tallies(codes: list[str] | None) -> dict[str, dict]:
    """What the tallies of these household area codes (None: all) should hold, counted from the registry.

    Persons are counted through their household's area code, not their own copy of it: a household that moves
    RT updates its members' copy after its own save, and the count must already be right at that point.
    """
    result: dict[str, dict] = {}
    households = Household.objects.all() if codes is None else Household.objects.filter(area_code__in=codes)
    persons = Person.objects.all() if codes is None else Person.objects.filter(household__area_code__in=codes)
    households = households.values("area_code").order_by()
    for row in households.annotate(
        households=Count("pk"),
        pkh=Count("pk", filter=Q(pkh_recipient=True)),
        bpnt=Count("pk", filter=Q(bpnt_recipient=True)),
        **{f"decile_{d}": Count("pk", filter=Q(welfare_decile=d)) for d in range(1, 11)},
    ):
        code = row.pop("area_code")
        result[code] = {**row, "persons": 0, "female": 0, "with_disability": 0, "birth_years": {}}
    persons = persons.values(code=F("household__area_code")).order_by()
    by_year = persons.annotate(
        year=BirthYear("birth_date"),
        n=Count("pk"),
        female=Count("pk", filter=Q(sex="P")),
        with_disability=Count("pk", filter=~Q(disability=Disability.NONE)),
    )
    # Tuples, not dicts: a city's RTs times a century of birth years is a lot of rows.
    for code, year, n, female, with_disability in by_year.values_list("code", "year", "n", "female", "with_disability"):
        tally = result[code]
        tally["persons"] += n
        tally["female"] += female
        tally["with_disability"] += with_disability
        tally["birth_years"][str(year)] = n
    adult_year = timezone.localdate().year - ADULT_AGE
    for tally in result.values():
        tally["adult_year"] = adult_year
        tally["born_before_adult_year"] = sum(n for year, n in tally["birth_years"].items() if int(year) < adult_year)
        tally["adult_year_birthdays"] = {}
    boundary = persons.filter(birth_date__year=adult_year).values("code", "birth_date").annotate(n=Count("pk"))
    for row in boundary:
        result[row["code"]]["adult_year_birthdays"][row["birth_date"].strftime("%m%d")] = row["n"]
    return result


def rebuild() -> int:
    """Recompute every tally from scratch (after a raw load or to repair); returns the number of rows."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"LOCK TABLE {AreaTally._meta.db_table} IN EXCLUSIVE MODE")
        fresh = live_tallies(None)
        AreaTally.objects.all().delete()
        AreaBirths.objects.all().delete()
        AreaTally.objects.bulk_create([_tally(code, counts) for code, counts in fresh.items()], batch_size=CHUNK)
        AreaBirths.objects.bulk_create([_births(code, counts) for code, counts in fresh.items()], batch_size=CHUNK)
    return len(fresh)


def differences() -> list[str]:
    """Every tally that differs from the live registry, described; empty when all are exact."""
    fresh = live_tallies(None)
    stored = {t.area_code: t for t in AreaTally.objects.all()}
    births = {b.area_code: b for b in AreaBirths.objects.all()}
    problems = []
    for code in sorted(set(fresh) | set(stored) | set(births)):
        tally, counts, born = stored.get(code), fresh.get(code), births.get(code)
        if counts is None:
            problems.append(f"{code}: rekap ada, padahal tidak ada rumah tangga")
            continue
        if tally is None or born is None:
            problems.append(f"{code}: tidak ada rekap, padahal ada {counts['households']} rumah tangga")
            continue
        for field in COUNT_FIELDS:
            if getattr(tally, field) != counts[field]:
                problems.append(f"{code}: {field} {getattr(tally, field)} ≠ {counts[field]}")
        if born.birth_years != counts["birth_years"]:
            problems.append(f"{code}: sebaran tahun lahir berbeda")
        # Rows counted in an earlier year are read through the slow exact path; only same-year rows must match.
        if tally.adult_year == counts["adult_year"] and (
            tally.born_before_adult_year != counts["born_before_adult_year"]
            or born.adult_year_birthdays != counts["adult_year_birthdays"]
        ):
            problems.append(f"{code}: hitungan warga dewasa berbeda")
    return problems


def summed(tallies) -> dict:
    """The counts of a (scoped, filtered) tally queryset added up."""
    totals = tallies.aggregate(**{field: Sum(field) for field in COUNT_FIELDS})
    return {field: value or 0 for field, value in totals.items()}


def adults(tallies, born_by: datetime.date) -> int:
    """Persons of these (scoped) tallies born on or before `born_by`, the day one turns adult this year.

    Rows counted this year answer from their columns; rows from an earlier year (before the yearly rebuild)
    from their birth years plus a count of the registry rows of the boundary year in those RTs only.
    """
    year, cutoff = born_by.year, born_by.strftime("%m%d")
    current = tallies.filter(adult_year=year)
    total = current.aggregate(n=Sum("born_before_adult_year"))["n"] or 0
    births = AreaBirths.objects.filter(area_code__in=current.values("area_code")).exclude(adult_year_birthdays={})
    for birthdays in births.values_list("adult_year_birthdays", flat=True):
        total += sum(n for day, n in birthdays.items() if day <= cutoff)
    stale = list(tallies.exclude(adult_year=year).values_list("area_code", flat=True))
    if stale:
        for years in AreaBirths.objects.filter(area_code__in=stale).values_list("birth_years", flat=True):
            total += sum(n for born, n in years.items() if int(born) < year)
        boundary = Person.objects.filter(
            household__area_code__in=stale, birth_date__gte=datetime.date(year, 1, 1), birth_date__lte=born_by
        )
        total += boundary.count()
    return total
