"""The roles of DESIGN.md. What each role may see and do is decided by the access policy (`gotong.core.policy`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CITY_OFFICER = "city_officer", _("Petugas kota")
    FACILITATOR = "facilitator", _("Fasilitator / pendamping")
    ORG_STAFF = "org_staff", _("Pengurus organisasi masyarakat")
    PARTNER = "partner", _("Mitra")
    RESIDENT = "resident", _("Warga / anggota")


# Roles that do the field work of an area (assessments, commitments) inside their own work areas.
ROLES_WORKING_AREAS = {Role.CITY_OFFICER, Role.FACILITATOR}
