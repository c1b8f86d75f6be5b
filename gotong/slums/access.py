"""Slums on the access policy: who may record is `slums.record` in `gotong.core.policy.grants`; this only turns its
reach into the villages a location form may offer."""

from gotong.areas.models import Area, Level
from gotong.core.policy.decide import reaches
from gotong.core.scoping import area_code_filter


def villages_to_record(user):
    """The villages inside the reach of the user's `slums.record` grant (every village for an all-reaching user)."""
    villages = Area.objects.filter(level=Level.VILLAGE).select_related("parent").order_by("code")
    reached = reaches(user, "slums.record")
    if reached.everything:
        return villages
    codes = sorted(reached.area_codes | reached.organization_area_codes)
    return villages.filter(area_code_filter(codes, field="code"))
