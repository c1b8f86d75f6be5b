"""Which posyandu a user reaches, asked of the access policy (`gotong.core.policy`); nothing is decided here.

`posyandu.view` (children and weighings), `posyandu.record` (register children, open sessions, weigh) and
`posyandu.report` (SKDN) reach the posyandu of the user's work areas (city officers, facilitators) or the posyandu
where the user serves in a role that holds the grant (ketua, pengelola, kader record; their officers see).
The field app and ODK ask `recordable_posyandus(user)` for the posyandu whose children a device may download.
"""

from gotong.core.policy import can, may_somewhere
from gotong.core.policy.decide import Place
from gotong.organizations.choices import OrganizationKind
from gotong.organizations.models import Organization


def posyandus_reached(user, capability: str):
    """The posyandu (organisations of kind posyandu) that `capability` reaches for `user`, as a queryset.

    A resident's own reach (their children) names no posyandu: they see their children, not the posyandu's.
    """
    return Organization.objects.filter(kind=OrganizationKind.POSYANDU).reached_by(user, capability)


def posyandus_for(user):
    """The posyandu whose children the user sees as a worker (`posyandu.view`): cards, filters, dashboards."""
    return posyandus_reached(user, "posyandu.view")


def recordable_posyandus(user):
    """The posyandu the user may record in (`posyandu.record`): form choices, the field app, ODK's lists."""
    return posyandus_reached(user, "posyandu.record")


def reportable_posyandus(user):
    """The posyandu whose SKDN the user may read (`posyandu.report`), aggregated on the report."""
    return posyandus_reached(user, "posyandu.report")


def place_of_posyandu(posyandu) -> Place:
    return Place(area_code=posyandu.area_code, organization_id=posyandu.pk)


def can_record(user, posyandu) -> bool:
    """May the user register children, open sessions and weigh in this posyandu (`posyandu.record`)?"""
    if posyandu is None or posyandu.kind != OrganizationKind.POSYANDU:
        return False
    return can(user, "posyandu.record", place_of_posyandu(posyandu))


def may_record_somewhere(user) -> bool:
    """The module-level question (menus, "add" buttons, the field app's form list): `posyandu.record` anywhere."""
    return may_somewhere(user, "posyandu.record")
