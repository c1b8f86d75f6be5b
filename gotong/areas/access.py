"""Area reach as the access policy grants it, for filters and form choices (the decisions live in the policy).

Areas themselves are public reference data (`areas.view`); adding RW/RT is `areas.manage`, handing out work areas
`areas.assign`, and what lies inside an area is each module's own capability.
"""

from gotong.core.policy.decide import reaches


def reach_codes(user, capability: str) -> list[str] | None:
    """The area codes `capability` reaches for `user` (work areas, areas of the organisations served); None means
    everywhere. Organisations and own records are not areas: ask the policy about those records themselves."""
    reached = reaches(user, capability)
    if reached.everything:
        return None
    return sorted(reached.area_codes | reached.organization_area_codes)
