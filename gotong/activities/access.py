"""Who may record gotong royong: area workers inside their scope, and staff of the organising organisation."""

from gotong.areas.models import Area, Level
from gotong.core.scoping import area_code_filter, is_area_worker, member_organization_ids, visible_area_codes, works_in
from gotong.organizations.models import Organization


def may_record_at_all(user) -> bool:
    return is_area_worker(user) or bool(member_organization_ids(user))


def can_record_at(user, area_code: str, organization=None) -> bool:
    if works_in(user, area_code):
        return True
    return organization is not None and organization.pk in member_organization_ids(user)


def can_record(user, record) -> bool:
    """An event or a norm (both carry area_code and organization)."""
    return can_record_at(user, record.area_code, record.organization)


def area_choices(user):
    """RT/RW/villages an event or norm may be filed under: the user's scope (or their organisations' areas)."""
    areas = Area.objects.filter(level__gte=Level.VILLAGE).select_related("parent").order_by("code")
    codes = visible_area_codes(user)
    if codes is None:
        return areas
    if not is_area_worker(user):
        codes = list(
            Organization.objects.filter(pk__in=member_organization_ids(user)).values_list("area_code", flat=True)
        )
    return areas.filter(area_code_filter(codes, field="code")) if codes else areas.none()


def organization_choices(user):
    codes = visible_area_codes(user)
    if codes is None:
        return Organization.objects.all()
    own = Organization.objects.filter(pk__in=member_organization_ids(user))
    if is_area_worker(user):
        return (Organization.objects.filter(area_code_filter(codes)) | own).distinct()
    return own
