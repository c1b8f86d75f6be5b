"""Form choices for gotong royong (and the programs that borrow them), built on the access policy.

Who may record what is the policy's answer alone (`can(user, "activities.record", event)`); this module only turns
what a capability reaches into the areas and organisations a form may offer.
"""

from gotong.areas.models import Area, Level
from gotong.core.policy import can, may_somewhere
from gotong.core.policy.decide import reaches
from gotong.core.scoping import area_code_filter
from gotong.organizations.models import Organization


def area_choices(user, capability: str = "activities.record"):
    """Villages, RWs and RTs a record may be filed under: the user's work areas, or the areas their organisations
    serve (the organisation is then the record's organiser, checked by the service)."""
    areas = Area.objects.filter(level__gte=Level.VILLAGE).select_related("parent").order_by("code")
    reached = reaches(user, capability)
    if reached.everything:
        return areas
    codes = set(reached.area_codes) | set(reached.organization_area_codes)
    if reached.organization_ids:
        codes |= set(Organization.objects.filter(pk__in=reached.organization_ids).values_list("area_code", flat=True))
    return areas.filter(area_code_filter(sorted(codes), field="code")) if codes else areas.none()


def organization_choices(user, capability: str = "activities.record"):
    """Organisations a record may name as its organiser: those inside the user's work areas, and their own."""
    reached = reaches(user, capability)
    if reached.everything:
        return Organization.objects.all()
    query = area_code_filter(sorted(reached.area_codes)) if reached.area_codes else None
    own = Organization.objects.filter(pk__in=sorted(reached.organization_ids))
    if query is None:
        return own
    return Organization.objects.filter(query) | own


# Kept for the field forms and ODK until they ask the policy themselves; both are the policy's answer.
def may_record_at_all(user) -> bool:
    return may_somewhere(user, "activities.record")


def can_record(user, record) -> bool:
    return can(user, "activities.record", record)
