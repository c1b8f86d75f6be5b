"""Fetching registry records through the scoped querysets: outside one's scope a record does not exist.

Who may do what is the access policy's (`@route` on each view, `can(...)` in the services); these only load.
"""

from django.shortcuts import get_object_or_404

from gotong.core.policy.routes import by
from gotong.registry.models import Household, Person

household_by_public_id = by(Household, "public_id")
person_by_public_id = by(Person, "public_id")


def visible_household_or_404(user, public_id) -> Household:
    return get_object_or_404(Household.objects.visible_to(user).select_related("area"), public_id=public_id)


def visible_person_or_404(user, public_id) -> Person:
    return get_object_or_404(Person.objects.visible_to(user).select_related("household"), public_id=public_id)
