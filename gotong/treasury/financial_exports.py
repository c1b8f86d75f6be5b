"""The financial statements as PDF (`gotong.core.pdf`) and XLSX (`gotong.core.tabular`): the same figures as the page.

The PDF is what the treasurer prints for the members' meeting (the "laporan pertanggungjawaban"); the XLSX keeps
amounts as numbers so a member can check the sums in a spreadsheet.
"""

from django.utils.translation import gettext as _

from gotong.core.dates import month_year, short_date, short_datetime
from gotong.core.money import format_rupiah
from gotong.core.pdf import ReportPDF, pdf_response
from gotong.core.tabular import xlsx_response


def _filename(statements, ext: str) -> str:
    return f"laporan-keuangan-{statements.organization.pk}-{statements.period.code}.{ext}"


def close_lines(statements) -> list[str]:
    """One sentence per month of the period: who signed it off and when, or that it is still open."""
    lines = []
    for close in statements.closes:
        who = close.closed_by.get_full_name() or close.closed_by.username
        text = _(
            "%(month)s ditutup oleh %(who)s, %(when)s: kas menurut buku %(book)s, kas dihitung %(counted)s, "
            "selisih %(diff)s."
        ) % {  # fmt: skip
            "month": month_year(close.month),
            "who": who,
            "when": short_datetime(close.created_at),
            "book": format_rupiah(close.book_cash),
            "counted": format_rupiah(close.counted_cash),
            "diff": format_rupiah(close.difference),
        }
        if close.explanation:
            text += " " + _("Penjelasan: %(text)s") % {"text": close.explanation}
        lines.append(text)
    for month in statements.open_months:
        lines.append(_("%(month)s belum ditutup: angka sementara.") % {"month": month_year(month)})
    return lines


def sections(statements) -> list[tuple[str, list[tuple[str, int | None]]]]:
    """The three statements as (heading, [(label, amount)]) — a None amount is a sub-heading."""
    flow, sheet, surplus = statements.cash_flow, statements.balance_sheet, statements.surplus
    period = statements.period
    cash_rows = [(_("Saldo kas awal (%(day)s)") % {"day": short_date(period.start)}, flow.opening)]
    cash_rows += [(_("Penerimaan kas"), None)] + [(line.label, line.amount) for line in flow.inflows]
    cash_rows += [(_("Jumlah penerimaan"), flow.total_in), (_("Pengeluaran kas"), None)]
    cash_rows += [(line.label, line.amount) for line in flow.outflows]
    cash_rows += [
        (_("Jumlah pengeluaran"), flow.total_out),
        (_("Saldo kas akhir (%(day)s)") % {"day": short_date(period.end)}, flow.closing),
    ]
    surplus_rows = [(_("Pendapatan"), None)] + [(line.label, line.amount) for line in surplus.income]
    surplus_rows += [(_("Jumlah pendapatan"), surplus.total_income), (_("Beban"), None)]
    surplus_rows += [(line.label, line.amount) for line in surplus.expenses]
    surplus_rows += [(_("Jumlah beban"), surplus.total_expenses), (surplus.label, surplus.amount)]
    sheet_rows = [(_("Aset"), None)] + [(line.label, line.amount) for line in sheet.assets]
    sheet_rows += [(_("Jumlah aset"), sheet.total_assets), (_("Kewajiban"), None)]
    sheet_rows += [(line.label, line.amount) for line in sheet.liabilities]
    sheet_rows += [(_("Jumlah kewajiban"), sheet.total_liabilities), (_("Ekuitas"), None)]
    sheet_rows += [(line.label, line.amount) for line in sheet.equity]
    sheet_rows += [
        (_("Jumlah ekuitas"), sheet.total_equity),
        (_("Jumlah kewajiban dan ekuitas"), sheet.total_liabilities_and_equity),
    ]
    return [
        (_("Laporan arus kas"), cash_rows),
        (_("Laporan %(label)s") % {"label": surplus.label}, surplus_rows),
        (_("Neraca per %(day)s") % {"day": short_date(sheet.as_of)}, sheet_rows),
    ]


def statements_pdf(statements):
    title = _("Laporan Keuangan — %(period)s") % {"period": statements.period.label}
    pdf = ReportPDF(title, str(statements.organization.name))
    for heading, rows in sections(statements):
        pdf.heading(heading)
        pdf.data_table(
            [_("Uraian"), _("Jumlah")],
            [
                [label if amount is not None else label.upper(), "" if amount is None else format_rupiah(amount)]
                for label, amount in rows
            ],  # fmt: skip
            col_widths=(120, 50),
            align_right={1},
        )
    pdf.heading(_("Tutup buku bulanan"))
    for line in close_lines(statements):
        pdf.paragraph(line)
    return pdf_response(pdf, _filename(statements, "pdf"))


def statements_xlsx(statements):
    headers = [_("Uraian"), _("Jumlah (Rp)")]
    # Sheet names are short and plain: Excel refuses "/" and others in them ("Surplus / defisit").
    names = [_("Arus kas"), _("SHU") if statements.surplus.label.endswith("(SHU)") else _("Surplus"), _("Neraca")]
    sheets = [
        (name, headers, [[heading, None], *([label, amount] for label, amount in rows)])
        for name, (heading, rows) in zip(names, sections(statements), strict=True)
    ]
    sheets.append((_("Tutup buku"), [_("Keterangan")], [[line] for line in close_lines(statements)]))
    return xlsx_response(_filename(statements, "xlsx"), sheets)
