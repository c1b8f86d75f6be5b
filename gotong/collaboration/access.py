"""Collaboration on the access policy: who may read and write is `collaboration.view` / `collaboration.record` in
`gotong.core.policy.grants`. This only turns a grant's reach into the choices a form may offer."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from gotong.areas.models import Area, Level
from gotong.core.area_codes import ancestors_of_all
from gotong.core.policy.decide import can, reaches
from gotong.core.scoping import area_code_filter
from gotong.organizations.models import Organization

RECORD = "collaboration.record"


def reached_area_codes(user, capability: str) -> list[str] | None:
    """The areas a capability reaches for the user (work areas, organisations' areas); None means everywhere."""
    reached = reaches(user, capability)
    if reached.everything:
        return None
    return sorted(reached.area_codes | reached.organization_area_codes)


def area_choices(user, capability: str = RECORD, *, min_level=Level.REGENCY, max_level=Level.RT):
    """Areas the user may file records under with `capability`: inside its reach, between the given levels."""
    areas = Area.objects.filter(level__gte=min_level, level__lte=max_level).select_related("parent").order_by("code")
    codes = reached_area_codes(user, capability)
    return areas if codes is None else areas.filter(area_code_filter(codes, field="code"))


def organization_choices(user, capability: str = RECORD):
    """Organisations working inside the reach of `capability`, plus the city/province bodies above it (Dinas,
    Korkot): the parties, conveners and executors a collaboration record may name."""
    codes = reached_area_codes(user, capability)
    if codes is None:
        return Organization.objects.all()
    return Organization.objects.filter(area_code_filter(codes) | Q(area_code__in=ancestors_of_all(codes)))


def require_record(acting_user, target) -> None:
    """Services do not trust their caller: the acting user must hold `collaboration.record` at `target` (a record,
    an `Area` or a `Place`). `None` is the system itself: commands and the demo."""
    if acting_user is not None and not can(acting_user, RECORD, target):
        raise PermissionDenied
