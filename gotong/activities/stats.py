"""Numbers about gotong royong: the rupiah value of labour and the participation rate per RT per month.

- Labour value = hours × (UMK ÷ hours per month), rounded to whole rupiah once per event (half up).
- Participation rate of an RT in a month = adult residents of that RT (registry, aged 17 or more at the end of
  the month: the age of a KTP) who attended at least one gotong royong that month ÷ all adult residents of the
  RT. The registry has no moving-in dates, so today's residents are the base for every month.
"""

import calendar
import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, Sum

from gotong.activities.models import Attendance, Event, WageRate
from gotong.areas.models import Area, Level
from gotong.registry.models import Person

ADULT_AGE = 17


@dataclass(frozen=True)
class RateChoice:
    rate: WageRate | None
    is_fallback: bool  # the year's UMK is missing: the latest earlier year is used

    @property
    def hourly(self) -> Decimal | None:
        if self.rate is None:
            return None
        return Decimal(self.rate.monthly_wage) / Decimal(self.rate.labour_divisor)


def wage_rate_for(city_code: str, year: int) -> RateChoice:
    rate = WageRate.objects.filter(city_code=city_code, year__lte=year).order_by("-year").first()
    return RateChoice(rate, rate is not None and rate.year != year)


def labour_value(hours, rate: WageRate | None) -> int | None:
    if rate is None:
        return None
    value = Decimal(hours) * Decimal(rate.monthly_wage) / Decimal(rate.labour_divisor)
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class EventSummary:
    attendees: int
    registered_hours: Decimal
    guests: int
    guest_hours: Decimal
    rate: RateChoice
    labour_value: int | None
    in_kind_value: int

    @property
    def people(self) -> int:
        return self.attendees + self.guests

    @property
    def total_hours(self) -> Decimal:
        return self.registered_hours + self.guest_hours

    @property
    def total_value(self) -> int | None:
        return None if self.labour_value is None else self.labour_value + self.in_kind_value


def event_summary(event: Event) -> EventSummary:
    totals = event.attendance.aggregate(hours=Sum("hours"))
    hours = totals["hours"] or Decimal(0)
    rate = wage_rate_for(event.city_code, event.held_on.year)
    in_kind = event.contributions.aggregate(value=Sum("estimated_value"))["value"] or 0
    return EventSummary(
        attendees=event.attendance.count(),
        registered_hours=hours,
        guests=event.guests,
        guest_hours=event.guest_hours,
        rate=rate,
        labour_value=labour_value(hours + event.guest_hours, rate.rate),
        in_kind_value=in_kind,
    )


def month_starts(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    months, day = [], first.replace(day=1)
    while day <= last:
        months.append(day)
        day = (day + datetime.timedelta(days=32)).replace(day=1)
    return months


def _month_end(month: datetime.date) -> datetime.date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


@dataclass
class RtParticipation:
    area: Area
    cells: list  # one (adults, attendees, percent or None) per month


def adult_cutoff(day: datetime.date) -> datetime.date:
    """The latest birth date of someone aged ADULT_AGE or more on `day` (born 29 February: 17 on 1 March of a
    common year)."""
    year = day.year - ADULT_AGE
    if (day.month, day.day) == (2, 29) and not calendar.isleap(year):
        return datetime.date(year, 2, 28)
    return day.replace(year=year)


def participation_by_rt(events, months: list[datetime.date]) -> list[RtParticipation]:
    """Participation per RT for the RTs whose residents attended any of `events` (already scoped) in `months`.

    Counted in the database, one query for who came in every month and one for the adults of every RT shown: a city's
    page covers hundreds of RTs and a quarter of a million residents, which Python used to read row by row (19 s on
    the 230,000-person benchmark city)."""
    if not months:
        return []
    cutoffs = [adult_cutoff(_month_end(month)) for month in months]
    # One pass over the attendance of all the months (each month's count filtered to its own days and adults)
    # instead of one query per month, each joining that month's attendance to its events and residents again.
    came = (
        Attendance.objects.filter(
            event__in=events,
            event__held_on__range=(months[0], _month_end(months[-1])),
            person__birth_date__lte=max(cutoffs),
        )
        .order_by()
        .values("person__area_code")
        .annotate(
            **{
                f"m{index}": Count(
                    "person_id",
                    distinct=True,
                    filter=Q(event__held_on__range=(month, _month_end(month)), person__birth_date__lte=cutoff),
                )
                for index, (month, cutoff) in enumerate(zip(months, cutoffs, strict=True))
            }
        )
    )
    attended: dict[tuple[str, datetime.date], int] = {}
    for row in came:
        for index, month in enumerate(months):
            if row[f"m{index}"]:
                attended[(row["person__area_code"], month)] = row[f"m{index}"]
    rt_codes = sorted({code for code, _month in attended})
    # The table names each RT with its RW and kelurahan: fetch the parent with it (one query, not one per RT).
    rts = {a.code: a for a in Area.objects.filter(code__in=rt_codes, level=Level.RT).select_related("parent__parent")}
    adults_by_rt = _adults_from_tallies(list(rts), cutoffs)
    if adults_by_rt is None:
        adults_by_rt = {
            row["area_code"]: row
            for row in Person.objects.filter(area_code__in=list(rts))
            .order_by()
            .values("area_code")
            .annotate(**{f"m{i}": Count("id", filter=Q(birth_date__lte=c)) for i, c in enumerate(cutoffs)})
        }
    result = []
    for code in sorted(rts):
        cells = []
        for index, month in enumerate(months):
            adults = adults_by_rt.get(code, {}).get(f"m{index}", 0)
            came = attended.get((code, month), 0)
            percent = None if not adults else (Decimal(100 * came) / adults).quantize(Decimal("0.1"), ROUND_HALF_UP)
            cells.append((adults, came, percent))
        result.append(RtParticipation(rts[code], cells))
    return result


def _adults_from_tallies(codes: list[str], cutoffs: list[datetime.date]) -> dict[str, dict] | None:
    """{RT code: {"m0": adults born by cutoffs[0], …}} from the registry tallies (`gotong.dashboards.aggregates`:
    `AreaTally.born_before_adult_year` + `AreaBirths.adult_year_birthdays`), without reading a city's residents
    (a scan of 300,000 persons on Medan). Exact only when every cutoff lies in the tallies' `adult_year` (a window
    inside one year; one reaching into last year, an RT without a tally or a tally not recounted since the year
    turned returns None, and the residents are counted)."""
    from gotong.dashboards.models import AreaBirths, AreaTally

    years = {cutoff.year for cutoff in cutoffs}
    if len(years) != 1:
        return None
    [year] = years
    rows = AreaTally.objects.filter(area_code__in=codes).values_list(
        "area_code", "adult_year", "born_before_adult_year"
    )
    before = {}
    for code, adult_year, born_before in rows:
        if adult_year != year:
            return None
        before[code] = born_before
    if len(before) != len(set(codes)):
        return None  # every RT shown has residents (they came): its tally is missing
    days = [cutoff.strftime("%m%d") for cutoff in cutoffs]
    result = {code: {f"m{i}": n for i in range(len(cutoffs))} for code, n in before.items()}
    for code, birthdays in AreaBirths.objects.filter(area_code__in=list(before)).values_list(
        "area_code", "adult_year_birthdays"
    ):
        for index, day in enumerate(days):
            result[code][f"m{index}"] += sum(n for born, n in birthdays.items() if born <= day)
    return result


def participation_chart_png(table: list[RtParticipation], months: list[datetime.date]) -> bytes | None:
    from gotong.core.charts import GREEN, figure_png, new_figure

    if not table:
        return None
    figure = new_figure(6.0, 3.0)
    axes = figure.add_subplot()
    labels = [m.strftime("%m/%y") for m in months]
    colours = [GREEN, "#0d6efd", "#fd7e14", "#6f42c1", "#d63384", "#20c997"]
    for index, row in enumerate(table[:6]):
        values = [float(c[2]) if c[2] is not None else None for c in row.cells]
        name = f"{row.area.name} / {row.area.parent.name if row.area.parent else ''}"
        axes.plot(range(len(labels)), [v if v is not None else float("nan") for v in values], marker="o",
                  color=colours[index % len(colours)], label=name)  # fmt: skip
    axes.set_xticks(range(len(labels)), labels)
    axes.set_ylim(0, 100)
    axes.set_ylabel("%")
    axes.tick_params(axis="x", labelsize=7, rotation=45)
    axes.legend(fontsize=7, loc="lower left")
    axes.grid(alpha=0.3)
    return figure_png(figure)
