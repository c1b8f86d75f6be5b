"""The loan statement as a PDF: terms, the schedule with what was paid, and every repayment."""

from django.utils import formats
from django.utils.translation import gettext as _

from gotong.core.money import format_rupiah
from gotong.core.pdf import ReportPDF, pdf_response
from gotong.treasury.services import loan_state


def _day(value) -> str:
    return formats.date_format(value, "j M Y")


def loan_statement_pdf(loan):
    installments = list(loan.installments.all())
    state = loan_state(loan, installments=installments)
    pdf = ReportPDF(
        _("Kartu pinjaman — %(name)s") % {"name": loan.member.person.name},
        f"{loan.organization.name} · {loan.product.name}",
    )
    pdf.key_values(
        [
            (_("Anggota"), f"{loan.member.number:03d} {loan.member.person.name}"),
            (_("Pokok pinjaman"), format_rupiah(loan.principal)),
            (_("Bunga"), loan.stated_rate()),
            (_("Jangka waktu"), _("%(n)s bulan") % {"n": loan.term_months}),
            (_("Biaya administrasi"), format_rupiah(loan.admin_fee)),
            (_("Dicairkan"), _day(loan.disbursed_on)),
            (_("Sudah dibayar"), format_rupiah(state.paid)),
            (_("Sisa pinjaman"), format_rupiah(state.outstanding)),
            (_("Status"), state.status),
        ]
    )  # fmt: skip
    pdf.heading(_("Jadwal angsuran"))
    pdf.paragraph(_("Dibulatkan ke rupiah penuh; selisih pembulatan dibebankan pada angsuran terakhir."))
    pdf.data_table(
        [_("Ke"), _("Jatuh tempo"), _("Pokok"), _("Bunga"), _("Jumlah"), _("Dibayar"), _("Sisa")],
        [
            [i.number, _day(i.due_on)]
            + [format_rupiah(v) for v in (i.principal_due, i.interest_due, i.total_due)]
            + [format_rupiah(i.principal_paid + i.interest_paid), format_rupiah(i.remaining)]
            for i in installments
        ],
        align_right={0, 2, 3, 4, 5, 6},
    )
    pdf.heading(_("Pembayaran"))
    repayments = list(loan.repayments.all())
    if repayments:
        pdf.data_table(
            [_("Tanggal"), _("Jumlah"), _("Untuk bunga"), _("Untuk pokok")],
            [
                [
                    _day(r.paid_on),
                    format_rupiah(r.amount),
                    format_rupiah(r.interest_part),
                    format_rupiah(r.principal_part),
                ]
                for r in repayments
            ],
            align_right={1, 2, 3},
        )
    else:
        pdf.paragraph(_("Belum ada pembayaran."))
    return pdf_response(pdf, f"pinjaman-{loan.public_id}.pdf")
