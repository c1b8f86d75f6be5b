from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TreasuryConfig(AppConfig):
    name = "gotong.treasury"
    label = "treasury"
    verbose_name = _("kas & simpan pinjam")
