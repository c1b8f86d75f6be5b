"""Recount the gotong royong tallies (`gotong.activities.tallies`) whenever what they count is saved or deleted
through the ORM: attendance rows, events (their area, year, guests; a delete takes its attendance with it),
persons (birth date, area) and households (a move to another RT takes its members along). Bulk writers call the
tallies themselves. Loading fixtures (raw) is skipped.
"""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from gotong.activities import tallies
from gotong.activities.models import Attendance, Event
from gotong.registry.models import Household, Person

_BEFORE = "_activity_tally_before"


def _attendance_keys(attendance_rows) -> tuple[set, set]:
    """(event area, year) and (resident area, year) groups of these attendance rows (a queryset)."""
    years, participants = set(), set()
    for place, held_on, home in attendance_rows.order_by().values_list(
        "event__area_code", "event__held_on", "person__area_code"
    ):
        years.add((place, held_on.year))
        participants.add((home, held_on.year))
    return years, participants


def _person_years(persons) -> set[tuple[str, int]]:
    """(resident area, year) groups of the attendance of these persons (a queryset)."""
    rows = Attendance.objects.filter(person__in=persons).order_by().values_list("person__area_code", "event__held_on")
    return {(home, held_on.year) for home, held_on in rows.distinct()}


# --- attendance ---------------------------------------------------------------------------------------------


@receiver(pre_save, sender=Attendance)
@receiver(pre_delete, sender=Attendance)
def _remember_attendance(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    setattr(instance, _BEFORE, _attendance_keys(Attendance.objects.filter(pk=instance.pk)))


@receiver(post_save, sender=Attendance)
@receiver(post_delete, sender=Attendance)
def _recount_attendance(sender, instance, raw=False, **kwargs):
    if raw:
        return
    years, participants = getattr(instance, _BEFORE, (set(), set()))
    if kwargs.get("signal") is post_save:
        now_years, now_participants = _attendance_keys(Attendance.objects.filter(pk=instance.pk))
        years, participants = years | now_years, participants | now_participants
    tallies.touch(years=years, participants=participants)


# --- events -------------------------------------------------------------------------------------------------


@receiver(pre_save, sender=Event)
def _remember_event(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    setattr(instance, _BEFORE, Event.objects.filter(pk=instance.pk).values_list("area_code", "held_on").first())


@receiver(post_save, sender=Event)
def _recount_event(sender, instance, raw=False, **kwargs):
    if raw:
        return
    now = (instance.area_code, instance.held_on)
    before = getattr(instance, _BEFORE, None) or now
    years = {(before[0], before[1].year), (now[0], now[1].year)}
    participants = set()
    if before[0] != now[0] or before[1].year != now[1].year:
        # Moved to another area or year: every attendee's reach and year may change with it.
        homes = set(instance.attendance.order_by().values_list("person__area_code", flat=True).distinct())
        participants = {(home, day.year) for home in homes for day in (before[1], now[1])}
    tallies.touch(years=years, participants=participants)


@receiver(pre_delete, sender=Event)
def _remember_deleted_event(sender, instance, **kwargs):
    setattr(instance, _BEFORE, (instance.area_code, instance.held_on.year))


@receiver(post_delete, sender=Event)
def _recount_deleted_event(sender, instance, **kwargs):
    # Its attendance went first, each row recounting its residents' group; the event's own count is left.
    tallies.touch(years=[getattr(instance, _BEFORE, (instance.area_code, instance.held_on.year))])


# --- residents ----------------------------------------------------------------------------------------------


@receiver(pre_save, sender=Person)
def _remember_person(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    setattr(instance, _BEFORE, Person.objects.filter(pk=instance.pk).values_list("area_code", "birth_date").first())


@receiver(post_save, sender=Person)
def _recount_person(sender, instance, raw=False, created=False, **kwargs):
    before = getattr(instance, _BEFORE, None)
    if raw or created or before is None or before == (instance.area_code, instance.birth_date):
        return
    groups = _person_years(Person.objects.filter(pk=instance.pk))
    tallies.touch(participants=groups | {(before[0], year) for _home, year in groups})


@receiver(pre_save, sender=Household)
def _remember_household(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    setattr(instance, _BEFORE, Household.objects.filter(pk=instance.pk).values_list("area_code", flat=True).first())


@receiver(post_save, sender=Household)
def _recount_household(sender, instance, raw=False, **kwargs):
    before = getattr(instance, _BEFORE, None)
    if raw or before is None or before == instance.area_code:
        return
    # The members' area copy moved with the household (`registry.services.save_household`), before this save.
    groups = _person_years(Person.objects.filter(household_id=instance.pk))
    tallies.touch(participants=groups | {(before, year) for _home, year in groups})
