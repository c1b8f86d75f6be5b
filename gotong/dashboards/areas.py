"""Which areas a user may open on the dashboard: those that overlap their scope."""

from django.http import Http404

from gotong.areas.models import Area, Level
from gotong.core.scoping import code_overlaps, visible_area_codes


def area_or_404(user, code: str) -> Area:
    """The area, if it holds anything the user may see (a facilitator may open their city, seeing their part)."""
    area = Area.objects.filter(code=code).first()
    if area is None or not code_overlaps(code, visible_area_codes(user)):
        raise Http404
    return area


def _city_code(code: str) -> str:
    return ".".join(code.split(".")[:2])


def choices(user) -> list[Area]:
    """The user's work areas and the cities they lie in; for an all-seeing user, every city."""
    codes = visible_area_codes(user)
    if codes is None:
        return list(Area.objects.filter(level=Level.REGENCY).order_by("code"))
    wanted = set(codes) | {_city_code(code) for code in codes if code.count(".") >= 1}
    return list(Area.objects.filter(code__in=wanted).order_by("code"))


def default_code(user) -> str | None:
    codes = visible_area_codes(user)
    if codes is None:
        first = choices(user)
        return first[0].code if first else None
    return codes[0] if codes else None


def children_in_scope(user, area: Area) -> list[Area]:
    """Sub-areas down to the village, to drill down from a city to a kelurahan."""
    if area.level >= Level.VILLAGE:
        return []
    codes = visible_area_codes(user)
    return [child for child in area.children.order_by("code") if code_overlaps(child.code, codes)]


def overlaps(user, code: str) -> bool:
    return code_overlaps(code, visible_area_codes(user))
