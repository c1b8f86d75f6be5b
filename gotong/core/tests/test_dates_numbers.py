"""Dates and numbers in text made by Python read as people write them, in the viewer's language."""

import datetime
import io
from decimal import Decimal

from django.template import Context, Template
from django.utils import translation
from pypdf import PdfReader

from gotong.core.dates import long_date, month_year, short_date, short_datetime
from gotong.core.numbers import decimal_text
from gotong.core.pdf import ReportPDF

DAY = datetime.date(2022, 3, 18)


def test_dates_in_indonesian_and_english():
    with translation.override("id"):
        assert short_date(DAY) == "18 Mar 2022"
        assert short_date(datetime.date(2022, 8, 1)) == "1 Agu 2022"
        assert long_date(datetime.date(2022, 8, 1)) == "1 Agustus 2022"
        assert month_year(DAY) == "Maret 2022"
        assert short_date(None) == "" and short_date(None, empty="—") == "—"
        # An aware moment is shown in Jakarta time: 20:00 UTC is already the next day there.
        late = datetime.datetime(2022, 3, 18, 20, 0, tzinfo=datetime.UTC)
        assert short_date(late) == "19 Mar 2022"
        assert short_datetime(late) == "19 Mar 2022, 03.00"
        # Templates use the same format by default.
        assert Template("{{ d }}").render(Context({"d": DAY})) == "18 Mar 2022"
    with translation.override("en"):
        assert short_date(DAY) == "18 Mar 2022"
        assert month_year(DAY) == "March 2022"


def test_numbers_in_messages_take_the_decimal_comma():
    with translation.override("id"):
        assert decimal_text(18.92) == "18,92"
        assert decimal_text(Decimal("3.20")) == "3,2"
        assert decimal_text(Decimal("12000.5"), 2) == "12.000,50"
        assert decimal_text(100) == "100"
        assert decimal_text(None, empty="—") == "—"
    with translation.override("en"):
        assert decimal_text(18.92) == "18.92"


def test_pdf_labels_never_run_into_their_values():
    pdf = ReportPDF("Uji")
    pdf.key_values([("Kunjungan direncanakan", 4), ("Nama", "Ami"), ("Label yang sangat panjang " * 4, 7)])
    text = PdfReader(io.BytesIO(bytes(pdf.output()))).pages[0].extract_text()
    assert "direncanakan4" not in text
    assert "Kunjungan direncanakan: 4" in " ".join(text.split())
    assert "Nama: Ami" in " ".join(text.split())
