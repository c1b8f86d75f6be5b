"""The monthly report as PDF and XLSX: the sections laid out as they come, numbers typed in the XLSX."""

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from gotong.core.pdf import ReportPDF, pdf_response
from gotong.core.tabular import xlsx_response

NAME_MM = 50


def _cell(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return number_format(value, 1)
    return str(value)


def title(month) -> str:
    return _("Laporan bulanan posyandu %(month)s") % {"month": date_format(month, "F Y")}


def scope_line(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return _("%(n)s posyandu: %(names)s") % {
        "n": len(names),
        "names": ", ".join(names[:8]) + ("…" if len(names) > 8 else ""),
    }


def report_pdf(month, names, sections):
    pdf = ReportPDF(title(month), scope_line(names), landscape=True)
    for section in sections:
        pdf.heading(section.title)
        rows = [[_cell(v) for v in row] for row in section.rows]
        # The posyandu's name gets room of its own; the numbers share the rest of the page.
        rest = (pdf.epw - NAME_MM) / (len(section.headers) - 1)
        widths = (NAME_MM, *([rest] * (len(section.headers) - 1)))
        pdf.data_table(section.headers, rows, col_widths=widths, align_right=set(range(1, len(section.headers))))
        for note in section.notes:
            pdf.paragraph(note)
    return pdf_response(pdf, f"laporan-posyandu-{month:%Y-%m}.pdf")


def report_xlsx(month, names, sections):
    # Sheet names from the stable keys: titles run past Excel's 31 characters and would be cut mid-word.
    sheets = [(section.key, section.headers, section.rows) for section in sections]
    return xlsx_response(f"laporan-posyandu-{month:%Y-%m}.xlsx", sheets)
