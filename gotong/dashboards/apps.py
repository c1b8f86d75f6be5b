from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    name = "gotong.dashboards"
    label = "dashboards"
    verbose_name = _("dasbor & laporan")

    def ready(self):
        from gotong.dashboards import signals  # noqa: F401  (connects the tally refresh)
