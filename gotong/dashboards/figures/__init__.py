"""Figures for the city dashboard and the village profile, one module per source module.

Each `figures(user, area) -> dict | None` reads that module's own scoped querysets, filtered to the area, with
aggregate queries; None means the user may see nothing of that kind there (the block is hidden).
Every dict carries the links to the module's list pages behind its numbers.
"""

from gotong.dashboards.figures import (
    activities,
    casework,
    collaboration,
    posyandu,
    programs,
    registry,
    slums,
    socialcapital,
    treasury,
    wastebank,
)

SECTIONS = (
    ("registry", registry.figures),
    ("slums", slums.figures),
    ("collaboration", collaboration.figures),
    ("activities", activities.figures),
    ("wastebank", wastebank.figures),
    ("posyandu", posyandu.figures),
    ("casework", casework.figures),
    ("treasury", treasury.figures),
    ("programs", programs.figures),
    ("socialcapital", socialcapital.figures),
)


def collect(user, area, today) -> dict:
    return {name: build(user, area, today) for name, build in SECTIONS}
