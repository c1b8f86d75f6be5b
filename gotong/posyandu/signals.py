"""Refresh a posyandu's monthly tallies whenever one of its children, their weighings or a child's registry person
(the birth date decides who is under five) is saved or deleted through the ORM.

Services, forms, the admin and cascading deletes all pass through `save()` / `delete()`, so one place covers them;
raw loads call `tallies.refresh_posyandus` or `tallies.rebuild` themselves. Loading fixtures (raw) is skipped.
"""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from gotong.posyandu.models import Child, Weighing
from gotong.posyandu.tallies import refresh_posyandus
from gotong.registry.models import Person

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


@receiver(post_save, sender=Person)
def _refresh_after_person_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or created:  # a person just created is nobody's child at a posyandu yet
        return
    # A corrected birth date moves a child in or out of the under-fives of every month.
    refresh_posyandus(Child.objects.filter(person_id=instance.pk).values_list("posyandu_id", flat=True))


def _posyandu_of(weighing: Weighing) -> list[int]:
    # The child may be gone already when its weighings are deleted with it (the child's own signal refreshes).
    return list(Child.objects.filter(pk=weighing.child_id).values_list("posyandu_id", flat=True))
