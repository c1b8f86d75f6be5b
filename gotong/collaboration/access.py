"""Who may update commitments: city officers and facilitators with the agreement's area in their scope."""

from gotong.core.scoping import is_area_worker, works_in


def may_update_at_all(user) -> bool:
    return is_area_worker(user)


def can_update(user, agreement) -> bool:
    return works_in(user, agreement.area_code)
