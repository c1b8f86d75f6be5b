from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExportsConfig(AppConfig):
    name = "gotong.exports"
    verbose_name = _("ekspor")

    def ready(self):
        # Each module declares its exportable lists in `<app>/lists.py`.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("lists")
