"""The field forms' labels, once: the form pages print them and a conflict names its fields with them.

A conflict shown on the phone must speak the form's language ("Berat badan (kg)", not `weight_kg`), so the
server sends these labels with it; keeping them here keeps page and conflict from drifting apart.
"""

from django.utils.translation import gettext_lazy as _

LABELS = {
    "weighing": {
        "posyandu": _("Posyandu"),
        "child": _("Balita"),
        "measured_on": _("Tanggal ukur"),
        "weight_kg": _("Berat badan (kg)"),
        "length_cm": _("Panjang/tinggi (cm)"),
        "measure": _("Cara ukur"),
        "muac_cm": _("LiLA (cm)"),
        "growth_card": _("Membawa KMS/buku KIA"),
        "oedema": _("Edema (bengkak kedua punggung kaki)"),
    },
    "immunisation": {
        "posyandu": _("Posyandu"),
        "child": _("Balita"),
        "doses": _("Imunisasi yang diberikan"),
        "given_on": _("Tanggal imunisasi"),
        "place": _("Tempat"),
        "batch": _("Nomor batch vaksin (opsional)"),
    },
    "anc_visit": {
        "posyandu": _("Posyandu"),
        "pregnancy": _("Ibu hamil"),
        "visited_on": _("Tanggal periksa"),
        "place": _("Tempat periksa"),
        "provider": _("Pemeriksa (bidan/dokter)"),
        "weight_kg": _("Berat badan (kg)"),
        "muac_cm": _("LiLA (cm)"),
        "hb_g_dl": _("Hb (g/dL)"),
        "systolic": _("Sistolik"),
        "diastolic": _("Diastolik"),
        "iron_tablets": _("Tablet tambah darah (TTD) diberikan"),
        "notes": _("Catatan"),
    },
    "deposit": {
        "bank": _("Bank sampah"),
        "member": _("Anggota"),
        "occurred_on": _("Tanggal"),
        "lines": _("Berat per jenis sampah (kg)"),
        "price": _("Harga per kg: %(category)s"),
        "value": _("Nilai setoran"),
    },
    "visit": {
        "case": _("Kasus"),
        "visited_on": _("Tanggal kunjungan"),
        "met_with": _("Bertemu dengan"),
        "condition": _("Kondisi"),
        "adherence": _("Kepatuhan minum obat"),
        "issues": _("Masalah"),
        "next_step": _("Rencana berikutnya"),
    },
    "attendance": {
        "event": _("Kegiatan"),
        "present": _("Warga yang hadir"),
        "guests": _("Peserta tidak terdaftar"),
        "guest_hours": _("Total jam mereka"),
    },
    "aspiration": {
        "category": _("Kategori"),
        "area": _("RT"),
        "text": _("Isi aspirasi atau pengaduan"),
        "is_public": _("Terbuka: warga kelurahan melihat isi dan statusnya, tanpa nama Anda"),
    },
}

MEASURES = {"lying": _("Telentang"), "standing": _("Berdiri")}
ADHERENCE = {
    "yes": _("Ya, minum obat sesuai resep"),
    "partly": _("Sebagian (ada dosis terlewat)"),
    "no": _("Tidak minum obat"),
}


def labels_for(kind: str) -> dict:
    return LABELS[kind]
