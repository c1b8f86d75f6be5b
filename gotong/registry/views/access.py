"""Fetching registry records through the scoped querysets: outside one's scope a record does not exist."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from gotong.registry.models import Household, Person


def visible_household_or_404(user, public_id) -> Household:
    return get_object_or_404(Household.objects.visible_to(user).select_related("area"), public_id=public_id)


def visible_person_or_404(user, public_id) -> Person:
    return get_object_or_404(Person.objects.visible_to(user).select_related("household"), public_id=public_id)


def require_registry_editor(user) -> None:
    if not user.can_edit_registry():
        raise PermissionDenied
