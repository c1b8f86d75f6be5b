from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenchConfig(AppConfig):
    name = "gotong.bench"
    verbose_name = _("tolok ukur")
