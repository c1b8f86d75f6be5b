"""Nutritional status classes of Permenkes No. 2 Tahun 2020 (Standar Antropometri Anak), Tabel/Pasal 4.

BB/U: < −3 severely underweight; −3 to < −2 underweight; −2 to +1 normal; > +1 risk of overweight.
PB/U or TB/U: < −3 severely stunted; −3 to < −2 stunted; −2 to +3 normal; > +3 tall.
BB/PB or BB/TB and IMT/U: < −3 severely wasted (gizi buruk); −3 to < −2 wasted (gizi kurang); −2 to +1 normal
(gizi baik); > +1 to +2 risk of overweight; > +2 to +3 overweight (gizi lebih); > +3 obese.
Classes are stable English codes; the labels are the regulation's Indonesian words.
"""

from django.utils.translation import gettext_lazy as _

SEVERELY_UNDERWEIGHT = "severely_underweight"
UNDERWEIGHT = "underweight"
NORMAL = "normal"
RISK_OF_OVERWEIGHT = "risk_of_overweight"
SEVERELY_STUNTED = "severely_stunted"
STUNTED = "stunted"
TALL = "tall"
SEVERELY_WASTED = "severely_wasted"
WASTED = "wasted"
OVERWEIGHT = "overweight"
OBESE = "obese"

LABELS = {
    "waz": {
        SEVERELY_UNDERWEIGHT: _("Berat badan sangat kurang"),
        UNDERWEIGHT: _("Berat badan kurang"),
        NORMAL: _("Berat badan normal"),
        RISK_OF_OVERWEIGHT: _("Risiko berat badan lebih"),
    },
    "haz": {
        SEVERELY_STUNTED: _("Sangat pendek"),
        STUNTED: _("Pendek"),
        NORMAL: _("Normal"),
        TALL: _("Tinggi"),
    },
    "whz": {
        SEVERELY_WASTED: _("Gizi buruk"),
        WASTED: _("Gizi kurang"),
        NORMAL: _("Gizi baik"),
        RISK_OF_OVERWEIGHT: _("Berisiko gizi lebih"),
        OVERWEIGHT: _("Gizi lebih"),
        OBESE: _("Obesitas"),
    },
}
LABELS["baz"] = LABELS["whz"]

INDICATOR_LABELS = {
    "waz": _("BB/U"),
    "haz": _("PB/U atau TB/U"),
    "whz": _("BB/PB atau BB/TB"),
    "baz": _("IMT/U"),
}

# Classes a cadre should act on (refer to the puskesmas); "normal" and "tall" need no action.
ALERT = {SEVERELY_UNDERWEIGHT, SEVERELY_STUNTED, SEVERELY_WASTED, OBESE}
WARNING = {UNDERWEIGHT, STUNTED, WASTED, RISK_OF_OVERWEIGHT, OVERWEIGHT}


def classify(indicator: str, z: float) -> str:
    """The class of a (rounded) z-score; the boundaries belong where the regulation puts them."""
    if indicator == "waz":
        if z < -3:
            return SEVERELY_UNDERWEIGHT
        if z < -2:
            return UNDERWEIGHT
        return NORMAL if z <= 1 else RISK_OF_OVERWEIGHT
    if indicator == "haz":
        if z < -3:
            return SEVERELY_STUNTED
        if z < -2:
            return STUNTED
        return NORMAL if z <= 3 else TALL
    if indicator in ("whz", "baz"):
        if z < -3:
            return SEVERELY_WASTED
        if z < -2:
            return WASTED
        if z <= 1:
            return NORMAL
        if z <= 2:
            return RISK_OF_OVERWEIGHT
        return OVERWEIGHT if z <= 3 else OBESE
    raise ValueError(f"unknown indicator {indicator}")


def label(indicator: str, code: str | None) -> str:
    return str(LABELS[indicator].get(code, "—")) if code else "—"


def severity(code: str | None) -> str:
    """Bootstrap colour for a class badge."""
    if code in ALERT:
        return "danger"
    if code in WARNING:
        return "warning"
    return "success" if code else "secondary"
