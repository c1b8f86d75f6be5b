"""Synthetic gotong royong: a monthly kerja bakti in every RT, and who of its households came.

Field study (seed 000, "Peran Gotong Royong dalam Mengatasi Kemiskinan Perkotaan"): "biasanya warga dalam satu
bulan sekali minimal pasti melakukan gotong royong", most often for cleanliness — so each RT holds one event a
month, mostly kerja bakti kebersihan, on a Sunday morning, and the Independence Day clean-up and planting in
their months. A household sends one adult (17+, the age of a KTP, as `activities.stats`) with probability
HOUSEHOLD_SHARE, sometimes a second; everyone present is credited the event's hours, as `record_attendance` does
for a ticked resident. The rows go in by COPY, past the signals: the yearly tallies of the areas written here are
recounted afterwards (`gotong.activities.tallies`), as `record_attendance` would have done.
"""

import random
from datetime import date, timedelta
from decimal import Decimal
from itertools import groupby

from gotong.activities import tallies
from gotong.activities.models import EventKind
from gotong.bench.synthetic.modules import new_uuid, stamp
from gotong.registry.models import Person

HOUSEHOLD_SHARE = 0.35  # households represented at a monthly kerja bakti
SECOND_ADULT = 0.1  # of those, households that send two
ADULT_DAYS = 17 * 365 + 4  # 17 years, leap days included
START = "07:00:00"  # a time as text: what both COPY and SQLite store for a TimeField
# Month → (kind, title): August's Independence Day clean-up, planting at the start of the rainy season.
SPECIAL = {8: (EventKind.NATIONAL_DAY, "Kerja bakti menyambut HUT RI"), 11: (EventKind.PLANTING, "Menanam pohon")}
ORDINARY = (EventKind.CLEAN_UP, "Kerja bakti kebersihan lingkungan")
PLACES = ("Balai warga", "Musala", "Pos ronda", "Sepanjang selokan", "Lapangan")


def generate(sink, units, *, seed: int, persons_from: int, window) -> None:
    rng = random.Random(f"{seed}-activities")
    rt_ids = {code: area_id for area_id, code in units.values()}
    residents = (
        Person.objects.filter(id__gte=persons_from)
        .order_by("area_code", "household_id", "id")
        .values_list("area_code", "household_id", "id", "birth_date")
    )
    written = []
    for code, rows in groupby(residents.iterator(chunk_size=10_000), key=lambda row: row[0]):
        if code not in rt_ids:
            continue  # a household placed in its village only (no RT): nobody organises its kerja bakti
        households = [[(pk, born) for _c, _h, pk, born in members] for _h, members in groupby(rows, lambda r: r[1])]
        for month in window.months:
            _event(sink, code, rt_ids[code], households, month, rng)
        written.append(code)
    sink.flush()
    # Events are held in their RT and attended by its own residents: the same (area, year) groups on both sides.
    groups = [(code, year) for code in written for year in sorted({month.year for month in window.months})]
    tallies.refresh_years(groups)
    tallies.refresh_participants(groups)


def _sunday(month: date, rng) -> date:
    first = month + timedelta(days=(6 - month.weekday()) % 7)
    return first + timedelta(weeks=rng.randint(0, 3))


def _event(sink, code: str, area_id: int, households, month: date, rng) -> None:
    kind, title = SPECIAL.get(month.month, ORDINARY)
    held_on = _sunday(month, rng)
    hours = Decimal(rng.choice(("2.0", "2.0", "3.0")))
    guests = rng.choice((0, 0, 0, 2, 5))
    pk, made = sink.new_id("activities.Event"), stamp(held_on)
    sink.add("activities.Event", (
        pk, made, made, new_uuid(rng), code, title, kind, held_on, START, hours, area_id, None, rng.choice(PLACES),
        "", guests, hours * guests,
    ))  # fmt: skip
    adult_by = held_on - timedelta(days=ADULT_DAYS)
    for members in households:
        if rng.random() >= HOUSEHOLD_SHARE:
            continue
        adults = [person for person, born in members if born <= adult_by]
        if not adults:
            continue
        count = 2 if len(adults) > 1 and rng.random() < SECOND_ADULT else 1
        for person in rng.sample(adults, count):
            sink.add(
                "activities.Attendance", (sink.new_id("activities.Attendance"), made, made, code, pk, person, hours)
            )
