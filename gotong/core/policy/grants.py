"""The role matrix, as data: which actor may do what in which module, and how far that reaches.

Read it as a table (`gotong access matrix` prints it): a row per capability, a column per actor, and in each cell
the reach of the grant. Nothing else in Gotong decides who may do what; `decide.py` only applies this table.

Actors are the account roles of `gotong.accounts.roles.Role` plus, for organisation staff, the role they hold in
each organisation (`gotong.organizations.choices.MemberRole`): a cadre acts as a cadre in her posyandu only.

Sources: DESIGN.md's roles (partners read aggregates and never write community records; residents read their own
and take part; organisation staff work inside their organisation's module, by membership role; welfare fields,
imports and work areas are for city officers and facilitators) and the seeds behind each module.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gotong.accounts.roles import Role
from gotong.organizations.choices import MemberRole, OrganizationKind


class Reach(models.TextChoices):
    """How far one grant reaches. A grant is one or more of these; a record is reached when any of them holds."""

    ALL = "all", _("semua")
    AREA = "area", _("wilayah kerja")
    ORG_AREA = "org_area", _("wilayah organisasinya")
    ORGANIZATION = "organization", _("organisasinya")
    TEAM = "team", _("tim kasus")
    OWN = "own", _("miliknya sendiri")
    AGGREGATE = "aggregate", _("angka agregat saja")


CAPABILITIES: dict[str, str] = {
    "portal.view": _("Melihat portal publik"),
    "areas.view": _("Melihat wilayah"),
    "areas.manage": _("Menambah RW/RT"),
    "areas.assign": _("Menugaskan wilayah kerja"),
    "accounts.password": _("Mengganti kata sandi sendiri"),
    "accounts.manage": _("Mengatur ulang kata sandi akun yang dikelola (admin: semua akun)"),
    "devices.use": _("Token API, formulir lapangan dan ODK"),
    "exports.use": _("Ekspor miliknya"),
    "dashboards.view": _("Dasbor dan profil kelurahan"),
    "registry.view": _("Melihat rumah tangga dan penduduk (NIK tersamar)"),
    "registry.see_nik": _("Melihat NIK dan nomor KK lengkap"),
    "registry.record": _("Menambah dan mengubah rumah tangga dan penduduk"),
    "registry.add_member": _("Menambah bayi baru lahir atau anggota ke rumah tangga yang dilayani"),
    "registry.welfare": _("Mengubah desil, PKH dan BPNT"),
    "registry.import": _("Mengimpor rumah tangga"),
    "organizations.view": _("Melihat organisasi dan anggotanya"),
    "organizations.create": _("Mendaftarkan organisasi"),
    "organizations.manage": _("Mengelola organisasi dan keanggotaannya"),
    "slums.view": _("Melihat lokasi kumuh dan penilaiannya"),
    "slums.record": _("Mencatat lokasi kumuh dan penilaian"),
    "collaboration.view": _("Melihat forum, kesepakatan, sasaran dan kegiatan"),
    "collaboration.record": _("Mencatat forum, kesepakatan, sasaran dan kegiatan"),
    "partnerships.view": _("Melihat kemitraan: bantuan mitra dan timbal balik komunitas"),
    "partnerships.record": _("Mencatat timbal balik komunitas kepada mitra"),
    "activities.view": _("Melihat kegiatan gotong royong dan norma"),
    "activities.record": _("Mencatat kegiatan, kehadiran, norma dan teguran"),
    "wastebank.view": _("Melihat bank sampah"),
    "wastebank.record": _("Mencatat setoran, penarikan, penjualan, harga dan nasabah"),
    "treasury.view": _("Melihat ringkasan kas komunitas"),
    "treasury.view_records": _("Melihat buku kas, simpanan dan pinjaman bernama"),
    "treasury.record": _("Mencatat kas, simpanan dan pinjaman"),
    "posyandu.view": _("Melihat balita dan penimbangan"),
    "posyandu.record": _("Mencatat balita, hari buka dan penimbangan"),
    "posyandu.report": _("Laporan SKDN"),
    "casework.view": _("Melihat kasus"),
    "casework.open": _("Membuka kasus"),
    "casework.record": _("Mencatat kunjungan, asesmen, bantuan dan rujukan"),
    "casework.see_health": _("Melihat data kesehatan kasus"),
    "casework.supervise": _("Supervisi pekerja kasus"),
    "programs.view": _("Melihat program pemberdayaan"),
    "programs.manage": _("Mengelola program, angkatan, kehadiran dan hasil"),
    "socialcapital.view": _("Melihat skor modal sosial"),
    "socialcapital.record": _("Mencatat survei modal sosial"),
    "participation.view": _("Melihat aspirasi dan usulan"),
    "participation.raise": _("Menyampaikan aspirasi atau pengaduan (sendiri atau atas nama warga)"),
    "participation.handle": _("Menindaklanjuti dan menjawab aspirasi"),
    "participation.plan": _("Membuka putaran perencanaan dan memilih usulan"),
    "participation.support": _("Mendukung usulan di RW/kelurahannya"),
}

ALL = (Reach.ALL,)
AREA = (Reach.AREA,)
ORG = (Reach.ORGANIZATION,)
ORG_AND_AREA = (Reach.ORGANIZATION, Reach.ORG_AREA)
TEAM = (Reach.TEAM,)
OWN = (Reach.OWN,)
AGGREGATE = (Reach.AGGREGATE,)

# Everyone who is logged in.
_EVERY_ACCOUNT = {
    "portal.view": ALL,
    "areas.view": ALL,
    "devices.use": ALL,
    "exports.use": OWN,
    "accounts.password": ALL,
}

# City officers and facilitators: the area workers. Their reach is the work areas assigned to them.
_AREA_WORKER = {
    **_EVERY_ACCOUNT,
    "dashboards.view": AREA,
    "registry.view": AREA,
    "registry.see_nik": AREA,
    "registry.record": AREA,
    "registry.add_member": AREA,
    "registry.welfare": AREA,
    "registry.import": AREA,
    "organizations.view": AREA,
    "organizations.create": AREA,
    "organizations.manage": AREA,
    "slums.view": AREA,
    "slums.record": AREA,
    "collaboration.view": AREA,
    "collaboration.record": AREA,
    "partnerships.view": AREA,
    "partnerships.record": AREA,
    "activities.view": AREA,
    "activities.record": AREA,
    "wastebank.view": AREA,
    "treasury.view": AREA,
    "treasury.view_records": AREA,
    "posyandu.view": AREA,
    "posyandu.record": AREA,
    "posyandu.report": AREA,
    "casework.open": AREA,
    "casework.record": TEAM,
    "casework.see_health": TEAM,
    "programs.view": AREA,
    "programs.manage": AREA,
    "socialcapital.view": AREA,
    "socialcapital.record": AREA,
    "participation.view": AREA,
    "participation.raise": AREA,
    "participation.handle": AREA,
    "participation.plan": AREA,
}

ROLE_GRANTS: dict[str, dict[str, tuple[Reach, ...]]] = {
    Role.CITY_OFFICER: {
        **_AREA_WORKER,
        "areas.manage": AREA,
        "areas.assign": AREA,
        # Password resets for the accounts working or taking part inside the officer's areas (never another city
        # officer's: `gotong.accounts.managed`).
        "accounts.manage": AREA,
        # City officers supervise the city's case workers, so they see every case of their areas.
        "casework.view": (Reach.AREA, Reach.TEAM),
        "casework.supervise": (Reach.AREA, Reach.TEAM),
    },
    Role.FACILITATOR: {
        **_AREA_WORKER,
        # A PSM or pendamping sees the cases they work on (or supervise), not every case of the kelurahan.
        "casework.view": TEAM,
        "casework.supervise": TEAM,
    },
    # Organisation staff act by the role they hold in each organisation: MEMBER_GRANTS below.
    Role.ORG_STAFF: {
        **_EVERY_ACCOUNT,
        "casework.view": TEAM,
        "casework.record": TEAM,
        "casework.see_health": TEAM,
        # Their own savings and loans, as any resident's (a kader who saves with the KSM next door).
        "treasury.view": OWN,
        "treasury.view_records": OWN,
    },
    # Partners read aggregates and their own organisation; they never write community records.
    Role.PARTNER: {
        **_EVERY_ACCOUNT,
        "dashboards.view": AGGREGATE,
        "treasury.view": AGGREGATE,
        "socialcapital.view": AGGREGATE,
    },
    # Residents read their own household and accounts and take part; they manage nothing.
    Role.RESIDENT: {
        **_EVERY_ACCOUNT,
        "dashboards.view": OWN,
        "registry.view": OWN,
        "activities.view": OWN,
        "wastebank.view": OWN,
        "treasury.view": OWN,
        "treasury.view_records": OWN,
        "posyandu.view": OWN,
        "socialcapital.view": AGGREGATE,
        "participation.view": OWN,
        "participation.raise": OWN,
        "participation.support": OWN,
    },
}

# What anyone without an account may do: the public portal only.
ANONYMOUS_GRANTS: dict[str, tuple[Reach, ...]] = {"portal.view": ALL}

# Every membership, whatever its role (a plain anggota too): see one's own organisation and its treasury summary,
# the events it organises and its partnerships (both sides: a partner's staff through their membership of the
# partner, the community's people through theirs; organisations only, no person is named). Taking part is not
# managing.
_ANY_MEMBER = {
    "organizations.view": ORG,
    "treasury.view": ORG,
    "activities.view": ORG,
    "partnerships.view": ORG,
}

# The organisation's officers (ketua, sekretaris, bendahara, pengelola, staf, kader) work with the registry persons
# of the area their organisation serves, with masked identifiers, and see that area's dashboards and programs.
_OFFICER = {
    **_ANY_MEMBER,
    "dashboards.view": (Reach.ORG_AREA,),
    "registry.view": (Reach.ORG_AREA,),
    "organizations.view": ORG_AND_AREA,
    "activities.view": ORG_AND_AREA,
    "programs.view": ORG_AND_AREA,
    "socialcapital.view": (Reach.ORG_AREA,),
    "slums.view": (Reach.ORG_AREA,),
    "collaboration.view": (Reach.ORG_AREA,),
    "wastebank.view": ORG,
    "posyandu.view": ORG,
    # RT/RW-level officers record aspirations for residents of the area they serve (residents without a phone),
    # read the area's public ones, and handle those the routing table gives their organisation
    # (`participation.models.aspiration`: private texts and names only to the handling units).
    "participation.view": ORG_AND_AREA,
    "participation.raise": (Reach.ORG_AREA,),
    "participation.handle": ORG,
}

# Managing roles (ketua, pengelola) run their organisation: its members, events, programs and cases.
_MANAGING = {
    **_OFFICER,
    "organizations.manage": ORG,
    "activities.record": ORG,
    "programs.manage": ORG,
    "casework.view": ORG,
    "casework.open": ORG,
    "registry.add_member": (Reach.ORG_AREA,),
    "wastebank.record": ORG,
    "posyandu.record": ORG,
    "posyandu.report": ORG,
}

_BOOKKEEPING = {
    "treasury.view_records": ORG,
    "treasury.record": ORG,
}

# What the community gave back to its partners (seed 002: accounts opened, KUR loans, the partners' names promoted)
# is the community's own record, kept by those who keep its books and minutes; partners never write it.
_RECIPROCITY = {"partnerships.record": ORG}

MEMBER_GRANTS: dict[str, dict[str, tuple[Reach, ...]]] = {
    MemberRole.CHAIR: {**_MANAGING, **_BOOKKEEPING, **_RECIPROCITY},
    MemberRole.MANAGER: {**_MANAGING, **_RECIPROCITY},
    MemberRole.TREASURER: {**_OFFICER, **_BOOKKEEPING, **_RECIPROCITY, "wastebank.record": ORG},
    MemberRole.SECRETARY: {**_OFFICER, **_RECIPROCITY, "activities.record": ORG},
    MemberRole.CADRE: {
        **_OFFICER,
        "posyandu.record": ORG,
        "posyandu.report": ORG,
        "registry.add_member": (Reach.ORG_AREA,),
    },
    # Staf/petugas: the bank's weigher, the support group's field worker.
    MemberRole.STAFF: {
        **_OFFICER,
        "wastebank.record": ORG,
        "casework.view": ORG,
        "casework.open": ORG,
        "registry.add_member": (Reach.ORG_AREA,),
    },
    MemberRole.MEMBER: _ANY_MEMBER,
}

# A membership grants a module's capabilities only in organisations of these kinds: a cadre records in a posyandu,
# never in the waste bank where she is also the treasurer.
MODULE_ORGANIZATION_KINDS: dict[str, frozenset[str]] = {
    "posyandu": frozenset({OrganizationKind.POSYANDU}),
    "wastebank": frozenset({OrganizationKind.WASTE_BANK}),
}

# Account roles whose memberships act by their membership role. Anyone else who belongs to an organisation (a
# resident in a KSM, a partner's officer in its CSR unit) takes part as a plain member.
ROLES_ACTING_BY_MEMBERSHIP = frozenset({Role.ORG_STAFF})


def superuser_grants() -> dict[str, tuple[Reach, ...]]:
    """Everything everywhere, except health details: those are for the case team only, not even admins; and the
    visits, assessments, aid and referrals of a case, which its team records (the recorder is the visit's worker)."""
    grants = dict.fromkeys(CAPABILITIES, ALL)
    grants["casework.see_health"] = TEAM
    grants["casework.record"] = TEAM
    return grants
