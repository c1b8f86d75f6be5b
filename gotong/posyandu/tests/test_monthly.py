"""The puskesmas monthly report: sections computed from the hand-worked round in `day_fixtures`, scope per role,
and the page, PDF and XLSX carrying the same numbers."""

import datetime
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from gotong.organizations.models import Organization
from gotong.posyandu.monthly.sections import build_sections

pytestmark = pytest.mark.django_db
FEB, MAR = datetime.date(2026, 2, 1), datetime.date(2026, 3, 1)


def _by_key(posyandu, month):
    return {s.key: s for s in build_sections(Organization.objects.filter(pk=posyandu.pk), month)}


def test_sections_from_the_hand_worked_round(february, posyandu):
    sections = _by_key(posyandu, FEB)
    # In report order, among the other modules' sections (immunisation, pregnant women).
    assert [key for key in sections if key in {"penimbangan", "vitamin_a", "pmt"}] == [
        "penimbangan",
        "vitamin_a",
        "pmt",
    ]
    kenanga, total = sections["vitamin_a"].rows
    assert kenanga == ["Posyandu Kenanga", 1, 1, 3, 2, 75.0, 3, 2, 66.7]
    assert total[1:] == kenanga[1:]
    assert sections["pmt"].rows[0] == ["Posyandu Kenanga", 2, 1, 50.0, 0, 1, 1, 31]
    skdn = dict(zip(sections["penimbangan"].headers, sections["penimbangan"].rows[0], strict=True))
    assert (skdn["S"], skdn["D"], skdn["N"], skdn["T"], skdn["B"], skdn["BGM"]) == (5, 5, 1, 1, 3, 1)
    # March belongs to February's round: E's capsule of 5 March now counts.
    assert _by_key(posyandu, MAR)["vitamin_a"].rows[0][1:6] == [1, 1, 3, 3, 100.0]


def test_report_scope_page_pdf_and_xlsx(
    client, february, posyandu, other_posyandu, cadre, other_cadre, city_officer, partner
):
    client.force_login(cadre)
    page = client.get("/posyandu/laporan-bulanan/?bulan=2026-02").content.decode()
    assert "Vitamin A dan obat cacing" in page and "Posyandu Kenanga" in page and "Posyandu Dahlia" not in page
    assert "75" in page and "66,7" in page
    pdf = client.get("/posyandu/laporan-bulanan.pdf?bulan=2026-02")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Laporan bulanan posyandu" in text and "Kapsul biru" in text and "66,7" in text and "Anak" not in text
    xlsx = client.get("/posyandu/laporan-bulanan.xlsx?bulan=2026-02")
    book = load_workbook(io.BytesIO(xlsx.content))
    sheet = book["vitamin_a"]
    assert [c.value for c in sheet[2]] == ["Posyandu Kenanga", 1, 1, 3, 2, 75.0, 3, 2, 66.7]
    # The other posyandu's cadre sees only Dahlia (nothing given there); the city officer both; a partner nothing.
    client.force_login(other_cadre)
    page = client.get("/posyandu/laporan-bulanan/?bulan=2026-02").content.decode()
    assert "Posyandu Dahlia" in page and "Posyandu Kenanga" not in page
    client.force_login(city_officer)
    page = client.get("/posyandu/laporan-bulanan/?bulan=2026-02").content.decode()
    assert "Posyandu Dahlia" in page and "Posyandu Kenanga" in page
    client.force_login(partner)
    assert client.get("/posyandu/laporan-bulanan/").status_code in (403, 404)
