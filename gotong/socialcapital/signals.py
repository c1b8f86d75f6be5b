"""Refresh the stored scores (`gotong.socialcapital.stored_scores`) when an answer, a question or a choice is saved
or deleted one by one through the ORM. The services write answers in bulk and refresh themselves; a fixture load
(`raw`) is left to `gotong dashboards rebuild`."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from gotong.socialcapital import stored_scores
from gotong.socialcapital.models import Answer, Choice, Question


@receiver(post_save, sender=Answer, dispatch_uid="socialcapital_answer_saved")
@receiver(post_delete, sender=Answer, dispatch_uid="socialcapital_answer_deleted")
def answer_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        stored_scores.refresh([instance.response_id])


@receiver(post_save, sender=Question, dispatch_uid="socialcapital_question_saved")
def question_changed(sender, instance, created=False, raw=False, **kwargs):
    if not raw and not created:  # a new question has no answers yet
        stored_scores.refresh_questions([instance.pk])


@receiver(post_save, sender=Choice, dispatch_uid="socialcapital_choice_saved")
@receiver(post_delete, sender=Choice, dispatch_uid="socialcapital_choice_deleted")
def choice_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        stored_scores.refresh_questions([instance.question_id])
