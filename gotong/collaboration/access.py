"""Who may write collaboration records: city officers and facilitators with the record's area in their scope."""

from django.db.models import Q

from gotong.areas.models import Area, Level
from gotong.core.scoping import area_code_filter, is_area_worker, visible_area_codes, works_in
from gotong.organizations.models import Organization


def may_update_at_all(user) -> bool:
    return is_area_worker(user)


def can_update(user, record) -> bool:
    """Any record carrying an area_code (agreement, forum, meeting, target, project…)."""
    return works_in(user, record.area_code)


def area_choices(user, *, min_level=Level.REGENCY, max_level=Level.RT):
    """Areas a worker may file records under: inside their scope, between the given levels."""
    areas = Area.objects.filter(level__gte=min_level, level__lte=max_level).select_related("parent").order_by("code")
    codes = visible_area_codes(user)
    return areas if codes is None else areas.filter(area_code_filter(codes, field="code"))


def organization_choices(user):
    """Organisations working in the user's scope, plus the city/province bodies above it (Dinas, Korkot)."""
    codes = visible_area_codes(user)
    if codes is None:
        return Organization.objects.all()
    ancestors = {".".join(code.split(".")[:n]) for code in codes for n in range(1, code.count(".") + 1)}
    return Organization.objects.filter(area_code_filter(codes) | Q(area_code__in=ancestors))
