"""Households and persons in the registry, and households per welfare decile (DTKS/Regsosek)."""

from django.db.models import Count
from django.urls import reverse
from django.utils.http import urlencode

from gotong.registry.models import Household, Person

DECILES = range(1, 11)


def figures(user, area, today) -> dict:
    households = Household.objects.visible_to(user).in_area(area.code)
    persons = Person.objects.visible_to(user).in_area(area.code)
    counts = dict(
        households.filter(welfare_decile__isnull=False).values_list("welfare_decile").annotate(n=Count("pk")).order_by()
    )
    base = reverse("registry:household-list")
    household_count = households.count()
    return {
        "households": household_count,
        "persons": persons.count(),
        "deciles": [
            {"decile": d, "count": counts.get(d, 0), "url": f"{base}?{urlencode({'wilayah': area.code, 'desil': d})}"}
            for d in DECILES
        ],
        "without_decile": household_count - sum(counts.values()),
        "url": f"{base}?{urlencode({'wilayah': area.code})}",
    }
