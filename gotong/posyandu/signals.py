"""Refresh a posyandu's monthly tallies whenever one of its children, their weighings, a registry person of its area
(S counts the area's under-fives, see `coverage`; the birth date decides who is under five) or the posyandu itself
is saved or deleted through the ORM. A household's move to another RT moves its members first
(`registry.services.save_household`), then the household's save reaches here through its members' rows.

Services, forms, the admin and cascading deletes all pass through `save()` / `delete()`, so one place covers them;
raw loads call `tallies.refresh_posyandus` or `tallies.rebuild` themselves. Loading fixtures (raw) is skipped.
"""

from django.db.models import Min
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from gotong.organizations.choices import OrganizationKind
from gotong.organizations.models import Organization
from gotong.posyandu.dates import five_years_before
from gotong.posyandu.models import Child, MonthTally, Weighing
from gotong.posyandu.tallies import posyandus_holding, refresh_posyandus
from gotong.registry.models import Household, Person

_BEFORE = "_tally_before"


def _remember(sender, instance, field: str, raw: bool) -> None:
    """Keep the stored value of `field` on the instance, so the refresh after saving also covers where it was."""
    if not raw and instance.pk is not None:
        setattr(instance, _BEFORE, sender.objects.filter(pk=instance.pk).values_list(field, flat=True).first())


@receiver(pre_save, sender=Child)
def _remember_child_posyandu(sender, instance, raw=False, **kwargs):
    _remember(sender, instance, "posyandu_id", raw)


@receiver(post_save, sender=Child)
def _refresh_after_child_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_posyandus([instance.posyandu_id, getattr(instance, _BEFORE, None)])


@receiver(post_delete, sender=Child)
def _refresh_after_child_deleted(sender, instance, **kwargs):
    refresh_posyandus([instance.posyandu_id])


@receiver(pre_save, sender=Weighing)
def _remember_weighing_month(sender, instance, raw=False, **kwargs):
    _remember(sender, instance, "month", raw)


@receiver(post_save, sender=Weighing)
def _refresh_after_weighing_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    before = getattr(instance, _BEFORE, None)
    # A weighing changes its month's D, N, T… and the latest card (K) of the months after it. Its child (loaded
    # by the service that recorded it) exists while it is saved.
    refresh_posyandus([instance.child.posyandu_id], from_month=min(filter(None, [before, instance.month])))


@receiver(post_delete, sender=Weighing)
def _refresh_after_weighing_deleted(sender, instance, **kwargs):
    refresh_posyandus(_posyandu_of(instance), from_month=instance.month)


@receiver(pre_save, sender=Person)
def _remember_person_home(sender, instance, raw=False, **kwargs):
    if not raw and instance.pk is not None:
        stored = sender.objects.filter(pk=instance.pk).values_list("area_code", "birth_date").first()
        setattr(instance, _BEFORE, stored)


@receiver(post_save, sender=Person)
def _refresh_after_person_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw:
        return
    # A corrected birth date moves a child in or out of the under-fives of every month.
    refresh_posyandus(Child.objects.filter(person_id=instance.pk).values_list("posyandu_id", flat=True))
    # S counts the area's unfollowed under-fives too: a newborn, a move or a corrected birth date changes it.
    before = getattr(instance, _BEFORE, None) or (None, None)
    _refresh_areas_of([(instance.area_code, instance.birth_date), before])


@receiver(post_delete, sender=Person)
def _refresh_after_person_deleted(sender, instance, **kwargs):
    _refresh_areas_of([(instance.area_code, instance.birth_date)])


@receiver(pre_save, sender=Household)
def _remember_household_area(sender, instance, raw=False, **kwargs):
    _remember(sender, instance, "area_code", raw)


@receiver(post_save, sender=Household)
def _refresh_after_household_moved(sender, instance, raw=False, **kwargs):
    before = getattr(instance, _BEFORE, None)
    if raw or before is None or before == instance.area_code:
        return
    births = list(instance.members.values_list("birth_date", flat=True))
    _refresh_areas_of([(code, birth) for birth in births for code in (before, instance.area_code)])


@receiver(pre_save, sender=Organization)
def _remember_posyandu_area(sender, instance, raw=False, **kwargs):
    _remember(sender, instance, "area_code", raw)


@receiver(post_save, sender=Organization)
def _refresh_after_posyandu_saved(sender, instance, raw=False, **kwargs):
    if raw or instance.kind != OrganizationKind.POSYANDU:
        return
    # A new posyandu (or one serving another area) takes the unfollowed under-fives of its area from the posyandu
    # of a wider area, or gives them back.
    codes = {instance.area_code, getattr(instance, _BEFORE, None)} - {None}
    refresh_posyandus([instance.pk, *posyandus_holding(codes)])


def _refresh_areas_of(homes) -> None:
    """Refresh the posyandu that may count these (area code, birth date) homes in S, when the birth date falls in
    their months at all (an adult's record changes no tally)."""
    homes = [(code, birth) for code, birth in homes if code and birth]
    ids = posyandus_holding({code for code, _birth in homes})
    if not ids:
        return
    first = MonthTally.objects.filter(posyandu_id__in=ids).aggregate(first=Min("month"))["first"]
    if first is None:
        return  # no rows: the readers count these posyandu live
    if any(birth > five_years_before(first) for _code, birth in homes):
        refresh_posyandus(ids)


def _posyandu_of(weighing: Weighing) -> list[int]:
    # The child may be gone already when its weighings are deleted with it (the child's own signal refreshes).
    return list(Child.objects.filter(pk=weighing.child_id).values_list("posyandu_id", flat=True))
