"""Stage 5, intermediate outcomes or "small wins" (Ansell & Gash 2008, p. 561: concrete, tangible outcomes that
feed back into trust and commitment; the seed (004): concrete roads (APBN) and RTLH repairs (APBD) in 2018, slum
area 18.92 → 4.66 ha). One function per indicator."""

import datetime
from decimal import Decimal

from django.db.models import Sum

from gotong.collaboration.health.period import Period
from gotong.collaboration.health.scope import Collaboration
from gotong.collaboration.models import BudgetSource, ProjectStatus
from gotong.collaboration.services.targets import target_status, with_current_values
from gotong.slums.services import latest_assessment


def done_in(projects, period: Period):
    """Of `projects`, those marked done whose year falls within the period's years (projects are recorded by
    year)."""
    return projects.filter(status=ProjectStatus.DONE, year__range=(period.start.year, period.end.year))


def projects_done(collab: Collaboration, period: Period) -> dict:
    """Projects marked done whose year falls within the period's years (projects are recorded by year), with
    their budgets summed by funding source (APBN, APBD, village fund, swadaya, CSR)."""
    done = done_in(collab.projects(), period)
    sums = dict(
        collab.budgets()
        .filter(project__in=done)
        .values("source")
        .annotate(total=Sum("amount_rupiah"))
        .values_list("source", "total")
    )
    by_source = [(source, sums[source.value]) for source in BudgetSource if sums.get(source.value)]
    return {"count": done.count(), "by_source": by_source, "total_rupiah": sum(sums.values())}


def _slum_ha_on(location, day: datetime.date) -> Decimal | None:
    """The slum area of a location as known on `day`: its latest assessment by then, else its decree area once
    decreed (an undated decree counts from the start). Reads `location.assessments.all()`: prefetch them."""
    latest = latest_assessment(location, on=day)
    if latest is not None:
        return latest.affected_area_ha
    if location.decree_date is None or location.decree_date <= day:
        return location.area_ha
    return None


def slum_change(location, period: Period) -> tuple[Decimal, Decimal] | None:
    """One location's hectares of slum gone within the period and left at its end (`slum_hectares_reduced`);
    None for a location not yet decreed at the period's end."""
    after = _slum_ha_on(location, period.end)
    if after is None:
        return None
    before = _slum_ha_on(location, period.start - datetime.timedelta(days=1))
    return (location.area_ha if before is None else before) - after, after


def with_assessments(locations):
    """Slum locations with their assessments read in one more query (what `slum_change` reads)."""
    return locations.prefetch_related("assessments")


def slum_hectares_reduced(collab: Collaboration, period: Period) -> dict:
    """Hectares of slum gone within the period, from the slum assessments (Permen PUPR 14/2018): per location,
    its slum area known on the day before the period (or, for a location decreed within the period, its decree
    area) minus that known at the period's end, summed; with the area left at the end."""
    reduced, left = Decimal(0), Decimal(0)
    for location in with_assessments(collab.slum_locations()):
        change = slum_change(location, period)
        if change is not None:
            reduced += change[0]
            left += change[1]
    return {"reduced_ha": reduced, "left_ha": left}


def target_timeline(collab: Collaboration, period: Period, today: datetime.date) -> list[dict]:
    """Each shared target's progress from baseline toward its value, against the time passed from its baseline
    year to its target year (`services.targets.target_status`), judged at the period's end."""
    as_of = period.as_of(today)
    return [
        {"target": target, **target_status(target, as_of)}
        for target in with_current_values(collab.targets()).order_by("target_year", "title")
    ]
