"""Printable reports (passbooks, growth cards, monthly reports) as PDF, one look for every module.

fpdf2 with the DejaVu fonts that ship inside matplotlib, so names with any Unicode letter print correctly
without installing system fonts.
"""

import logging
from datetime import datetime
from pathlib import Path

import matplotlib
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from gotong.core.dates import short_datetime

FONT = "DejaVu"
_FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
# fontTools narrates every font subset at INFO; that is noise in a server log.
logging.getLogger("fontTools").setLevel(logging.WARNING)


class ReportPDF(FPDF):
    """An A4 report with a title block on every page and "page x of y" at the foot."""

    def __init__(self, title: str, subtitle: str = "", *, landscape: bool = False):
        super().__init__(orientation="L" if landscape else "P", unit="mm", format="A4")
        self.add_font(FONT, "", str(_FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(_FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.report_title = title
        self.report_subtitle = subtitle
        self.printed_at: datetime = timezone.localtime()
        self.set_title(title)
        self.set_creator("Gotong")
        self.set_auto_page_break(auto=True, margin=15)
        self.set_font(FONT, size=9)
        self.add_page()

    def header(self) -> None:
        self.set_font(FONT, "B", 13)
        self.cell(0, 7, self.report_title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if self.report_subtitle:
            self.set_font(FONT, "", 9)
            self.multi_cell(0, 5, self.report_subtitle, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_draw_color(25, 135, 84)
        self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1)
        self.ln(4)
        self.set_font(FONT, "", 9)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "", 7)
        printed = short_datetime(self.printed_at)
        self.cell(0, 5, _("Dicetak dari Gotong, %(when)s") % {"when": printed}, align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, _("Halaman %(page)s dari %(pages)s") % {"page": self.page_no(), "pages": "{nb}"}, align="R")

    def heading(self, text: str) -> None:
        self.ln(2)
        self.set_font(FONT, "B", 11)
        self.cell(0, 6, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FONT, "", 9)

    def paragraph(self, text: str) -> None:
        self.multi_cell(0, 5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def key_values(self, pairs: list[tuple[str, object]]) -> None:
        """Label: value lines, e.g. the member and account at the top of a passbook.

        The label column is as wide as the block's widest label (a fixed width let "Kunjungan direncanakan" run
        into its number); a label too long for half the page goes on its own line above its value.
        """
        self.set_font(FONT, "B", 9)
        labels = [f"{label}:" for label, _value in pairs]
        gap = 3
        widest = max((self.get_string_width(text) for text in labels), default=0) + gap
        limit = self.epw / 2
        width = max(45, min(widest, limit))
        for text, (_label, value) in zip(labels, pairs, strict=True):
            self.set_font(FONT, "B", 9)
            if self.get_string_width(text) + gap > width:
                self.multi_cell(0, 5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                self.set_x(self.l_margin + width)
            else:
                self.cell(width, 5, text)
            self.set_font(FONT, "", 9)
            self.multi_cell(0, 5, "" if value is None else str(value), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(2)

    def data_table(
        self,
        headers: list[str],
        rows: list[list[object]],
        *,
        col_widths: tuple[float, ...] | None = None,
        align_right: set[int] = frozenset(),
    ) -> None:
        """A table that repeats its header row on each new page; columns in `align_right` hold numbers.

        `col_widths` are millimetres: a narrow table stays narrow instead of stretching across the page.
        """
        self.set_font(FONT, "", 8)
        sizing = {"width": min(sum(col_widths), self.epw), "align": "LEFT"} if col_widths else {}
        with self.table(
            col_widths=col_widths,
            **sizing,
            first_row_as_headings=True,
            repeat_headings=1,
            line_height=5,
            headings_style=_HEADINGS_STYLE,
        ) as table:
            heading = table.row()
            for text in headers:
                heading.cell(str(text))
            for values in rows:
                row = table.row()
                for index, value in enumerate(values):
                    row.cell("" if value is None else str(value), align="RIGHT" if index in align_right else "LEFT")
        self.set_font(FONT, "", 9)
        self.ln(2)

    def chart(self, png: bytes, *, width: float | None = None) -> None:
        """A chart made by `gotong.core.charts.figure_png`."""
        from io import BytesIO

        self.image(BytesIO(png), w=width or (self.w - self.l_margin - self.r_margin))
        self.ln(2)


def _headings_style():
    from fpdf.fonts import FontFace

    return FontFace(emphasis="BOLD", fill_color=(226, 240, 232))


_HEADINGS_STYLE = _headings_style()


def pdf_response(pdf: FPDF, filename: str, *, inline: bool = True) -> HttpResponse:
    response = HttpResponse(bytes(pdf.output()), content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
