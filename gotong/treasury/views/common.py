"""What every treasury page shares: the treasury of the URL and what the policy lets the user do there."""

from django.shortcuts import get_object_or_404

from gotong.core.policy import require
from gotong.core.policy.routes import by
from gotong.treasury import access
from gotong.treasury.access import RECORD, VIEW, VIEW_RECORDS
from gotong.treasury.models import Treasury

# `<int:org_id>` URLs: the treasury (organisation) the page is about, for the route's policy check.
treasury_by_org_id = by(Treasury, "pk", kwarg="org_id")


def organization_for(user, org_id, *, need="summary"):
    """The treasury, or 404 when the user may not see it; 403 when they see it but may not do `need`.

    need: "summary" (members, readers, partners' totals), "records" (named records), "record" (bookkeepers).
    Pages check this on their route already; the list exports call it with the URL's `org_id`.
    """
    treasury = get_object_or_404(Treasury, pk=org_id)
    require(user, {"summary": VIEW, "records": VIEW_RECORDS, "record": RECORD}[need], treasury)
    return treasury


def org_context(user, organization, active) -> dict:
    return {
        "organization": organization,
        "active": active,
        "can_record": access.can_record(user, organization),
        "reads_everything": access.reads_records(user, organization),
        "totals_only": not Treasury.objects.read_in_full(user).filter(pk=organization.pk).exists(),
    }


def tell_replayed(request, record) -> bool:
    """A form sent again with a used key: say so neutrally; the caller shows the first request's record."""
    from django.contrib import messages
    from django.utils.translation import gettext as _

    if not getattr(record, "replayed", False):
        return False
    messages.info(request, _("Formulir ini sudah dikirim sebelumnya; catatannya sudah ada dan tidak dicatat dua kali."))
    return True
