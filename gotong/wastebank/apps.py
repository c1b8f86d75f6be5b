from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WastebankConfig(AppConfig):
    name = "gotong.wastebank"
    label = "wastebank"
    verbose_name = _("bank sampah")

    def ready(self):
        from gotong.wastebank import signals  # noqa: F401  (a category's rename reaches the year tallies)
