"""Refresh the touched tallies whenever a household or person is saved or deleted through the ORM.

Services, forms, the admin, the row-by-row import and deletes all pass through `save()` / `delete()`, so one
place covers them; bulk writers call `aggregates.refresh_areas` themselves. Loading fixtures (raw) is skipped.
"""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from gotong.dashboards.aggregates import refresh_areas
from gotong.registry.models import Household, Person

_BEFORE = "_tally_code_before"


@receiver(pre_save, sender=Household)
def _remember_household_code(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    setattr(instance, _BEFORE, Household.objects.filter(pk=instance.pk).values_list("area_code", flat=True).first())


@receiver(pre_save, sender=Person)
def _remember_person_code(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    before = Person.objects.filter(pk=instance.pk).values_list("household__area_code", flat=True).first()
    setattr(instance, _BEFORE, before)


@receiver(post_save, sender=Household)
@receiver(post_save, sender=Person)
def _refresh_after_save(sender, instance, raw=False, **kwargs):
    if raw:
        return
    refresh_areas([getattr(instance, _BEFORE, None), _household_code(instance)])


@receiver(post_delete, sender=Household)
@receiver(post_delete, sender=Person)
def _refresh_after_delete(sender, instance, **kwargs):
    refresh_areas([_household_code(instance)])


def _household_code(instance) -> str:
    if isinstance(instance, Household):
        return instance.area_code
    return Household.objects.filter(pk=instance.household_id).values_list("area_code", flat=True).first()
