from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SlumsConfig(AppConfig):
    name = "gotong.slums"
    label = "slums"
    verbose_name = _("permukiman kumuh")
