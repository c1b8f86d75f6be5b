"""What every treasury page does first: find the organisation and decide what the user may do there."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from gotong.organizations.models import Organization
from gotong.treasury import access


def organization_for(user, org_id, *, need="summary"):
    """The organisation, or 404 when the user has no business there; 403 when they read but may not record.

    need: "summary" (members, readers, partners' totals), "records" (named records), "record" (bookkeepers).
    """
    organization = get_object_or_404(Organization, pk=org_id)
    if need == "summary":
        if access.can_read_summary(user, organization) or access.sees_totals_only(user):
            return organization
        raise Http404
    if not access.reads_everything(user, organization):
        raise Http404
    if need == "record" and not access.can_record(user, organization):
        raise PermissionDenied
    return organization


def org_context(user, organization, active) -> dict:
    return {
        "organization": organization,
        "active": active,
        "can_record": access.can_record(user, organization),
        "reads_everything": access.reads_everything(user, organization),
        "totals_only": access.sees_totals_only(user) and not access.can_read_summary(user, organization),
    }
