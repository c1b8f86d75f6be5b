"""Progress toward "0 % kumuh" (KOTAKU 100-0-100): slum area at baseline vs latest, per location and city.

A location not yet assessed counts with its decree area both at baseline and now (the decree is the first
measurement we have). The yearly series carries each location's last known figure forward.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from gotong.core.area_codes import city_code
from gotong.core.charts import GREEN, figure_png, new_figure
from gotong.slums.services import pick_baseline_and_latest


@dataclass
class Progress:
    baseline_ha: Decimal = Decimal(0)
    latest_ha: Decimal = Decimal(0)
    decree_ha: Decimal = Decimal(0)
    locations: int = 0
    assessed: int = 0
    series: dict = field(default_factory=dict)  # year -> ha remaining

    @property
    def reduced_ha(self) -> Decimal:
        return self.baseline_ha - self.latest_ha

    @property
    def reduced_percent(self) -> Decimal | None:
        if not self.baseline_ha:
            return None
        return (Decimal(100) * self.reduced_ha / self.baseline_ha).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def location_progress(location) -> Progress:
    """Expects `location.assessments` prefetched (or it queries once)."""
    assessments = sorted(location.assessments.all(), key=lambda a: (a.assessed_on, a.pk))
    baseline, latest = pick_baseline_and_latest(assessments)
    current = latest or baseline
    result = Progress(
        baseline_ha=baseline.affected_area_ha if baseline else location.area_ha,
        latest_ha=current.affected_area_ha if current else location.area_ha,
        decree_ha=location.area_ha,
        locations=1,
        assessed=1 if baseline else 0,
    )
    for assessment in assessments:
        result.series[assessment.assessed_on.year] = assessment.affected_area_ha  # the year's last one wins
    if location.decree_date and location.decree_date.year not in result.series:
        first = min(result.series, default=None)
        if first is None or location.decree_date.year < first:
            result.series[location.decree_date.year] = location.area_ha
    return result


def yearly_remaining(progresses) -> dict:
    """Sum over locations of the area still slum at the end of each year, carrying last figures forward."""
    years = sorted({year for p in progresses for year in p.series})
    totals = {}
    for year in years:
        total = Decimal(0)
        for progress in progresses:
            known = [y for y in progress.series if y <= year]
            if known:
                total += progress.series[max(known)]
            else:
                total += progress.baseline_ha  # not yet measured: counted as at baseline
        totals[year] = total
    return totals


def city_progress(locations) -> dict[str, Progress]:
    """City code -> summed Progress over the given (scoped) locations."""
    cities = defaultdict(Progress)
    per_location = defaultdict(list)
    for location in locations:
        one = location_progress(location)
        city = cities[city_code(location.area_code)]
        city.baseline_ha += one.baseline_ha
        city.latest_ha += one.latest_ha
        city.decree_ha += one.decree_ha
        city.locations += 1
        city.assessed += one.assessed
        per_location[city_code(location.area_code)].append(one)
    for code, city in cities.items():
        city.series = yearly_remaining(per_location[code])
    return dict(cities)


def remaining_chart_png(series_by_name: dict[str, dict]) -> bytes | None:
    """Line chart of slum hectares remaining per year, one line per city; None when there is nothing to draw."""
    drawable = {name: series for name, series in series_by_name.items() if len(series) >= 1}
    if not drawable:
        return None
    figure = new_figure(6.0, 3.0)
    axes = figure.add_subplot()
    for index, (name, series) in enumerate(sorted(drawable.items())):
        years = sorted(series)
        axes.plot(years, [float(series[y]) for y in years], marker="o", label=name, color=GREEN if index == 0 else None)
    axes.set_ylim(bottom=0)
    axes.set_xlabel(_("Tahun"))
    axes.set_ylabel(_("Luas kumuh tersisa (ha)"))
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.grid(alpha=0.3)
    axes.legend(fontsize="small")
    return figure_png(figure)
