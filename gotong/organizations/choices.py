from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganizationKind(models.TextChoices):
    GOVERNMENT = "pemerintah", _("Unit pemerintah")
    BKM = "bkm", _("BKM/LKM")
    KSM = "ksm", _("KSM")
    POSYANDU = "posyandu", _("Posyandu")
    WASTE_BANK = "bank_sampah", _("Bank sampah")
    YOUTH = "pemuda", _("Komunitas pemuda")
    COMMUNITY_ENTERPRISE = "usaha_komunitas", _("Usaha komunitas")
    SUPPORT_GROUP = "kelompok_pendukung", _("Kelompok pendukung")
    PARTNER_CSR = "mitra_csr", _("Mitra CSR/perusahaan")
    UNIVERSITY = "perguruan_tinggi", _("Perguruan tinggi")
    MEDIA = "media", _("Media")
    OTHER = "lainnya", _("Lainnya")


PARTNER_KINDS = {OrganizationKind.PARTNER_CSR, OrganizationKind.UNIVERSITY, OrganizationKind.MEDIA}


class MemberRole(models.TextChoices):
    CHAIR = "ketua", _("Ketua")
    SECRETARY = "sekretaris", _("Sekretaris")
    TREASURER = "bendahara", _("Bendahara")
    CADRE = "kader", _("Kader")
    MANAGER = "pengelola", _("Pengelola")
    STAFF = "staf", _("Staf")
    MEMBER = "anggota", _("Anggota")
