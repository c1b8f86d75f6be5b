"""A slum location joined up with what happens in its RW/RT units: the collaboration projects there and the
registry households living there, each read through the access policy (what the user may see, nothing more)."""

from django.urls import reverse
from django.utils.http import urlencode

from gotong.areas.models import Level
from gotong.collaboration.models import Project
from gotong.core.policy import can
from gotong.registry.models import Household
from gotong.slums.units import inside_units


def location_units(location, user) -> dict:
    """Per unit: the households the user may see there (a count and the registry list filtered to the unit, only
    for users who may read the registry); and the projects in any of the units, newest year first."""
    units = list(location.units.select_related("parent").order_by("code"))
    codes = [unit.code for unit in units]
    shows_households = can(user, "registry.view")
    households = Household.objects.visible_to(user) if shows_households else Household.objects.none()
    rows = []
    for unit in units:
        count = households.filter(inside_units([unit.code])).count() if shows_households else None
        link = f"{reverse('registry:household-list')}?{urlencode({'wilayah': unit.code})}"
        label = f"{unit.parent.name} · {unit.name}" if unit.level == Level.RT else unit.name
        url = link if shows_households else None
        rows.append({"area": unit, "label": label, "households": count, "households_url": url})
    projects = Project.objects.none()
    if codes and can(user, "collaboration.view"):
        projects = Project.objects.visible_to(user).filter(inside_units(codes)).select_related("area", "executor")
    return {
        "unit_rows": rows,
        # Counted once more over all units: an RW and one of its RTs may both be linked.
        "households_total": households.filter(inside_units(codes)).count() if shows_households and codes else None,
        "projects": projects,
    }
