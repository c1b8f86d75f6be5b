"""The passbook and the monthly report as PDF (gotong.core.pdf) and the report as XLSX (gotong.core.tabular)."""

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from gotong.core.money import format_rupiah
from gotong.core.pdf import ReportPDF, pdf_response
from gotong.core.tabular import xlsx_response
from gotong.registry.nik import mask_nik
from gotong.wastebank.reports import passbook


def kg(grams_or_kg, *, grams=True) -> str:
    value = grams_or_kg / 1000 if grams else grams_or_kg
    return number_format(round(value, 2), decimal_pos=2, force_grouping=True)


def _day(value) -> str:
    return date_format(value, "j M Y")


def passbook_pdf(member):
    lines = passbook(member)
    pdf = ReportPDF(_("Buku Tabungan Bank Sampah"), str(member.bank))
    pdf.key_values(
        [
            (_("Nomor anggota"), member.number),
            (_("Nama"), member.person.name),
            (_("NIK"), mask_nik(member.person.nik)),
            (_("Bergabung"), _day(member.joined_on)),
            (_("Saldo"), format_rupiah(lines[-1].balance if lines else 0)),
        ]
    )
    rows = [
        [
            _day(line.date),
            line.memo,
            "" if line.kg is None else kg(line.kg, grams=False),
            format_rupiah(line.deposit) if line.deposit else "",
            format_rupiah(line.withdrawal) if line.withdrawal else "",
            format_rupiah(line.balance),
        ]  # fmt: skip
        for line in lines
    ]
    pdf.data_table(
        [_("Tanggal"), _("Keterangan"), _("Berat (kg)"), _("Setor"), _("Tarik"), _("Saldo")],
        rows,
        col_widths=(22, 62, 18, 26, 26, 28),
        align_right={2, 3, 4, 5},
    )
    return pdf_response(pdf, f"buku-tabungan-{member.number}.pdf")


def _period(report) -> str:
    return date_format(report.start, "F Y")


def report_pdf(report):
    pdf = ReportPDF(_("Laporan Bulanan Bank Sampah"), f"{report.bank} — {_period(report)}")
    pdf.heading(_("Ringkasan"))
    pdf.key_values(_summary_pairs(report))
    pdf.heading(_("Sampah per jenis"))
    pdf.data_table(
        [_("Jenis"), _("Masuk (kg)"), _("Nilai masuk"), _("Terjual (kg)"), _("Nilai jual")],
        [
            [
                r.name,
                kg(r.deposited_grams),
                format_rupiah(r.deposited_value),
                kg(r.sold_grams),
                format_rupiah(r.sold_value),
            ]
            for r in report.rows
        ]
        + [
            [
                _("Jumlah"),
                kg(report.deposited_grams),
                format_rupiah(report.deposited_value),
                kg(report.sold_grams),
                format_rupiah(report.sold_value),
            ],
        ],  # fmt: skip
        col_widths=(50, 28, 36, 28, 36),
        align_right={1, 2, 3, 4},
    )
    pdf.paragraph(_("Nilai dihitung per baris: berat (gram) × harga per kg ÷ 1000, dibulatkan ke rupiah terdekat."))
    return pdf_response(pdf, f"laporan-bank-sampah-{report.start:%Y-%m}.pdf")


def _summary_pairs(report):
    return [
        (_("Setoran"), report.deposits),
        (_("Anggota aktif menyetor"), f"{report.members_active} / {report.members_total}"),
        (_("Anggota baru"), report.members_new),
        (_("Sampah masuk"), f"{kg(report.deposited_grams)} kg — {format_rupiah(report.deposited_value)}"),
        (_("Sampah terjual"), f"{kg(report.sold_grams)} kg — {format_rupiah(report.sold_value)}"),
        (_("Selisih jual − beli"), format_rupiah(report.margin)),
        (_("Penarikan tunai"), format_rupiah(report.withdrawals_cash)),
        (_("Penarikan barang (sembako)"), format_rupiah(report.withdrawals_goods)),
        (_("Kas masuk lain"), format_rupiah(report.cash_in)),
        (_("Kas awal bulan"), format_rupiah(report.cash_open)),
        (_("Kas akhir bulan"), format_rupiah(report.cash_close)),
        (_("Tabungan anggota akhir bulan"), format_rupiah(report.savings_close)),
    ]


def report_xlsx(report):
    categories = (
        _("Sampah per jenis"),
        [_("Jenis"), _("Masuk (kg)"), _("Nilai masuk (Rp)"), _("Terjual (kg)"), _("Nilai jual (Rp)")],
        [[r.name, r.deposited_grams / 1000, r.deposited_value, r.sold_grams / 1000, r.sold_value] for r in report.rows],
    )
    summary = (
        _("Ringkasan"),
        [_("Uraian"), _("Nilai")],
        [
            [_("Setoran"), report.deposits],
            [_("Anggota aktif menyetor"), report.members_active],
            [_("Anggota terdaftar"), report.members_total],
            [_("Anggota baru"), report.members_new],
            [_("Sampah masuk (kg)"), report.deposited_grams / 1000],
            [_("Nilai sampah masuk (Rp)"), report.deposited_value],
            [_("Sampah terjual (kg)"), report.sold_grams / 1000],
            [_("Nilai jual (Rp)"), report.sold_value],
            [_("Penarikan tunai (Rp)"), report.withdrawals_cash],
            [_("Penarikan barang (Rp)"), report.withdrawals_goods],
            [_("Kas masuk lain (Rp)"), report.cash_in],
            [_("Kas awal bulan (Rp)"), report.cash_open],
            [_("Kas akhir bulan (Rp)"), report.cash_close],
            [_("Tabungan anggota akhir bulan (Rp)"), report.savings_close],
        ],
    )
    return xlsx_response(f"laporan-bank-sampah-{report.start:%Y-%m}.xlsx", [summary, categories])
