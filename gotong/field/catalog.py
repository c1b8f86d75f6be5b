"""Texts the field JavaScript shows, translated by Django and handed to the page as JSON."""

from django.utils.translation import gettext as _


def form_titles() -> dict[str, str]:
    return {
        "weighing": _("Penimbangan balita"),
        "anc_visit": _("Pemeriksaan ibu hamil"),
        "immunisation": _("Imunisasi balita"),
        "deposit": _("Setoran bank sampah"),
        "visit": _("Kunjungan rumah"),
        "attendance": _("Kehadiran gotong royong"),
        "aspiration": _("Aspirasi dan pengaduan"),
    }


def js_catalog() -> dict[str, str]:
    return {
        "pending": _("%(n)s menunggu dikirim"),
        "none_pending": _("Semua isian sudah terkirim"),
        "sent": _("Terkirim"),
        "waiting": _("Menunggu dikirim"),
        "conflict": _("Bentrok: data di server sudah berubah"),
        "rejected": _("Ditolak"),
        "online": _("Terhubung"),
        "offline": _("Tanpa sinyal: isian disimpan di HP ini"),
        "slow": _("Jaringan lambat, memakai data tersimpan"),
        "saved": _("Tersimpan di HP ini. Akan dikirim saat ada sinyal."),
        "data_from": _("Data diunduh %(when)s"),
        "no_data_yet": _("Data formulir belum pernah diunduh. Buka halaman ini sekali saat ada sinyal."),
        "login_again": _("Sesi Anda habis. Masuk lagi, isian tetap tersimpan di HP ini."),
        "server_values": _("Di server"),
        "my_values": _("Isian Anda"),
        "remove": _("Hapus dari daftar"),
        "choose": _("— pilih —"),
        "already_weighed": _("Sudah ditimbang bulan ini: %(kg)s kg (%(day)s)"),
        "no_session": _("Posyandu ini belum membuka hari buka bulan ini."),
        "previous_step": _("Rencana kunjungan lalu: %(step)s"),
        "estimate": _("Perkiraan nilai: %(value)s"),
        "required": _("Lengkapi isian yang wajib."),
        "weighing_label": _("Timbang %(name)s: %(kg)s kg"),
        "anc_visit_label": _("Periksa hamil %(name)s"),
        "already_visited": _("Sudah diperiksa hari itu; kirim akan mengoreksi."),
        "pregnancy_note": _("%(weeks)s minggu, HPL %(due)s"),
        "immunisation_label": _("Imunisasi %(name)s: %(doses)s"),
        "no_doses_due": _("Tidak ada imunisasi yang jatuh jadwal hari ini untuk anak ini."),
        "deposit_label": _("Setoran %(name)s: %(kg)s kg"),
        "visit_label": _("Kunjungan %(name)s"),
        "attendance_label": _("Hadir %(title)s: %(n)s orang"),
        "aspiration_label": _("Aspirasi %(category)s: %(text)s"),
        "decisions": _("%(n)s menunggu keputusan Anda"),
        "field": _("Isian"),
        "empty": _("(kosong)"),
        "differs": _("berbeda"),
        "keep_mine": _("Pakai isian saya"),
        "keep_server": _("Pakai data server"),
        "choose_help": _(
            "Pakai isian saya: isian Anda dikirim dan menggantikan data di server. "
            "Pakai data server: isian Anda dibuang dari HP ini."
        ),
        "server_only_help": _(
            "Data yang sudah tercatat di server tidak bisa diganti dari HP; ubah di Gotong bila perlu."
        ),
        "kept_server": _("Isian Anda dibuang; data di server yang dipakai."),
    }
