"""The organisations the seed papers name, where they work, and how they hang together."""

from dataclasses import dataclass

from gotong.areas.models import Area
from gotong.core.demo.places import CEMPAKO_RT, ILIR_26, KAMPUNG_BUGIS
from gotong.organizations.choices import OrganizationKind as K
from gotong.organizations.models import Organization


@dataclass(frozen=True)
class OrgSpec:
    key: str
    name: str
    kind: str
    area: str  # a city for a government unit, a village, RW or RT for a community group
    description: str = ""
    address: str = ""
    parent: str | None = None


ORGANIZATIONS = (
    # 000 Medan: Dinas Sosial links posyandu cadres, bank-sampah managers and youth communities.
    OrgSpec("dinsos_medan", "Dinas Sosial Kota Medan", K.GOVERNMENT, "12.71",
            "Fasilitator program kolaboratif: posyandu, bank sampah dan komunitas pemuda; "
            "wilayah kerja dibagi antarpetugas."),
    OrgSpec("posyandu_melati", "Posyandu Melati", K.POSYANDU, "12.71.08.1004",
            "Penimbangan bulanan balita dan ibu hamil di Belawan Bahari.", "Gg. Nelayan, Belawan Bahari"),
    OrgSpec("posyandu_mawar", "Posyandu Mawar", K.POSYANDU, "12.71.06.1002",
            "Penimbangan bulanan balita di Tanjung Mulia Hilir.", "Gg. Musholla, Tanjung Mulia Hilir"),
    OrgSpec("bank_sampah", "Bank Sampah Bagan Deli Bersih", K.WASTE_BANK, "12.71.08.1006",
            "Tabungan sampah warga: setoran ditimbang, dijual ke pengepul.", "Jl. Bagan Deli"),
    OrgSpec("pemuda", "Komunitas Pemuda Peduli Belawan", K.YOUTH, "12.71.08",
            "Pemuda penggerak gotong royong dan kegiatan sosial di Kecamatan Medan Belawan."),
    # 002 Palembang: Kampung Sayur Cempako and its network of stakeholders.
    OrgSpec("cempako", "Kampung Sayur Cempako", K.COMMUNITY_ENTERPRISE, CEMPAKO_RT,
            "Permukiman kumuh yang direvitalisasi warga menjadi kampung sayur: gotong royong mingguan, "
            "hasil panen dibukukan bendahara dan dibagi sebagai sembako dan simpan pinjam.",
            "Gg. Berdikari, Jl. Cempako Dalam, RT 17 RW 05, Kelurahan 26 Ilir"),
    OrgSpec("kel_26ilir", "Kelurahan 26 Ilir", K.GOVERNMENT, ILIR_26, "Pemerintah kelurahan."),
    OrgSpec("kec_bukitkecil", "Kecamatan Bukit Kecil", K.GOVERNMENT, "16.71.11", "Pemerintah kecamatan."),
    OrgSpec("bri", "Bank BRI Palembang", K.PARTNER_CSR, "16.71",
            "Mitra CSR Kampung Sayur Cempako (Figur Inspiratif Lokal BRI Sumatera Selatan)."),
    OrgSpec("pegadaian", "PT Pegadaian Palembang", K.PARTNER_CSR, "16.71", "Mitra CSR Kampung Sayur Cempako."),
    OrgSpec("pusri", "PT Pusri Palembang", K.PARTNER_CSR, "16.71", "Mitra CSR Kampung Sayur Cempako."),
    OrgSpec("paltv", "PAL TV", K.MEDIA, "16.71", "Media lokal yang meliput Kampung Sayur Cempako."),
    # 003 Pekanbaru: TB survivors who visit patients with drug-resistant TB every month.
    OrgSpec("tuah_tb", "Tuah TB", K.SUPPORT_GROUP, "14.71",
            "Tunjukkan Aksi Hidup tanpa Tuberkulosis: penyintas TBC resisten obat yang mendampingi pasien, "
            "kunjungan rumah setiap bulan, bantuan nutrisi dan transport."),
    # 004 Tanjungpinang: KOTAKU in Kampung Bugis.
    OrgSpec("perkim", "Dinas Perkim Kota Tanjungpinang", K.GOVERNMENT, "21.72",
            "Perumahan dan kawasan permukiman: jalan lingkungan, perbaikan RTLH (APBN/APBD)."),
    OrgSpec("korkot", "Korkot KOTAKU Kota Tanjungpinang", K.OTHER, "21.72",
            "Koordinator kota dan fasilitator kelurahan program Kota Tanpa Kumuh (KOTAKU)."),
    OrgSpec("kel_bugis", "Kelurahan Kampung Bugis", K.GOVERNMENT, KAMPUNG_BUGIS, "Pemerintah kelurahan."),
    OrgSpec("bkm_bugis", "BKM Kampung Bugis", K.BKM, KAMPUNG_BUGIS,
            "Badan Keswadayaan Masyarakat: koordinator kegiatan KOTAKU di Kampung Bugis."),
    OrgSpec("ksm_jalan", "KSM Jalan Lingkungan RW 001", K.KSM, f"{KAMPUNG_BUGIS}.001",
            "Pelaksana pembangunan jalan lingkungan.", parent="bkm_bugis"),
    OrgSpec("ksm_sanitasi", "KSM Sanitasi RW 006", K.KSM, f"{KAMPUNG_BUGIS}.006",
            "Pelaksana drainase dan sanitasi.", parent="bkm_bugis"),
)  # fmt: skip


def ensure_organizations() -> dict[str, Organization]:
    """Get or create every demo organisation; returns key → organisation."""
    areas = {a.code: a for a in Area.objects.filter(code__in={spec.area for spec in ORGANIZATIONS})}
    organizations = {}
    for spec in ORGANIZATIONS:
        parent = organizations.get(spec.parent) if spec.parent else None
        organizations[spec.key], _created = Organization.objects.get_or_create(
            name=spec.name,
            area=areas[spec.area],
            defaults={"kind": spec.kind, "description": spec.description, "address": spec.address, "parent": parent},
        )
    return organizations
