"""The home page: one section per kind of daily work the user does, each composed from its module's own services.

A user sees the section of every role they hold: a ketua who is also a kader sees the posyandu and the treasury.
Each section module has `section(user, today) -> Section | None` (None: not this user's work) and reads only
what the access policy lets the user see (`visible_to`, `reached_by`, `reaches`); figures over a city read tallies.
"""

import datetime
from dataclasses import dataclass, field


@dataclass
class Section:
    template: str  # under core/home/
    context: dict = field(default_factory=dict)

    @property
    def template_name(self) -> str:
        return f"core/home/{self.template}"


def sections_for(user, today: datetime.date) -> list[Section]:
    # Imported here: each section reads its module, and the modules' apps must be ready first.
    from gotong.core.home import (
        aspirations,
        cadre,
        facilitator,
        figures,
        memberships,
        officer,
        partner,
        resident,
        treasurer,
        wastebank,
    )

    builders = (
        cadre.section,
        wastebank.section,
        treasurer.section,
        facilitator.section,
        officer.section,
        partner.section,
        resident.section,
        aspirations.section,
        figures.section,
    )
    sections = [s for s in (build(user, today) for build in builders) if s is not None]
    # Someone whose memberships lead to no daily work (a secretary, a plain member) still finds their organisations.
    return sections or [memberships.section(user, today)]
