"""The change history shown on a household page: the household, its members and its dwelling."""

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from gotong.registry.models import Dwelling, Household, Person


def household_history(household: Household, limit: int = 50):
    """Audit entries (who, when, old → new) for everything on the household page, newest first."""
    types = ContentType.objects.get_for_models(Household, Person, Dwelling)
    member_ids = [str(pk) for pk in household.members.values_list("pk", flat=True)]
    query = Q(content_type=types[Household], object_pk=str(household.pk)) | Q(
        content_type=types[Person], object_pk__in=member_ids
    )
    dwelling = Dwelling.objects.filter(household=household).first()
    if dwelling is not None:
        query |= Q(content_type=types[Dwelling], object_pk=str(dwelling.pk))
    return LogEntry.objects.filter(query).select_related("actor", "content_type").order_by("-timestamp")[:limit]
