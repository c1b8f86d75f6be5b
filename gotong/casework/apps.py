from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    name = "gotong.casework"
    label = "casework"
    verbose_name = _("pendampingan kasus")

    def ready(self):
        from gotong.casework import signals  # noqa: F401  (connects the overdue-visit recount)
