from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OdkConfig(AppConfig):
    name = "gotong.odk"
    verbose_name = _("ODK Collect")
