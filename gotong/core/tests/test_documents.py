"""The shared PDF and spreadsheet helpers produce files people can open and read back."""

from io import BytesIO

from openpyxl import load_workbook
from pypdf import PdfReader

from gotong.core.charts import figure_png, new_figure
from gotong.core.pdf import ReportPDF
from gotong.core.tabular import csv_text, xlsx_bytes


def test_pdf_carries_title_unicode_names_and_every_row_across_pages():
    pdf = ReportPDF("Buku Tabungan — Bank Sampah", "Anggota: Siti Ñurhaliza")
    rows = [[f"{day:02d}/01/2026", f"Setoran {day}", "12.800"] for day in range(1, 31)] * 3
    pdf.data_table(["Tanggal", "Uraian", "Kredit"], rows, col_widths=(30, 100, 40), align_right={2})
    figure = new_figure()
    figure.add_subplot().plot([0, 1], [1, 2])
    pdf.chart(figure_png(figure), width=100)

    reader = PdfReader(BytesIO(bytes(pdf.output())))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 2
    assert "Siti Ñurhaliza" in text
    assert text.count("Setoran 30") == 3
    assert f"Halaman 1 dari {len(reader.pages)}" in text


def test_csv_uses_the_indonesian_excel_dialect():
    text = csv_text(["Nama", "Berat (kg)"], [["Ani", 2.5], ["Budi", None]])
    assert text.startswith("\ufeffNama;Berat (kg)")
    assert "Ani;2,5" in text
    assert text.rstrip().endswith("Budi;")


def test_xlsx_keeps_numbers_as_numbers():
    workbook = load_workbook(BytesIO(xlsx_bytes([("Setoran", ["Nama", "Kg"], [["Ani", 2.5]])])))
    sheet = workbook["Setoran"]
    assert [c.value for c in sheet[1]] == ["Nama", "Kg"]
    assert sheet["B2"].value == 2.5
