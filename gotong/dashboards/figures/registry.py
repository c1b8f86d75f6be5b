"""Households and persons in the registry, and households per welfare decile (DTKS/Regsosek).

Read from the pre-aggregated tallies (`gotong.dashboards.aggregates`), scoped by the same area rule as the
registry itself, so a city of millions costs a sum over its RTs.
"""

from django.urls import reverse
from django.utils.http import urlencode

from gotong.dashboards.aggregates import summed
from gotong.dashboards.models import AreaTally

DECILES = range(1, 11)


def figures(user, area, today) -> dict:
    counts = summed(AreaTally.objects.visible_to(user).in_area(area.code))
    base = reverse("registry:household-list")
    with_decile = sum(counts[f"decile_{d}"] for d in DECILES)
    return {
        "households": counts["households"],
        "persons": counts["persons"],
        "pkh": counts["pkh"],
        "bpnt": counts["bpnt"],
        "deciles": [
            {
                "decile": d,
                "count": counts[f"decile_{d}"],
                "url": f"{base}?{urlencode({'wilayah': area.code, 'desil': d})}",
            }
            for d in DECILES
        ],
        "without_decile": counts["households"] - with_decile,
        "url": f"{base}?{urlencode({'wilayah': area.code})}",
        "pkh_url": f"{base}?{urlencode({'wilayah': area.code, 'pkh': 1})}",
        "bpnt_url": f"{base}?{urlencode({'wilayah': area.code, 'bpnt': 1})}",
    }
