from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "gotong.activities"
    label = "activities"
    verbose_name = _("gotong royong")

    def ready(self):
        from gotong.activities import signals  # noqa: F401  (connects the tally recount)
