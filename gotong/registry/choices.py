"""Coded answers as Dukcapil and DTKS use them, so imports and exports speak the same codes."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sex(models.TextChoices):
    MALE = "L", _("Laki-laki")
    FEMALE = "P", _("Perempuan")


class Relationship(models.TextChoices):
    HEAD = "kepala", _("Kepala keluarga")
    SPOUSE = "pasangan", _("Suami/istri")
    CHILD = "anak", _("Anak")
    CHILD_IN_LAW = "menantu", _("Menantu")
    GRANDCHILD = "cucu", _("Cucu")
    PARENT = "orang_tua", _("Orang tua")
    PARENT_IN_LAW = "mertua", _("Mertua")
    OTHER_RELATIVE = "famili", _("Famili lain")
    OTHER = "lainnya", _("Lainnya")


class Education(models.TextChoices):
    NONE = "tidak_sekolah", _("Tidak/belum sekolah")
    PRIMARY_UNFINISHED = "belum_tamat_sd", _("Belum tamat SD")
    PRIMARY = "sd", _("SD/sederajat")
    JUNIOR = "smp", _("SMP/sederajat")
    SENIOR = "sma", _("SMA/sederajat")
    DIPLOMA = "diploma", _("Diploma (D1–D3)")
    BACHELOR = "s1", _("D4/S1")
    POSTGRADUATE = "s2_s3", _("S2/S3")


class Disability(models.TextChoices):
    NONE = "tidak", _("Tidak ada")
    PHYSICAL = "fisik", _("Fisik")
    INTELLECTUAL = "intelektual", _("Intelektual")
    MENTAL = "mental", _("Mental")
    SENSORY = "sensorik", _("Sensorik (netra/rungu/wicara)")
    MULTIPLE = "ganda", _("Ganda")


class WallMaterial(models.TextChoices):
    BRICK = "tembok", _("Tembok")
    WOOD_GOOD = "kayu_baik", _("Kayu/papan kualitas baik")
    WOOD_POOR = "kayu_buruk", _("Kayu/papan kualitas rendah")
    BAMBOO = "bambu", _("Bambu/anyaman")
    OTHER = "lainnya", _("Lainnya (seng, kardus, terpal)")


class FloorMaterial(models.TextChoices):
    CERAMIC = "keramik", _("Keramik/ubin/marmer")
    CEMENT = "semen", _("Semen/plester")
    WOOD = "kayu", _("Kayu/papan")
    EARTH = "tanah", _("Tanah")
    BAMBOO = "bambu", _("Bambu")


class RoofMaterial(models.TextChoices):
    TILE = "genteng", _("Genteng/beton")
    METAL = "seng", _("Seng/asbes")
    THATCH = "rumbia", _("Ijuk/rumbia/daun")
    OTHER = "lainnya", _("Lainnya")


class Condition(models.TextChoices):
    GOOD = "baik", _("Baik")
    DAMAGED = "rusak", _("Rusak")
    # Damage that threatens the occupants' safety: an RTLH criterion on its own.
    SEVERELY_DAMAGED = "rusak_berat", _("Rusak berat")
