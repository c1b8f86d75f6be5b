from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PosyanduConfig(AppConfig):
    name = "gotong.posyandu"
    label = "posyandu"
    verbose_name = _("posyandu")

    def ready(self):
        from gotong.posyandu import signals  # noqa: F401  (connects the monthly tally refresh)
        from gotong.posyandu.monthly import immunisation  # noqa: F401  (registers the report's immunisation section)
