"""Texts the field JavaScript shows, translated by Django and handed to the page as JSON."""

from django.utils.translation import gettext as _


def form_titles() -> dict[str, str]:
    return {
        "weighing": _("Penimbangan balita"),
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
        "saved": _("Tersimpan di HP ini. Akan dikirim saat ada sinyal."),
        "data_from": _("Data diunduh %(when)s"),
        "no_data_yet": _("Data formulir belum pernah diunduh. Buka halaman ini sekali saat ada sinyal."),
        "login_again": _("Sesi Anda habis. Masuk lagi, isian tetap tersimpan di HP ini."),
        "server_values": _("Di server"),
        "my_values": _("Isian Anda"),
        "discard": _("Buang isian saya"),
        "send_correction": _("Kirim sebagai koreksi"),
        "remove": _("Hapus dari daftar"),
        "choose": _("— pilih —"),
        "already_weighed": _("Sudah ditimbang bulan ini: %(kg)s kg (%(day)s)"),
        "no_session": _("Posyandu ini belum membuka hari buka bulan ini."),
        "previous_step": _("Rencana kunjungan lalu: %(step)s"),
        "estimate": _("Perkiraan nilai: %(value)s"),
        "required": _("Lengkapi isian yang wajib."),
        "weighing_label": _("Timbang %(name)s: %(kg)s kg"),
        "immunisation_label": _("Imunisasi %(name)s: %(doses)s"),
        "no_doses_due": _("Tidak ada imunisasi yang jatuh jadwal hari ini untuk anak ini."),
        "deposit_label": _("Setoran %(name)s: %(kg)s kg"),
        "visit_label": _("Kunjungan %(name)s"),
        "attendance_label": _("Hadir %(title)s: %(n)s orang"),
        "aspiration_label": _("Aspirasi %(category)s: %(text)s"),
        "field_weight_kg": _("Berat (kg)"),
        "field_length_cm": _("Panjang/tinggi (cm)"),
        "field_measured_on": _("Tanggal ukur"),
        "field_muac_cm": _("LiLA (cm)"),
        "field_next_step": _("Rencana berikutnya"),
        "field_met_with": _("Bertemu dengan"),
        "field_present": _("Hadir"),
        "field_prices": _("Harga per kg"),
        "field_guests": _("Peserta tidak terdaftar"),
    }
