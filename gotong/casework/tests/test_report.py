import datetime
import io
import re

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from gotong.casework import report, services
from gotong.casework.models import Frequency, Program
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

D = datetime.date


@pytest.fixture
def march(tb_case, facilitator):
    """Case A (TB, monthly from 10 Jan) and case B (PKH, opened 2 Mar, closed 18 Mar)."""
    services.set_visit_plan(tb_case, frequency=Frequency.MONTHLY, start_on=D(2026, 1, 10), acting_user=facilitator)
    services.log_visit(tb_case, visited_on=D(2026, 1, 9), met_with="Raja Ali", adherence="yes", acting_user=facilitator)
    services.log_visit(tb_case, visited_on=D(2026, 3, 12), met_with="Raja Ali", adherence="no", acting_user=facilitator)
    for kind, value in (("nutrition", 250_000), ("nutrition", 250_000), ("transport", 150_000), ("goods", 75_000)):
        services.give_assistance(
            tb_case, given_on=D(2026, 3, 12), kind=kind, value=value, source="partner", acting_user=facilitator
        )
    services.give_assistance(
        tb_case, given_on=D(2026, 2, 12), kind="nutrition", value=999_000, source="partner", acting_user=facilitator
    )
    services.refer(
        tb_case, service="puskesmas", service_name="Puskesmas Tanjung Unggat", reason="Efek samping obat",
        referred_on=D(2026, 3, 12), acting_user=facilitator,
    )  # fmt: skip
    household = HouseholdFactory(area=rt_in("21.72.03.1005", 1, 1))
    PersonFactory(household=household, name="Wan Saleha")
    pkh = services.open_case(
        program=Program.PKH, household=household, summary="Anak putus sekolah", opened_reason="Data PKH",
        opened_on=D(2026, 3, 2), acting_user=facilitator,
    )  # fmt: skip
    services.log_visit(pkh, visited_on=D(2026, 3, 3), met_with="Wan Saleha", acting_user=facilitator)
    services.close_case(pkh, closed_on=D(2026, 3, 18), reason="moved", acting_user=facilitator)
    return report.monthly_report(facilitator, 2026, 3)


def test_report_numbers(march):
    r = march
    assert (r.open_at_start, r.opened, r.closed, r.open_at_end) == (1, 1, 1, 1)
    assert (r.visits_planned, r.planned_visits_done, r.visits_done) == (1, 1, 2)
    assert r.assistance == [
        ("Paket nutrisi", 2, 500_000), ("Uang transport (enabler)", 1, 150_000), ("Barang", 1, 75_000),
    ]  # fmt: skip
    assert r.assistance_total == 725_000
    assert r.referrals_made == 1 and ("Dirujuk", 1) in r.referrals


def test_february_counts_the_missed_visit(march, facilitator):
    feb = report.monthly_report(facilitator, 2026, 2)
    assert (feb.visits_planned, feb.planned_visits_done, feb.visits_done) == (1, 0, 0)
    assert feb.assistance_total == 999_000 and feb.open_at_end == 1


def test_pdf_reads_back(march):
    text = "\n".join(
        page.extract_text() for page in PdfReader(io.BytesIO(bytes(report.report_pdf(march).output()))).pages
    )
    assert "Laporan bulanan pendampingan" in text
    # Each label is set apart from its number (a fixed label column once printed "Kunjungan direncanakan1").
    assert re.search(r"Kunjungan direncanakan:\s+1\b", text)
    assert re.search(r"Kunjungan dilakukan:\s+2\b", text)
    assert not re.search(r"[a-z]\d", text.replace("Rp", "")), "a label glued to its number"
    assert "Rp725.000" in text and "Rp500.000" in text
    assert "Wan Saleha" in text
    # No health details in a report that goes to the office.
    assert "resisten" not in text


def test_xlsx_reads_back(march):
    from gotong.core.tabular import xlsx_bytes

    book = load_workbook(io.BytesIO(xlsx_bytes(report.report_sheets(march))))
    summary = {row[0]: row[1] for row in book["Ringkasan"].iter_rows(min_row=2, values_only=True)}
    assert summary["Kunjungan direncanakan"] == 1
    assert summary["Kunjungan dilakukan"] == 2
    assert summary["Nilai bantuan (Rp)"] == 725_000
    assert summary["Ditutup bulan ini"] == 1
    assistance = list(book["Bantuan"].iter_rows(min_row=2, values_only=True))
    assert ("Paket nutrisi", 2, 500_000) in assistance
