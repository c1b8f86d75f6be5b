"""The definitions the health page, its PDF and its spreadsheet print under "Definisi": one per indicator, in the
words of the function that computes it (keep the two in step), with the source."""

from django.utils.translation import gettext_lazy as _

ANSELL_GASH = "Ansell & Gash (2008), Collaborative Governance in Theory and Practice, JPART 18(4): 543–571"
EMERSON = "Emerson, Nabatchi & Balogh (2012), An Integrative Framework for Collaborative Governance, JPART 22(1): 1–29"
SEED = "Collaborative governance penanganan permukiman kumuh Kampung Bugis, Tanjungpinang (2020)"
PUPR = "Permen PUPR 14/PRT/M/2018"

STAGES = (
    ("dialogue", _("Dialog tatap muka")),
    ("trust", _("Membangun kepercayaan")),
    ("commitment", _("Komitmen pada proses")),
    ("understanding", _("Pemahaman bersama")),
    ("small_wins", _("Hasil antara (small wins)")),
)
STAGE_LABELS = dict(STAGES)

# (stage, key, name, definition, source) — key is the function in gotong.collaboration.health.<stage module>.
INDICATORS = (
    ("dialogue", "meetings_held", _("Pertemuan terlaksana"),
     _("Jumlah pertemuan forum kolaborasi yang tanggalnya di dalam periode."), ANSELL_GASH),
    ("dialogue", "meetings_planned", _("Pertemuan direncanakan"),
     _("Untuk forum rutin: rencana pertemuan per tahun × jumlah bulan periode ÷ 12, dibulatkan, dijumlah per "
       "forum. Forum insidental tidak punya rencana."), ANSELL_GASH),
    ("dialogue", "attendance_by_actor_type", _("Kehadiran per jenis pelaku"),
     _("Pada pertemuan dalam periode yang kehadirannya sudah dicatat: peserta hadir dari yang diundang, menurut "
       "jenis pelaku (pemerintah, lembaga masyarakat, swasta/mitra, warga). Peserta tanpa organisasi dihitung "
       "sebagai warga."), ANSELL_GASH),
    ("dialogue", "decisions_taken", _("Keputusan diambil"),
     _("Jumlah keputusan yang dicatat pada pertemuan dalam periode."), ANSELL_GASH),
    ("trust", "kept_on_time_by_actor", _("Komitmen ditepati tepat waktu per pelaku"),
     _("Dari komitmen yang tenggatnya di dalam periode dan sudah jatuh tempo (atau sudah selesai): persentase "
       "yang selesai paling lambat pada tenggatnya. Komitmen yang batal atau terlambat menurunkan angka."),
     f"{ANSELL_GASH}; {EMERSON}"),
    ("trust", "datasets_shared", _("Data yang dibagikan"),
     _("Catatan register berbagi data yang tanggalnya di dalam periode: berapa, dari berapa pemberi ke berapa "
       "penerima, dan rinciannya."), SEED),
    ("trust", "reciprocity_evidence", _("Timbal balik mitra dan masyarakat"),
     _("Bantuan mitra yang diterima kas komunitas dalam periode (pemasukan buku kas dengan mitra pemberi, tidak "
       "dibatalkan), uang dan barang menurut nilai tercatatnya; dan sisi sebaliknya: timbal balik yang dicatat "
       "komunitas untuk mitranya (rekening dibuka, pinjaman, acara, produk dipasok) — jumlah catatan, mitra dan "
       "nilai rupiah yang tercatat."), EMERSON),
    ("commitment", "agreements_signed", _("Kesepakatan ditandatangani"),
     _("Jumlah MoU/nota kesepakatan yang ditandatangani dalam periode."), f"{ANSELL_GASH}; {SEED}"),
    ("commitment", "commitments_made", _("Komitmen dibuat"),
     _("Komitmen yang dibuat dalam periode: bertanggal pertemuan bila berasal dari keputusan forum, selain itu "
       "tanggal penandatanganan kesepakatannya."), ANSELL_GASH),
    ("commitment", "actors_stopped_attending", _("Pelaku yang berhenti hadir"),
     _("Organisasi yang diundang ke pertemuan dalam periode tetapi tidak hadir sekali pun, padahal pernah hadir "
       "sebelum periode."), ANSELL_GASH),
    ("commitment", "lapsed_commitments", _("Komitmen yang terbengkalai"),
     _("Komitmen bertenggat di dalam periode yang sudah lewat tenggat dan belum selesai (masih terbuka atau "
       "batal)."), ANSELL_GASH),
    ("understanding", "targets_agreed", _("Sasaran disepakati forum"),
     _("Sasaran bersama yang rencana tindaknya disetujui pada pertemuan forum paling lambat akhir periode, dari "
       "semua sasaran kolaborasi."), f"{ANSELL_GASH}; {SEED}"),
    ("understanding", "plans_with_owners", _("Rencana tindak dengan penanggung jawab"),
     _("Aktivitas rencana tindak yang menyebut organisasi pelaksananya, dari semua aktivitas."), ANSELL_GASH),
    ("understanding", "actors_in_target_setting", _("Pelaku yang ikut menetapkan sasaran"),
     _("Dari organisasi anggota forum: yang hadir pada pertemuan tempat rencana tindak sasaran disetujui."),
     ANSELL_GASH),
    ("small_wins", "projects_done", _("Kegiatan selesai dan anggarannya"),
     _("Kegiatan berstatus selesai yang tahunnya di dalam tahun-tahun periode, dengan anggaran per sumber dana."),
     f"{ANSELL_GASH}; {SEED}"),
    ("small_wins", "slum_hectares_reduced", _("Luas kumuh berkurang"),
     _("Per lokasi kumuh: luas kumuh yang diketahui sehari sebelum periode (atau luas SK bila lokasi ditetapkan "
       "dalam periode) dikurangi luas pada akhir periode (penilaian terakhir, atau luas SK bila belum dinilai), "
       "dijumlah."), PUPR),
    ("small_wins", "target_timeline", _("Kemajuan terhadap jadwal sasaran"),
     _("Capaian sasaran dari nilai awal menuju nilai sasaran dibanding waktu yang sudah berlalu dari tahun awal "
       "ke tahun sasaran, dinilai pada akhir periode."), ANSELL_GASH),
)  # fmt: skip

WARNINGS = (
    (_("Forum rutin tanpa pertemuan"), _("Forum rutin yang pertemuan terakhirnya lebih dari N bulan lalu (N bisa "
                                          "diatur, bawaan 3) atau belum pernah bertemu.")),
    (_("Pelaku absen berturut-turut"), _("Organisasi yang tidak hadir pada tiga pertemuan terakhir forum yang "
                                         "mengundangnya.")),
    (_("Komitmen lewat tenggat"), _("Komitmen yang belum selesai atau batal dan tenggatnya sudah lewat.")),
    (_("Sasaran tertinggal"), _("Sasaran yang capaiannya di bawah bagian waktu yang sudah berlalu.")),
    (_("Kegiatan tanpa foto sesudah"), _("Kegiatan berstatus selesai yang belum punya foto tahap sesudah.")),
)  # fmt: skip


def by_stage() -> list[dict]:
    return [
        {"key": key, "label": label, "indicators": [row for row in INDICATORS if row[0] == key]}
        for key, label in STAGES
    ]
