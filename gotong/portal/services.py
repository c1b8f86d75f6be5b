"""Public figures for the transparency portal: aggregates only, read from the base managers (no user).

Nothing here returns a name, NIK or health value of a person. Counts of persons or households go through
`gotong.portal.suppression`; money, hectares and organisations are public and shown in full.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Max, Sum
from django.db.models.functions import Substr
from django.utils.translation import gettext as _

from gotong.areas.models import Area, Level
from gotong.core.area_codes import city_code, village_code
from gotong.core.scoping import area_code_filter
from gotong.portal import suppression
from gotong.portal.suppression import Line

DECILE_UNKNOWN = "none"


def inside(code: str):
    return area_code_filter([code])


def public_area(code: str) -> Area | None:
    """Only cities and villages have a portal page."""
    return Area.objects.filter(code=code, level__in=(Level.REGENCY, Level.VILLAGE)).first()


def cities_with_data() -> list[dict]:
    """Every city holding households, slum locations or projects, with its rounded household count."""
    from gotong.collaboration.models import Project
    from gotong.dashboards.models import AreaTally
    from gotong.slums.models import SlumLocation

    households = {city_code(c) for c in AreaTally.objects.values_list("area_code", flat=True)}
    slum_ha: dict[str, Decimal] = defaultdict(Decimal)
    for row in SlumLocation.objects.values("area_code").annotate(ha=Sum("area_ha")):
        slum_ha[city_code(row["area_code"])] += row["ha"]
    projects = Counter()
    for row in Project.objects.values("area_code").annotate(n=Count("pk")):
        projects[city_code(row["area_code"])] += row["n"]
    codes = set(households) | set(slum_ha) | set(projects)
    names = dict(Area.objects.filter(code__in=codes, level=Level.REGENCY).values_list("code", "name"))
    return [
        {
            "code": code,
            "name": names[code],
            "households": city_tables(code)["households"][CITY],
            "slum_ha": slum_ha.get(code),
            "projects": projects[code],
        }
        for code in sorted(names, key=names.get)
    ]


CITY = "city"
DECILES = (*range(1, 11), DECILE_UNKNOWN)


def city_tables(code: str) -> dict:
    """One protected set of lines per city, read by the city page, its villages' pages and the home page alike.

    Households by village and by welfare decile (both adding up to the city's households) and persons by
    village. Deciles are published for the whole city only: a village × decile table would add column lines
    that let an outsider combine rows and columns (see `suppression`). If the city total itself has to be
    hidden, the decile breakdown is hidden whole, so the two breakdowns never meet over an unknown total.
    """
    from gotong.dashboards.models import DECILE_FIELDS, AreaTally

    # The pre-aggregated tallies (one row per RT) hold exactly the registry's counts; see gotong.dashboards.
    # Summed per village in the database: a village code is always 13 characters (PP.KK.CC.VVVV).
    by_village, by_decile, persons = Counter(), Counter(), Counter()
    sums = {field: Sum(field) for field in ("households", "persons", *DECILE_FIELDS)}
    rows = AreaTally.objects.filter(inside(code)).values(village=Substr("area_code", 1, 13)).annotate(**sums)
    for row in rows.order_by():
        village = row["village"]
        by_village[village] += row["households"]
        persons[village] += row["persons"]
        known = 0
        for decile in range(1, 11):
            by_decile[decile] += row[f"decile_{decile}"]
            known += row[f"decile_{decile}"]
        by_decile[DECILE_UNKNOWN] += row["households"] - known
    villages = sorted(set(by_village) | set(persons))

    households = suppression.protect(
        {v: by_village[v] for v in villages} | {CITY: sum(by_village.values())}, [Line(CITY, tuple(villages))]
    )
    deciles = suppression.protect(
        {d: by_decile[d] for d in DECILES} | {CITY: sum(by_decile.values())}, [Line(CITY, DECILES)]
    )
    if households[CITY].hidden or deciles[CITY].hidden:
        households[CITY] = households[CITY] if households[CITY].hidden else deciles[CITY]
        deciles = {d: suppression.Cell(None, suppression.HIDDEN, hidden=True, complementary=True) for d in DECILES}
    people = {v: persons[v] for v in villages} | {CITY: sum(persons.values())}
    return {
        "villages": villages,
        "households": households,
        "deciles": deciles,
        "persons": suppression.protect(people, [Line(CITY, tuple(villages))]),
    }


def population(area: Area, tables: dict | None = None) -> dict:
    """Households and persons in the area; for a city also by village and by welfare decile."""
    tables = tables or city_tables(city_code(area.code))
    row = CITY if area.level == Level.REGENCY else area.code
    if row != CITY and row not in tables["villages"]:
        empty = suppression.publish_count(0)
        return {"households": empty, "persons": empty, "deciles": None, "villages": []}
    result = {
        "households": tables["households"][row],
        "persons": tables["persons"][row],
        "deciles": None,
        "villages": [],
    }
    if row == CITY:
        result["deciles"] = {d: tables["deciles"][d] for d in DECILES}
        names = dict(Area.objects.filter(code__in=tables["villages"]).values_list("code", "name"))
        result["villages"] = sorted(
            (
                {
                    "code": v,
                    "name": names.get(v, v),
                    "households": tables["households"][v],
                    "persons": tables["persons"][v],
                }
                for v in tables["villages"]
            ),
            key=lambda r: r["name"],
        )
    return result


def slum_locations(area: Area) -> dict:
    """Slum locations by decree with decree, baseline and latest hectares (places, not people)."""
    from gotong.slums.models import SlumLocation
    from gotong.slums.progress import location_progress

    rows, totals = [], {"decree": Decimal(0), "baseline": Decimal(0), "latest": Decimal(0)}
    locations = SlumLocation.objects.filter(inside(area.code)).select_related("village").prefetch_related("assessments")
    for location in locations:
        progress = location_progress(location)
        rows.append({"name": location.name, "village": location.village.name, "progress": progress})
        totals["decree"] += progress.decree_ha
        totals["baseline"] += progress.baseline_ha
        totals["latest"] += progress.latest_ha
    return {"rows": rows, "totals": totals if rows else None}


def projects(area: Area) -> dict:
    """Projects by kind and budgets by funding source: public money, shown in full."""
    from gotong.collaboration.models import BudgetSource, Project, ProjectBudget, ProjectKind, ProjectStatus

    by_source = dict(
        ProjectBudget.objects.filter(inside(area.code))
        .values("source")
        .annotate(total=Sum("amount_rupiah"))
        .values_list("source", "total")
    )
    kinds = dict(ProjectKind.choices)
    statuses = dict(ProjectStatus.choices)
    by_kind = []
    for row in Project.objects.filter(inside(area.code)).values("kind").annotate(n=Count("pk")).order_by("kind"):
        budget = (
            ProjectBudget.objects.filter(inside(area.code), project__kind=row["kind"]).aggregate(t=Sum("amount_rupiah"))
        )["t"] or 0
        by_kind.append({"kind": kinds.get(row["kind"], row["kind"]), "count": row["n"], "budget": budget})
    by_status = [
        {"status": statuses.get(row["status"], row["status"]), "count": row["n"]}
        for row in Project.objects.filter(inside(area.code)).values("status").annotate(n=Count("pk")).order_by("status")
    ]
    return {
        "by_source": [
            {"source": label, "total": by_source[key]} for key, label in BudgetSource.choices if key in by_source
        ],
        "total": sum(by_source.values()),
        "by_kind": by_kind,
        "by_status": by_status,
    }


def commitments(area: Area, today: datetime.date | None = None) -> list[dict]:
    """Per organisation: commitments made in the area and the share kept on time."""
    from gotong.collaboration.models import Commitment
    from gotong.collaboration.services import commitment_figures_by_actor
    from gotong.organizations.models import Organization

    figures = commitment_figures_by_actor(Commitment.objects.filter(inside(area.code)), today)
    return [
        {"organization": org.name, **figures[org.pk]}
        for org in Organization.objects.filter(pk__in=list(figures)).order_by("name")
    ]


def gotong_royong(area: Area) -> dict:
    """Events held and hours worked together (registered attendance plus unregistered guests)."""
    from gotong.activities.models import Attendance, Event

    events = Event.objects.filter(inside(area.code))
    totals = events.aggregate(n=Count("pk"), guest_hours=Sum("guest_hours"), last=Max("held_on"))
    hours = Attendance.objects.filter(inside(area.code)).aggregate(h=Sum("hours"))["h"] or Decimal(0)
    hours += totals["guest_hours"] or Decimal(0)
    return {"events": totals["n"], "hours": int(hours.quantize(Decimal(1))), "last": totals["last"]}


def waste_banks(area: Area) -> list[dict]:
    """Kilograms deposited per waste bank; the amount is shown only when at least 5 members deposited."""
    from gotong.wastebank.models import WasteBank
    from gotong.wastebank.tallies import bank_totals

    rows = []
    banks = list(WasteBank.objects.filter(inside(area.code)).select_related("organization"))
    # One row per bank from the tallies (exact, and not a scan of every deposit); absent without deposits.
    totals = bank_totals(banks)
    for bank in banks:
        figures = totals.get(bank.pk, {"grams": None, "members": 0})
        enough = figures["members"] >= suppression.THRESHOLD
        rows.append(
            {
                "name": bank.organization.name,
                "depositors": suppression.publish_count(figures["members"]),
                "kg": (Decimal(figures["grams"] or 0) / 1000).quantize(Decimal(1)) if enough else None,
            }
        )
    return rows


def treasuries(area: Area, today: datetime.date | None = None) -> list[dict]:
    """Community treasuries' public totals; savings and loans only when at least 5 members hold them."""
    from gotong.organizations.models import Organization
    from gotong.treasury.models import CashEntry, Member
    from gotong.treasury.services import public_summaries

    with_books = set(CashEntry.objects.filter(inside(area.code)).values_list("organization", flat=True).distinct())
    with_books |= set(Member.objects.filter(inside(area.code)).values_list("organization", flat=True).distinct())
    rows = []
    organizations = list(Organization.objects.filter(pk__in=with_books).order_by("name"))
    summaries = public_summaries(organizations, today=today)
    for org in organizations:
        summary = summaries[org.pk]
        # A savings or loan total over fewer than 5 members would be one member's balance.
        summary["show_savings"] = summary["member_count"] is not None
        summary["show_loans"] = summary["loan_count"] is not None
        rows.append(summary)
    return rows


@dataclass
class VillageParticipation:
    name: str
    rate: Decimal | None
    posyandus: int = 0
    enough: bool = False


def posyandu_participation(area: Area) -> dict:
    """D/S per village for the latest month with weighings, shown only when S ≥ 5. No other health figure."""
    from gotong.organizations.models import Organization, OrganizationKind
    from gotong.posyandu import skdn
    from gotong.posyandu.models import MonthTally

    month = MonthTally.objects.filter(inside(area.code), d__gt=0).aggregate(m=Max("month"))["m"]
    if month is None:
        return {"month": None, "villages": []}
    posyandus = Organization.objects.filter(inside(area.code), kind=OrganizationKind.POSYANDU)
    totals: dict[str, skdn.Skdn] = {}
    counts = Counter()
    for row in skdn.for_posyandus(posyandus, month).values():
        code = village_code(row.code)
        totals.setdefault(code, skdn.Skdn(label=code)).add(row)
        counts[code] += 1
    names = dict(Area.objects.filter(code__in=totals).values_list("code", "name"))
    villages = [
        VillageParticipation(
            name=names.get(code, code),
            rate=suppression.publish_rate(total.d, total.s),
            posyandus=counts[code],
            enough=total.s >= suppression.THRESHOLD,
        )
        for code, total in sorted(totals.items(), key=lambda item: names.get(item[0], item[0]))
    ]
    return {"month": month, "villages": villages, "target": skdn.D_S_TARGET_PERCENT}


def _collaboration_health(area: Area, today: datetime.date | None) -> list[dict]:
    from gotong.collaboration.health.public import collaboration_health

    return collaboration_health(area, today)


def _partners(area: Area) -> list:
    from gotong.collaboration.services.public_partners import public_partners

    return public_partners(area)


def area_profile(area: Area, today: datetime.date | None = None) -> dict:
    from gotong.participation.services.aspiration_figures import aspiration_figures
    from gotong.participation.services.planning_public import chosen_proposals

    return {
        "aspirations": aspiration_figures(area),
        "population": population(area),
        "slums": slum_locations(area),
        "projects": projects(area),
        "commitments": commitments(area, today),
        "gotong_royong": gotong_royong(area),
        "waste_banks": waste_banks(area),
        "treasuries": treasuries(area, today),
        "posyandu": posyandu_participation(area),
        "collaboration_health": _collaboration_health(area, today),
        "partners": _partners(area),
        "proposals": chosen_proposals(area),
        "unknown_decile_label": _("belum dinilai"),
    }
