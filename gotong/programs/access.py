"""Who runs programs: area workers inside their scope, and staff of the organisation running the program."""

from gotong.core.scoping import is_area_worker, member_organization_ids, works_in


def may_manage_at_all(user) -> bool:
    return is_area_worker(user) or bool(member_organization_ids(user))


def can_manage(user, program) -> bool:
    return works_in(user, program.area_code) or program.organization_id in member_organization_ids(user)
