"""The change history shown on an organisation's page: the organisation and its memberships."""

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from gotong.organizations.models import Membership, Organization

# Bookkeeping fields that say nothing to a reader of the history.
HIDDEN_FIELDS = {
    Organization: ("id", "created_at", "updated_at", "area_code"),
    Membership: ("id", "created_at", "updated_at", "organization"),
}


def organization_history(organization: Organization, limit: int = 50) -> list[dict]:
    """Audit entries (who, when, field: old → new), newest first, ready for the template."""
    membership_type = ContentType.objects.get_for_model(Membership)
    member_ids = [str(pk) for pk in organization.memberships.values_list("pk", flat=True)]
    entries = LogEntry.objects.get_for_object(organization) | LogEntry.objects.filter(
        content_type=membership_type, object_pk__in=member_ids
    )
    shown = {model: _shown_labels(model) for model in HIDDEN_FIELDS}
    rows = []
    for entry in entries.select_related("actor", "content_type").order_by("-timestamp")[:limit]:
        model = Membership if entry.content_type_id == membership_type.id else Organization
        changes = [
            (field, _blank_none(values[0]), _blank_none(values[1]))
            for field, values in entry.changes_display_dict.items()
            if len(values) == 2 and str(field) in shown[model]
        ]
        # A new record lists every field; the empty ones say nothing.
        changes = [change for change in changes if change[1] or change[2]]
        rows.append({"entry": entry, "is_membership": entry.content_type_id == membership_type.id, "changes": changes})
    return rows


def _shown_labels(model) -> set[str]:
    """Labels of the stored fields worth showing (auditlog also lists reverse relations)."""
    return {str(f.verbose_name) for f in model._meta.concrete_fields if f.name not in HIDDEN_FIELDS[model]}


def _blank_none(value) -> str:
    # auditlog writes a missing value as the text "None".
    return "" if value in (None, "None") else str(value)
