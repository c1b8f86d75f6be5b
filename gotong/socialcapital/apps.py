from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SocialcapitalConfig(AppConfig):
    name = "gotong.socialcapital"
    label = "socialcapital"
    verbose_name = _("modal sosial")

    def ready(self):
        from gotong.socialcapital import signals  # noqa: F401
