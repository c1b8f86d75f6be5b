"""Helpers of the planning tests: residents of Kampung Bugis with a registry person, aspirations at an RT."""

import itertools

from django.utils import timezone

from gotong.accounts.models import User
from gotong.participation.models import Aspiration, AspirationCategory
from gotong.registry.tests.factories import PersonFactory, rt_in

BUGIS = "21.72.03.1005"
TODAY = timezone.localdate()  # rounds are opened around the real today: pages ask the clock
_numbers = itertools.count(1)


def resident(username: str, *, rw: int = 6, rt: int = 2, village: str = BUGIS, person=None) -> User:
    """A resident account tied to a registry person living in `village` RW `rw` RT `rt`."""
    if person is None:
        person = PersonFactory(household__area=rt_in(village, rw, rt))
    return User.objects.create_user(username=username, password="rahasia-123", role="resident", person=person)


def aspiration_in(rt_area, raised_by, *, text="Saluran air di Gg. Mawar tersumbat, banjir tiap hujan") -> Aspiration:
    aspiration = Aspiration(
        number=f"ASP-T-{next(_numbers):04d}",
        area=rt_area,
        category=AspirationCategory.INFRASTRUCTURE,
        text=text,
        raised_by=raised_by,
    )
    aspiration.save()
    return aspiration
