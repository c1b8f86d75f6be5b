"""Which areas a user may open on the dashboard, and how: from the reach of their `dashboards.view` grant.

Area workers and organisation officers open the areas that overlap their work areas (or their organisations'
areas) and see their own figures there. A grant of figures only (partners' aggregates, residents) opens the public
areas (cities and villages) and shows the public figures, suppressed as on the portal.
"""

from django.db.models.functions import Substr
from django.shortcuts import get_object_or_404

from gotong.areas.models import Area, Level
from gotong.core.area_codes import city_code, code_overlaps, village_code
from gotong.core.policy.decide import reaches
from gotong.dashboards.models import AreaTally, DashboardArea

VIEW = "dashboards.view"


class AreaByCode:
    """`target=` of the `/dasbor/<code>/` routes: the area with that code, looked up without scope (the policy
    answers 404 when it is outside what the user may open)."""

    def __call__(self, *, code):
        return get_object_or_404(DashboardArea, code=code)

    def samples(self):
        """Each city and its first village."""
        for city in Area.objects.filter(level=Level.REGENCY).order_by("code"):
            yield {"code": city.code}
            village = Area.objects.filter(level=Level.VILLAGE, code__startswith=f"{city.code}.").order_by("code")
            if first := village.values_list("code", flat=True).first():
                yield {"code": first}


by_code = AreaByCode()


def named_codes(user) -> list[str] | None:
    """The areas whose own figures the user reads (work areas, organisations' areas); None means everywhere."""
    reached = reaches(user, VIEW)
    if reached.everything:
        return None
    return sorted(reached.area_codes | reached.organization_area_codes)


def overlaps(user, code: str) -> bool:
    return code_overlaps(code, named_codes(user))


def figures_only(user, area) -> bool:
    """True when the user reads this area through the public figures only (outside any named reach)."""
    return not overlaps(user, area.code)


def area_or_404(user, code: str) -> Area:
    """The area, if the user may open it (a facilitator may open their city, seeing their part)."""
    return get_object_or_404(DashboardArea.objects.visible_to(user), code=code)


def cities_with_figures() -> list[Area]:
    """Cities holding registered households: what a figures-only user may pick."""
    codes = AreaTally.objects.annotate(city=Substr("area_code", 1, 5)).values_list("city", flat=True).distinct()
    return list(Area.objects.filter(level=Level.REGENCY, code__in=list(codes.order_by())).order_by("code"))


def choices(user) -> list[Area]:
    """The user's work areas and the cities they lie in; for an all-seeing user every city; for a figures-only
    user the cities with figures."""
    codes = named_codes(user)
    if codes is None:
        return list(Area.objects.filter(level=Level.REGENCY).order_by("code"))
    wanted = set(codes) | {city_code(code) for code in codes if code.count(".") >= 1}
    named = list(Area.objects.filter(code__in=wanted).order_by("code"))
    if named:
        return named
    return cities_with_figures() if reaches(user, VIEW) else []


def default_code(user) -> str | None:
    codes = named_codes(user)
    if codes is None:
        first = choices(user)
        return first[0].code if first else None
    if codes:
        return codes[0]
    # A resident opens the village of their own household.
    if reaches(user, VIEW).own and user.person_id and user.person.household_id:
        return village_code(user.person.household.area_code)
    return None


def children_in_scope(user, area: Area) -> list[Area]:
    """Sub-areas down to the village, to drill down from a city to a kelurahan."""
    if area.level >= Level.VILLAGE or figures_only(user, area):
        return []
    codes = named_codes(user)
    return [child for child in area.children.order_by("code") if code_overlaps(child.code, codes)]


def ancestors_in_scope(user, area: Area) -> list[Area]:
    """The areas above this one that the user may open, province first."""
    above = [a.code for a in area.ancestors()]
    return list(DashboardArea.objects.visible_to(user).filter(code__in=above).order_by("level"))
