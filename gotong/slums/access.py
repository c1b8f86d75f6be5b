"""Who may add assessments: city officers and facilitators with the location in their work area."""

from gotong.core.scoping import is_area_worker, works_in


def may_assess_at_all(user) -> bool:
    return is_area_worker(user)


def can_assess(user, location) -> bool:
    return works_in(user, location.area_code)
