"""Recount a case's overdue visits (`gotong.casework.tallies`) whenever the case, its visit plans or its visits are
saved or deleted through the ORM (plans, single visits and logged visits).

Services, forms, the admin and cascading deletes all pass through `save()` / `delete()`, so one place covers them;
raw loads call `tallies.refresh_cases` or `tallies.rebuild` themselves. Loading fixtures (raw) is skipped.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from gotong.casework.models import Case, OverdueTally, SingleVisit, Visit, VisitPlan
from gotong.casework.tallies import refresh_cases


@receiver(post_save, sender=Case)
def _recount_after_case_saved(sender, instance, raw=False, **kwargs):
    if not raw:  # opened (a row of 0), closed (no row), reopened
        refresh_cases([instance.pk])


@receiver(post_delete, sender=Case)
def _forget_deleted_case(sender, instance, **kwargs):
    # Deleting a case deletes its plans and visits first, whose signals recount the case that still exists then.
    OverdueTally.objects.filter(case_id=instance.pk).delete()


@receiver(post_save, sender=VisitPlan)
@receiver(post_save, sender=SingleVisit)
@receiver(post_save, sender=Visit)
def _recount_after_work_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_cases([instance.case_id])


@receiver(post_delete, sender=VisitPlan)
@receiver(post_delete, sender=SingleVisit)
@receiver(post_delete, sender=Visit)
def _recount_after_work_deleted(sender, instance, **kwargs):
    refresh_cases([instance.case_id])
