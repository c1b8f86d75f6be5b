"""A waste category's rename reaches the year tallies, which carry the category's name (`CategoryYearTally`).

Every path that renames a category (a service, the admin, a shell) passes through `save()`, so one place covers
them; the stored name is read before the save, and only a changed name recomputes the bank's year rows
(`tallies.refresh_years`: under the bank's lock, in the save's transaction when there is one). Deposits reach
the tallies through their services (`tallies.refresh_banks`); loading fixtures (raw) is skipped.
"""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from gotong.wastebank.models import WasteCategory
from gotong.wastebank.tallies import refresh_years

_BEFORE = "_name_before"


@receiver(pre_save, sender=WasteCategory)
def _remember_name(sender, instance, raw=False, **kwargs):
    if not raw and instance.pk is not None:
        setattr(instance, _BEFORE, sender.objects.filter(pk=instance.pk).values_list("name", flat=True).first())


@receiver(post_save, sender=WasteCategory)
def _refresh_after_rename(sender, instance, created=False, raw=False, **kwargs):
    before = getattr(instance, _BEFORE, None)
    if raw or created or before is None or before == instance.name:
        return
    refresh_years([instance.bank_id])
