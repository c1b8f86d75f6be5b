"""RTLH ("rumah tidak layak huni", unfit house) criteria applied to a dwelling.

Follows the criteria used by Kementerian PUPR's house-repair programs (BSPS) and Permensos 20/2017 on RTLH
rehabilitation: a house is unfit when it fails building safety, minimum space per occupant, or health.
"""

from decimal import Decimal

from django.utils.translation import gettext as _

from gotong.registry import choices
from gotong.registry.models import Dwelling

# Minimum floor area per occupant, m² (SNI 03-1733-2004, used by the RTLH criteria).
MIN_M2_PER_OCCUPANT = Decimal("7.2")


def rtlh_failures(dwelling: Dwelling) -> list[str]:
    """The RTLH criteria this dwelling fails, as sentences for the household page; empty if fit."""
    failures = []
    if dwelling.structure == choices.Condition.SEVERELY_DAMAGED:
        failures.append(_("Struktur (pondasi, kolom, rangka atap) rusak berat"))
    if dwelling.floor_area_m2 / dwelling.occupants < MIN_M2_PER_OCCUPANT:
        failures.append(
            _("Luas lantai kurang dari %(min)s m² per orang") % {"min": str(MIN_M2_PER_OCCUPANT).replace(".", ",")}
        )
    if dwelling.wall in (choices.WallMaterial.BAMBOO, choices.WallMaterial.WOOD_POOR, choices.WallMaterial.OTHER):
        failures.append(_("Dinding dari bahan tidak layak"))
    if dwelling.floor in (choices.FloorMaterial.EARTH, choices.FloorMaterial.BAMBOO):
        failures.append(_("Lantai tanah atau bambu"))
    if dwelling.roof in (choices.RoofMaterial.THATCH, choices.RoofMaterial.OTHER):
        failures.append(_("Atap dari bahan tidak layak"))
    if not dwelling.has_own_latrine:
        failures.append(_("Tidak ada jamban sendiri"))
    if not dwelling.has_window_ventilation:
        failures.append(_("Pencahayaan dan ventilasi kurang"))
    return failures


def is_rtlh(dwelling: Dwelling) -> bool:
    return bool(rtlh_failures(dwelling))
